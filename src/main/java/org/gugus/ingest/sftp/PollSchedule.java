package org.gugus.ingest.sftp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.scheduling.support.SimpleTriggerContext;

/**
 * When an office's source polls: a Spring cron in the source's time zone, shifted by the office's
 * stagger when the source takes the default schedule (so ten offices do not all poll at 01:00).
 * The shift is applied to the cron's clock, so any cron, not only a daily one, is shifted whole.
 *
 * @param cron   the cron as the steward (or the default) wrote it
 * @param offset the stagger; zero for a schedule the source sets itself
 */
record PollSchedule(String cron, Duration offset, ZoneId zone) implements Trigger {

    /** Throws IllegalArgumentException when {@code cron} is not a cron expression. */
    PollSchedule {
        new CronTrigger(cron, zone);
    }

    @Override
    public Instant nextExecution(TriggerContext context) {
        Instant next = new CronTrigger(cron, zone).nextExecution(new Shifted(context, offset));
        return next == null ? null : next.plus(offset);
    }

    /** The first poll after {@code time}, in the schedule's zone. */
    ZonedDateTime next(ZonedDateTime time) {
        Instant next = nextExecution(new SimpleTriggerContext(Clock.fixed(time.toInstant(), zone)));
        return next == null ? null : next.atZone(zone);
    }

    @Override
    public String toString() {
        return "'" + cron + "'" + (offset.isZero() ? "" : " + " + Waits.format(offset)) + " (" + zone + ")";
    }

    /** The trigger context as the unshifted cron sees it: every time {@code offset} earlier. */
    private record Shifted(TriggerContext context, Duration offset) implements TriggerContext {

        @Override
        public Clock getClock() {
            return Clock.offset(context.getClock(), offset.negated());
        }

        @Override
        public Instant lastScheduledExecution() {
            return earlier(context.lastScheduledExecution());
        }

        @Override
        public Instant lastActualExecution() {
            return earlier(context.lastActualExecution());
        }

        @Override
        public Instant lastCompletion() {
            return earlier(context.lastCompletion());
        }

        private Instant earlier(Instant time) {
            return time == null ? null : time.minus(offset);
        }
    }
}
