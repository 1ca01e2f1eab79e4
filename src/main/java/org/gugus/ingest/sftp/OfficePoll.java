package org.gugus.ingest.sftp;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * When and how one office's SFTP route polls. It is the route consumer's scheduler (polls on the
 * source's {@link PollSchedule} through Spring's task scheduler, and on demand for {@code gugus pull}
 * and the REST API), its exception handler (records why a poll failed), and it keeps the source's
 * status for the health endpoint. Each attempt holds the office's lease in PostgreSQL; a failure
 * that may pass is tried again by Spring's {@link RetryTemplate} with the configured back-off.
 */
final class OfficePoll extends ServiceSupport implements ScheduledPollConsumerScheduler, ExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(OfficePoll.class);

    private final SftpSource source;
    private final OfficePollLock lock;
    private final SftpProperties properties;
    private final PollThreads threads;
    private final ReentrantLock polling = new ReentrantLock();
    private final AtomicLong filesPulled = new AtomicLong();
    private final AtomicLong bytesPulled = new AtomicLong();

    private CamelContext camelContext;
    private volatile Runnable task;
    private volatile ScheduledFuture<?> scheduled;

    // guarded by polling
    private List<FileOutcome> delivered = new ArrayList<>();
    private SftpFailure failure;
    private PullListener listener = PullListener.NONE;

    private volatile Instant lastPoll;
    private volatile Instant lastSuccessfulPoll;
    private volatile SftpFailure lastError;
    private volatile Instant nextPoll;
    // a steward's settings from the Sumber SFTP page: a schedule of her own, scheduled polls paused
    private volatile PollSchedule override;
    private volatile boolean paused;
    // Camel asked for scheduled polls (the route runs), whether or not they are paused
    private volatile boolean wanted;

    OfficePoll(SftpSource source, OfficePollLock lock, SftpProperties properties, PollThreads threads) {
        this.source = source;
        this.lock = lock;
        this.properties = properties;
        this.threads = threads;
    }

    SftpSource source() {
        return source;
    }

    /** The schedule it polls on: the steward's from the page, else the configured one. */
    PollSchedule schedule() {
        PollSchedule own = override;
        return own != null ? own : source.schedule();
    }

    boolean paused() {
        return paused;
    }

    boolean overridden() {
        return override != null;
    }

    /**
     * Applies a steward's settings: {@code schedule} (null: the configured one) and whether scheduled
     * polls are paused. A poll that is scheduled is rescheduled at once; pulls asked for still run.
     */
    synchronized void override(PollSchedule schedule, boolean pause) {
        this.override = schedule;
        this.paused = pause;
        if (wanted) {
            cancel();
            startScheduler();
        }
    }

    /**
     * Polls now and returns what was pulled, trying again with back-off while the failure is one
     * that may pass (network, broken download). Waits while another instance polls this office, at
     * most {@code gugus.sftp.lock-wait}.
     */
    PullReport pullNow(PullListener listener) {
        return pull(true, listener);
    }

    private PullReport pull(boolean waitForLock, PullListener listener) {
        int attempts = Math.max(1, properties.retry().attempts());
        List<FileOutcome> all = new ArrayList<>();
        AtomicInteger attempt = new AtomicInteger();
        FailedAttempt[] lastFailed = new FailedAttempt[1];
        RetryPolicy policy = reporting(properties.retry().policy(
                failed -> failed instanceof FailedAttempt f && f.failure.retryable()),
                wait -> listener.attemptFailed(attempt.get(), attempts, lastFailed[0].failure, wait));
        try {
            Optional<SftpFailure> busy = new RetryTemplate(policy).execute(() -> {
                attempt.incrementAndGet();
                Optional<Attempt> result = pollOnce(waitForLock, listener);
                if (result.isEmpty()) {
                    return Optional.of(SftpFailure.busy(source.officeCode()));
                }
                all.addAll(result.get().deliveries());
                if (result.get().failure() != null) {
                    lastFailed[0] = new FailedAttempt(result.get().failure());
                    throw lastFailed[0];
                }
                return Optional.<SftpFailure>empty();
            });
            return new PullReport(source.officeCode(), all, busy.orElse(null), attempt.get());
        } catch (RetryException e) {
            SftpFailure failed = e.getLastException() instanceof FailedAttempt f ? f.failure : null;
            if (failed == null || Thread.currentThread().isInterrupted()) {
                failed = SftpFailure.interrupted(source.officeCode());
            } else if (failed.retryable()) {
                listener.attemptFailed(attempt.get(), attempts, failed, null);
            }
            return new PullReport(source.officeCode(), all, failed, attempt.get());
        }
    }

    /** The policy, telling the listener each wait before it begins. */
    private static RetryPolicy reporting(RetryPolicy policy, java.util.function.Consumer<Duration> waiting) {
        return new RetryPolicy() {
            @Override
            public boolean shouldRetry(Throwable throwable) {
                return policy.shouldRetry(throwable);
            }

            @Override
            public Duration getTimeout() {
                return policy.getTimeout();
            }

            @Override
            public BackOff getBackOff() {
                return () -> {
                    BackOffExecution execution = policy.getBackOff().start();
                    return () -> {
                        long wait = execution.nextBackOff();
                        if (wait != BackOffExecution.STOP) {
                            waiting.accept(Duration.ofMillis(wait));
                        }
                        return wait;
                    };
                };
            }
        };
    }

    /**
     * One poll under the office's locks; empty when another poll (here or in another instance) has
     * them. Throws InterruptedException when Gugus stops while it waits.
     */
    private Optional<Attempt> pollOnce(boolean waitForLock, PullListener listener) throws InterruptedException {
        Runnable poll = task;
        if (poll == null) {
            throw new IllegalStateException(source.routeId() + " is not started");
        }
        if (waitForLock) {
            polling.lockInterruptibly();
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
                this.listener = listener;
                lastPoll = Instant.now();
                poll.run();
                if (Thread.interrupted()) {
                    throw new InterruptedException(source.routeId() + " stopped");
                }
                if (failure == null) {
                    lastSuccessfulPoll = Instant.now();
                } else {
                    lastError = failure;
                }
                return Optional.of(new Attempt(List.copyOf(delivered), failure));
            } finally {
                this.listener = PullListener.NONE;
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
            listener.delivered(delivery);
        }
    }

    /** Called by the route when a file could not be pulled or registered; the file stays on the server. */
    void failed(Throwable cause) {
        SftpFailure translated = SftpFailure.of(cause, source);
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
        return new SourceStatus(source.officeCode(), source.office().name(), source.address(), failing ? "FAILING" : paused ? "PAUSED" : "OK",
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

    // ---- ScheduledPollConsumerScheduler: the source's schedule, plus polls on demand

    @Override
    public void onInit(Consumer consumer) {
        // the consumer hands itself over as the task in scheduleTask
    }

    @Override
    public void scheduleTask(Runnable task) {
        this.task = task;
    }

    @Override
    public synchronized void unscheduleTask() {
        wanted = false;
        cancel();
    }

    private void cancel() {
        ScheduledFuture<?> running = scheduled;
        if (running != null) {
            running.cancel(false);
        }
        scheduled = null;
        nextPoll = null;
    }

    @Override
    public synchronized void startScheduler() {
        wanted = true;
        if (properties.pollOnSchedule() && !paused && scheduled == null && !threads.scheduler().getScheduledExecutor().isShutdown()) {
            scheduled = threads.scheduler().schedule(this::scheduledPoll, schedule());
            nextPoll = next();
        }
    }

    @Override
    public boolean isSchedulerStarted() {
        return scheduled != null;
    }

    private void scheduledPoll() {
        try {
            PullReport report = pull(false, PullListener.NONE);
            if (!report.deliveries().isEmpty()) {
                log.info("{}: pulled {} file(s)", source.routeId(), report.deliveries().size());
            }
        } catch (RuntimeException e) {
            failed(e);
        } finally {
            nextPoll = scheduled == null ? null : next();
        }
    }

    private Instant next() {
        ZonedDateTime next = schedule().next(ZonedDateTime.now(source.timeZone()));
        return next == null ? null : next.toInstant();
    }

    @Override
    protected void doStop() {
        unscheduleTask();
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

    /** An attempt that ended in a failure; the retry policy decides from it whether to try again. */
    private static final class FailedAttempt extends RuntimeException {

        private final transient SftpFailure failure;

        FailedAttempt(SftpFailure failure) {
            super(failure.code(), null, false, false);
            this.failure = failure;
        }
    }
}
