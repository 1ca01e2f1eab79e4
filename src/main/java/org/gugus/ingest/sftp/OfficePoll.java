package org.gugus.ingest.sftp;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;
import org.apache.camel.support.service.ServiceSupport;
import org.gugus.intake.FileOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When and how one office's SFTP route polls. It is the route consumer's scheduler (polls on the
 * source's cron, in the source's time zone, and on demand for {@code gugus pull}), its exception
 * handler (records why a poll failed), and it keeps the source's status for the health endpoint.
 * Each poll holds the office's PostgreSQL lock; a failed poll is tried again with back-off.
 */
final class OfficePoll extends ServiceSupport implements ScheduledPollConsumerScheduler, ExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(OfficePoll.class);

    private final SftpSource source;
    private final OfficePollLock lock;
    private final SftpProperties properties;
    private final ReentrantLock polling = new ReentrantLock();
    private final AtomicLong filesPulled = new AtomicLong();
    private final AtomicLong bytesPulled = new AtomicLong();

    private CamelContext camelContext;
    private volatile Runnable task;
    private ScheduledExecutorService executor;
    private volatile ScheduledFuture<?> next;
    private volatile boolean schedulerStarted;

    // guarded by polling
    private List<FileOutcome> delivered = new ArrayList<>();
    private SftpFailure failure;

    private volatile Instant lastPoll;
    private volatile Instant lastSuccessfulPoll;
    private volatile SftpFailure lastError;
    private volatile Instant nextPoll;

    OfficePoll(SftpSource source, OfficePollLock lock, SftpProperties properties) {
        this.source = source;
        this.lock = lock;
        this.properties = properties;
    }

    SftpSource source() {
        return source;
    }

    /**
     * Polls now and returns what was pulled, trying again with back-off while the failure is one
     * that may pass (network, broken download). Waits while another instance polls this office.
     */
    PullReport pullNow() {
        return pollWithRetries(true);
    }

    private PullReport pollWithRetries(boolean waitForLock) {
        List<FileOutcome> all = new ArrayList<>();
        int attempts = Math.max(1, properties.retry().attempts());
        for (int attempt = 1; ; attempt++) {
            Optional<Attempt> result = pollOnce(waitForLock);
            if (result.isEmpty()) {
                return PullReport.busy(source.officeCode(), all);
            }
            all.addAll(result.get().deliveries());
            SftpFailure failed = result.get().failure();
            if (failed == null || !failed.retryable() || attempt >= attempts) {
                return new PullReport(source.officeCode(), all, failed, false);
            }
            Duration delay = properties.retry().delayBefore(attempt + 1);
            log.info("{}: trying again in {} (attempt {} of {})", source.routeId(), delay, attempt + 1, attempts);
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new PullReport(source.officeCode(), all, failed, false);
            }
        }
    }

    /** One poll under the office's locks; empty when another poll (here or in another instance) has them. */
    private Optional<Attempt> pollOnce(boolean waitForLock) {
        Runnable poll = task;
        if (poll == null) {
            throw new IllegalStateException(source.routeId() + " is not started");
        }
        if (waitForLock) {
            polling.lock();
        } else if (!polling.tryLock()) {
            return Optional.empty();
        }
        try {
            Optional<OfficePollLock.Held> held = lock.acquire(source.officeCode(),
                    waitForLock ? properties.lockWait() : Duration.ZERO);
            if (held.isEmpty()) {
                log.info("{}: another Gugus instance is pulling this office; skipped", source.routeId());
                return Optional.empty();
            }
            try (OfficePollLock.Held ignored = held.get()) {
                delivered = new ArrayList<>();
                failure = null;
                lastPoll = Instant.now();
                poll.run();
                if (failure == null) {
                    lastSuccessfulPoll = Instant.now();
                } else {
                    lastError = failure;
                }
                return Optional.of(new Attempt(List.copyOf(delivered), failure));
            }
        } finally {
            polling.unlock();
        }
    }

    /** Called by the route for each file it registered during this poll. */
    void pulled(FileOutcome delivery, long bytes) {
        filesPulled.incrementAndGet();
        bytesPulled.addAndGet(bytes);
        if (polling.isHeldByCurrentThread()) {
            delivered.add(delivery);
        }
    }

    /** Called by the route when a file could not be pulled or registered; the file stays on the server. */
    void failed(Throwable cause) {
        SftpFailure translated = SftpFailure.of(cause, source.address(), source.knownHosts().toString());
        log.warn("{}: {} [{}]", source.routeId(), translated.messageEn(), cause.toString());
        if (polling.isHeldByCurrentThread()) {
            if (failure == null) {
                failure = translated;
            }
        } else {
            lastError = translated;
        }
    }

    SourceStatus status() {
        SftpFailure error = lastError;
        boolean failing = error != null && (lastSuccessfulPoll == null || error.at().isAfter(lastSuccessfulPoll));
        return new SourceStatus(source.officeCode(), source.office().name(), source.address(), failing ? "FAILING" : "OK",
                lastPoll, lastSuccessfulPoll, error, filesPulled.get(), bytesPulled.get(), nextPoll);
    }

    // ---- ExceptionHandler: what the SFTP consumer could not do (connect, list, download)

    @Override
    public void handleException(Throwable exception) {
        failed(exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        failed(exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        failed(exception);
    }

    // ---- ScheduledPollConsumerScheduler: the source's cron, plus polls on demand

    @Override
    public void onInit(Consumer consumer) {
        // the consumer hands itself over as the task in scheduleTask
    }

    @Override
    public void scheduleTask(Runnable task) {
        this.task = task;
    }

    @Override
    public void unscheduleTask() {
        ScheduledFuture<?> scheduled = next;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        nextPoll = null;
        schedulerStarted = false;
    }

    @Override
    public void startScheduler() {
        if (properties.pollOnSchedule() && !schedulerStarted) {
            schedulerStarted = true;
            scheduleNext();
        }
    }

    @Override
    public boolean isSchedulerStarted() {
        return schedulerStarted;
    }

    private synchronized void scheduleNext() {
        if (!schedulerStarted || executor == null || executor.isShutdown()) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(source.timeZone());
        ZonedDateTime at = source.schedule().next(now);
        if (at == null) {
            return;
        }
        nextPoll = at.toInstant();
        next = executor.schedule(this::scheduledPoll, Duration.between(now, at).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void scheduledPoll() {
        try {
            PullReport report = pollWithRetries(false);
            if (!report.deliveries().isEmpty()) {
                log.info("{}: pulled {} file(s)", source.routeId(), report.deliveries().size());
            }
        } catch (RuntimeException e) {
            failed(e);
        } finally {
            scheduleNext();
        }
    }

    @Override
    protected void doStart() {
        if (executor == null || executor.isShutdown()) {
            executor = camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, source.routeId());
        }
    }

    @Override
    protected void doStop() {
        unscheduleTask();
        if (executor != null) {
            camelContext.getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    private record Attempt(List<FileOutcome> deliveries, SftpFailure failure) {
    }
}
