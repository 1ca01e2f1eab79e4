package org.gugus.ingest.sftp;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The threads SFTP polls run on: each office's scheduled polls, pulls asked for over REST, and the
 * renewal of poll leases. Two threads per source (its scheduled poll, a pull asked for while that
 * runs) and two more for lease renewals, so one office whose server hangs never holds up another. Not a {@link TaskScheduler} bean, so that no one else's {@code @Scheduled} work
 * lands here. When Gugus stops, running pulls are interrupted at once rather than waited for: a
 * file not yet registered stays on the server for the next pull.
 */
@Component
class PollThreads implements ApplicationListener<ContextClosedEvent> {

    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    PollThreads(SftpProperties properties) {
        scheduler.setPoolSize(2 * properties.sources().size() + 2);
        scheduler.setThreadNamePrefix("sftp-poll-");
        scheduler.setWaitForTasksToCompleteOnShutdown(false);
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.initialize();
    }

    ThreadPoolTaskScheduler scheduler() {
        return scheduler;
    }

    /** Before Camel and the pool stop: nothing of theirs then waits on a pull. */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        scheduler.shutdown();
    }
}
