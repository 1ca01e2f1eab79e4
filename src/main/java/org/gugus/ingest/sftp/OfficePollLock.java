package org.gugus.ingest.sftp;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An office's poll lease in PostgreSQL ({@code ingest.sftp_poll_lease}), held for the length of one
 * poll, so Gugus instances that share the database never pull from the same office at once (and so
 * never pull or load a file twice). Taking, renewing and giving back the lease are single
 * statements: no connection is kept while a poll waits for a server, a file or another instance
 * (a session advisory lock would keep one from the pool for the whole poll). A crashed instance's
 * lease runs out after {@link #LEASE}; a running poll renews it every {@link #RENEW_EVERY}.
 */
@Component
class OfficePollLock {

    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration RENEW_EVERY = Duration.ofSeconds(30);
    private static final Duration RETRY_EVERY = Duration.ofMillis(250);
    private static final Logger log = LoggerFactory.getLogger(OfficePollLock.class);

    private final JdbcClient jdbc;
    private final PollThreads threads;

    OfficePollLock(JdbcClient jdbc, PollThreads threads) {
        this.jdbc = jdbc;
        this.threads = threads;
    }

    /** Takes the office's lease, waiting at most {@code wait}; empty when another instance kept it. */
    Optional<Held> acquire(String officeCode, Duration wait) throws InterruptedException {
        String holder = UUID.randomUUID().toString();
        Instant deadline = Instant.now().plus(wait);
        while (!take(officeCode, holder)) {
            if (!Instant.now().isBefore(deadline)) {
                return Optional.empty();
            }
            Thread.sleep(Math.max(1, Math.min(RETRY_EVERY.toMillis(), Duration.between(Instant.now(), deadline).toMillis())));
        }
        try {
            ScheduledFuture<?> renewal = threads.scheduler().scheduleAtFixedRate(() -> renew(officeCode, holder),
                    Instant.now().plus(RENEW_EVERY), RENEW_EVERY);
            return Optional.of(new Held(officeCode, holder, renewal));
        } catch (TaskRejectedException stopping) {
            release(officeCode, holder);
            throw new InterruptedException("Gugus is stopping");
        }
    }

    private boolean take(String officeCode, String holder) {
        return jdbc.sql("""
                insert into ingest.sftp_poll_lease (office_code, holder, acquired_at, expires_at)
                values (:office, :holder, now(), now() + make_interval(secs => :seconds))
                on conflict (office_code) do update
                   set holder = excluded.holder, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
                 where ingest.sftp_poll_lease.expires_at < now()
                returning holder
                """).param("office", officeCode).param("holder", holder).param("seconds", LEASE.toSeconds())
                .query(String.class).optional().isPresent();
    }

    private void renew(String officeCode, String holder) {
        try {
            int renewed = jdbc.sql("""
                    update ingest.sftp_poll_lease set expires_at = now() + make_interval(secs => :seconds)
                     where office_code = :office and holder = :holder
                    """).param("office", officeCode).param("holder", holder).param("seconds", LEASE.toSeconds())
                    .update();
            if (renewed == 0) {
                log.warn("SFTP poll lease of office {} ran out before it was renewed; another instance may pull it too",
                        officeCode);
            }
        } catch (RuntimeException e) {
            log.warn("Cannot renew the SFTP poll lease of office {}: {}", officeCode, e.getMessage());
        }
    }

    private void release(String officeCode, String holder) {
        try {
            jdbc.sql("delete from ingest.sftp_poll_lease where office_code = :office and holder = :holder")
                    .param("office", officeCode).param("holder", holder).update();
        } catch (RuntimeException e) {
            // the lease runs out by itself
            log.warn("Cannot give back the SFTP poll lease of office {}: {}", officeCode, e.getMessage());
        }
    }

    /** The lease while a poll runs; closing it stops the renewal and gives the lease back. */
    final class Held implements AutoCloseable {

        private final String officeCode;
        private final String holder;
        private final ScheduledFuture<?> renewal;

        private Held(String officeCode, String holder, ScheduledFuture<?> renewal) {
            this.officeCode = officeCode;
            this.holder = holder;
            this.renewal = renewal;
        }

        @Override
        public void close() {
            renewal.cancel(false);
            release(officeCode, holder);
        }
    }
}
