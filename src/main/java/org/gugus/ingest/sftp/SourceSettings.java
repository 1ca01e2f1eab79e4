package org.gugus.ingest.sftp;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.gugus.reference.RegencyOffice;
import org.gugus.reference.RegencyOffices;
import org.gugus.system.Messages;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * The SFTP sources as the Sumber SFTP page shows and changes them: a steward's schedule and pause
 * are stored ({@link SourceOverrides}) and applied to the running poll at once, without a restart;
 * "pull now" starts a pull on the poll threads like {@code POST /api/sftp/sources/{office}/pull}.
 * Host and credentials are not changed here: they stay in {@code jobs/sftp-sources.yaml}.
 */
@Component
public class SourceSettings {

    /** How many coming polls the page shows. */
    public static final int NEXT_RUNS = 5;

    private final SftpSources sources;
    private final SourceOverrides overrides;
    private final PullRuns runs;
    private final SftpProperties properties;

    SourceSettings(SftpSources sources, SourceOverrides overrides, PullRuns runs, SftpProperties properties) {
        this.sources = sources;
        this.overrides = overrides;
        this.runs = runs;
        this.properties = properties;
    }

    /**
     * One source as the page shows it.
     *
     * @param state         {@code OK}, {@code FAILING}, {@code PAUSED} or {@code MISCONFIGURED}
     * @param cron          the cron it polls on (for the default schedule: before its office's stagger)
     * @param stagger       the office's stagger added to the default schedule; zero for a schedule of its own
     * @param fromPage      whether the schedule or pause was set on the page
     */
    public record Source(String office, String name, String server, String state, String cron, Duration stagger,
            boolean fromPage, boolean paused, Instant lastPoll, Instant lastSuccessfulPoll, Instant nextPoll,
            SftpFailure lastError, long filesPulled, List<ZonedDateTime> nextRuns) {

        public boolean misconfigured() {
            return "MISCONFIGURED".equals(state);
        }
    }

    public ZoneId timeZone() {
        return properties.defaults().timeZone();
    }

    public List<Source> sources() {
        return sources.statuses().stream().map(this::source).toList();
    }

    public Optional<Source> source(String office) {
        return sources.statuses().stream().filter(status -> status.office().equals(code(office))).findFirst()
                .map(this::source);
    }

    /**
     * The next polls of {@code cron} in the sources' time zone, for a steward trying a schedule out.
     *
     * @throws IllegalArgumentException with the steward's message when it is not a cron
     */
    public List<ZonedDateTime> nextRuns(String cron) {
        return nextRuns(schedule(cron));
    }

    /** Sets the office's schedule ({@code null} or blank: back to the configured one) and applies it now. */
    public void schedule(String office, String cron, String user) {
        OfficePoll poll = poll(office);
        PollSchedule schedule = cron == null || cron.isBlank() ? null : schedule(cron);
        overrides.save(new SourceOverrides.Override(poll.source().officeCode(), schedule == null ? null : schedule.cron(),
                !poll.paused()), user);
        poll.override(schedule, poll.paused());
    }

    /** Pauses or resumes the office's scheduled polls, now and after a restart. */
    public void enable(String office, boolean enabled, String user) {
        OfficePoll poll = poll(office);
        PollSchedule own = poll.overridden() ? poll.schedule() : null;
        overrides.save(new SourceOverrides.Override(poll.source().officeCode(), own == null ? null : own.cron(), enabled),
                user);
        poll.override(own, !enabled);
    }

    /** Starts a pull of the office now (or finds the one running); returns the run's id. */
    public String pullNow(String office) {
        return runs.start(poll(office)).id();
    }

    private Source source(SourceStatus status) {
        Optional<OfficePoll> poll = sources.poll(status.office());
        if (poll.isEmpty()) {
            return new Source(status.office(), status.name(), status.address(), status.state(), null, Duration.ZERO,
                    false, false, null, null, null, status.lastError(), 0, List.of());
        }
        PollSchedule schedule = poll.get().schedule();
        boolean fromPage = overrides.find(status.office()).isPresent();
        return new Source(status.office(), status.name(), status.address(), status.state(), schedule.cron(),
                schedule.offset(), fromPage, poll.get().paused(), status.lastPoll(), status.lastSuccessfulPoll(),
                status.nextPoll(), status.lastError(), status.filesPulled(),
                poll.get().paused() ? List.of() : nextRuns(schedule));
    }

    private PollSchedule schedule(String cron) {
        String written = cron.strip().replaceAll("\\s+", " ");
        if (!CronExpression.isValidExpression(written)) {
            throw new IllegalArgumentException(Messages.get("sftp.source.page-bad-schedule", written).both());
        }
        return new PollSchedule(written, Duration.ZERO, timeZone());
    }

    private static List<ZonedDateTime> nextRuns(PollSchedule schedule) {
        List<ZonedDateTime> next = new ArrayList<>();
        ZonedDateTime time = ZonedDateTime.now(schedule.zone());
        while (next.size() < NEXT_RUNS && (time = schedule.next(time)) != null) {
            next.add(time);
        }
        return next;
    }

    private OfficePoll poll(String office) {
        return sources.poll(office).orElseThrow(
                () -> new NoSuchElementException(Messages.get("sftp.pull.no-source", office).both()));
    }

    private static String code(String office) {
        return RegencyOffices.byCode(office).map(RegencyOffice::code).orElse(office);
    }
}
