package org.gugus.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The server-sent event streams of the pages that follow a load (Unggah, Jobs): every stream open is
 * looked at by one thread, twice a second; it sends a {@value #PROGRESS} event when what it reports
 * has changed and, once the load has ended, an {@value #END} event and closes. No thread waits for a
 * client: a stream that ends, times out (after {@code gugus.web.stream-timeout}, 30 minutes unless
 * set) or whose client went away is dropped at once.
 */
@Component
class ProgressStreams implements DisposableBean {

    static final String PROGRESS = "kemajuan";
    static final String END = "selesai";
    static final Duration TICK = Duration.ofMillis(500);
    /** A comment line now and then keeps proxies from closing a stream whose load is slow between chunks. */
    static final int TICKS_BETWEEN_KEEP_ALIVES = 30;
    private static final Logger log = LoggerFactory.getLogger(ProgressStreams.class);

    private final Duration timeout;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "progress-streams");
        thread.setDaemon(true);
        return thread;
    });

    ProgressStreams(@Value("${gugus.web.stream-timeout:30m}") Duration timeout) {
        this.timeout = timeout;
        ticker.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens a stream that sends what {@code report} says at each tick until it says the load has ended. */
    SseEmitter open(Supplier<Report> report) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Stream stream = new Stream(emitter, report);
        emitter.onCompletion(() -> streams.remove(stream));
        emitter.onTimeout(() -> {
            streams.remove(stream);
            emitter.complete();
        });
        emitter.onError(error -> streams.remove(stream));
        streams.add(stream);
        // the first report goes out at once, from the ticker's thread like every other
        ticker.execute(() -> send(stream));
        return emitter;
    }

    /** How many streams are open now. */
    int open() {
        return streams.size();
    }

    private void tick() {
        for (Stream stream : streams) {
            send(stream);
        }
    }

    private void send(Stream stream) {
        if (!streams.contains(stream)) {
            return;
        }
        try {
            Report report = stream.report.get();
            if (report.ended()) {
                streams.remove(stream);
                stream.emitter.send(SseEmitter.event().name(END).data(report.data(), MediaType.APPLICATION_JSON));
                stream.emitter.complete();
            } else if (!Objects.equals(report.data(), stream.last)) {
                stream.last = report.data();
                stream.quiet = 0;
                stream.emitter.send(SseEmitter.event().name(PROGRESS).data(report.data(), MediaType.APPLICATION_JSON));
            } else if (++stream.quiet >= TICKS_BETWEEN_KEEP_ALIVES) {
                stream.quiet = 0;
                stream.emitter.send(SseEmitter.event().comment("…"));
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away (or the stream was closed meanwhile): nothing to tell anyone
            streams.remove(stream);
            log.debug("Progress stream dropped: {}", e.getMessage());
        } catch (RuntimeException e) {
            streams.remove(stream);
            log.warn("Progress stream failed", e);
            stream.emitter.completeWithError(e);
        }
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        streams.forEach(stream -> stream.emitter.complete());
        streams.clear();
    }

    /** What a stream says at one tick: its data, and whether the load has ended (then it is the last event). */
    record Report(Object data, boolean ended) {

        static Report progress(Object data) {
            return new Report(data, false);
        }

        static Report end(Object data) {
            return new Report(data, true);
        }
    }

    private static final class Stream {

        private final SseEmitter emitter;
        private final Supplier<Report> report;
        private Object last;
        private int quiet;

        private Stream(SseEmitter emitter, Supplier<Report> report) {
            this.emitter = emitter;
            this.report = report;
        }
    }
}
