package org.gugus.ingest.sftp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.remote.SftpComponent;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.gugus.reference.RegencyOffice;
import org.gugus.reference.RegencyOffices;
import org.gugus.ingest.sftp.SftpSource.InvalidSftpSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes one route per configured SFTP source from the {@code ingest-sftp} template in
 * {@code routes/}, once Camel has loaded it, and finds a source's poll for pulls and health. A source
 * whose settings are wrong is reported and left out; the others run.
 */
@Component
public class SftpSources implements CamelContextConfiguration {

    static final String TEMPLATE = "ingest-sftp";
    private static final Logger log = LoggerFactory.getLogger(SftpSources.class);

    private final SftpProperties properties;
    private final OfficePollLock lock;
    private final PollThreads threads;
    private final SourceOverrides overrides;
    private final UnaryOperator<String> environment;
    private final Map<String, OfficePoll> polls = new ConcurrentSkipListMap<>();
    private final Map<String, SourceStatus> misconfigured = new ConcurrentSkipListMap<>();
    private CamelContext camel;

    SftpSources(SftpProperties properties, OfficePollLock lock, PollThreads threads, SourceOverrides overrides) {
        this.properties = properties;
        this.lock = lock;
        this.threads = threads;
        this.overrides = overrides;
        this.environment = System::getenv;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // no default of ours may turn host key checking off, nor fall back to the user's ~/.ssh
        SftpComponent sftp = camelContext.getComponent("sftp", SftpComponent.class);
        sftp.setStrictHostKeyChecking("yes");
        sftp.setUseUserKnownHostsFile(false);
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        this.camel = camelContext;
        Map<String, SourceOverrides.Override> changed = overrides.all();
        for (SftpProperties.Source settings : properties.sources()) {
            if (settings.enabled()) {
                start(camelContext, settings, changed);
            }
        }
    }

    private void start(CamelContext camelContext, SftpProperties.Source settings,
            Map<String, SourceOverrides.Override> changed) {
        String office = RegencyOffices.byCode(settings.office()).map(RegencyOffice::code)
                .orElse(String.valueOf(settings.office()));
        String bean = "sftpPoll" + office.replace(".", "");
        try {
            SftpSource source = SftpSource.of(settings, properties, environment);
            if (polls.containsKey(source.officeCode())) {
                throw new InvalidSftpSource(office, "sftp.source.duplicate");
            }
            OfficePoll poll = new OfficePoll(source, lock, properties, threads);
            applyOverride(poll, changed.get(source.officeCode()));
            camelContext.getRegistry().bind(bean, poll);
            polls.put(source.officeCode(), poll);
            try {
                camelContext.addRouteFromTemplate(source.routeId(), TEMPLATE, source.templateParameters(bean));
            } catch (Exception e) {
                polls.remove(source.officeCode());
                camelContext.getRegistry().unbind(bean);
                removeRoute(camelContext, source.routeId());
                throw new InvalidSftpSource(office, "sftp.source.route-failed", e.getMessage());
            }
            log.info("SFTP source {} polls on {}{}", source, poll.schedule(), poll.paused() ? " (paused on the page)" : "");
        } catch (InvalidSftpSource e) {
            log.error("{}", e.getMessage());
            misconfigured.put(office, new SourceStatus(office, null, settings.host(), "MISCONFIGURED", null, null,
                    new SftpFailure("F_SFTP_CONFIG", e.messageId(), e.messageEn(), false, Instant.now()), 0, 0, null));
        }
    }

    /** A steward's settings from the page win over the YAML's schedule; a cron no longer valid is ignored. */
    private static void applyOverride(OfficePoll poll, SourceOverrides.Override override) {
        if (override == null) {
            return;
        }
        PollSchedule schedule = null;
        if (override.schedule() != null) {
            try {
                schedule = new PollSchedule(override.schedule(), Duration.ZERO, poll.source().timeZone());
            } catch (IllegalArgumentException e) {
                log.error("SFTP source {}: the schedule '{}' set on the page is not a cron; using the configured one",
                        poll.source(), override.schedule());
            }
        }
        poll.override(schedule, !override.enabled());
    }

    private static void removeRoute(CamelContext camelContext, String routeId) {
        try {
            if (camelContext.getRoute(routeId) != null) {
                camelContext.getRouteController().stopRoute(routeId);
                camelContext.removeRoute(routeId);
            }
        } catch (Exception e) {
            log.warn("Cannot remove route {}: {}", routeId, e.getMessage());
        }
    }

    /** The poll of the office's source, in any spelling of its code ({@code 64.72}, {@code 6472}). */
    Optional<OfficePoll> poll(String officeCode) {
        return RegencyOffices.byCode(officeCode).map(office -> polls.get(office.code()));
    }

    List<String> offices() {
        return List.copyOf(polls.keySet());
    }

    /** Pulls from the office now; starts its route first when Camel did not (the command line). */
    PullReport pull(OfficePoll poll) {
        return pull(poll, PullListener.NONE);
    }

    /** Pulls from the office now, telling {@code listener} of each file and failed attempt as it happens. */
    PullReport pull(OfficePoll poll, PullListener listener) {
        String routeId = poll.source().routeId();
        try {
            if (!camel.getRouteController().getRouteStatus(routeId).isStarted()) {
                camel.getRouteController().startRoute(routeId);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start route " + routeId, e);
        }
        return poll.pullNow(listener);
    }

    public List<SourceStatus> statuses() {
        List<SourceStatus> statuses = new ArrayList<>(misconfigured.values());
        polls.values().forEach(poll -> statuses.add(poll.status()));
        return statuses;
    }
}
