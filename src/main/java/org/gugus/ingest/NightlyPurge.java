package org.gugus.ingest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The server purges received files past their retention every night; the command line does not schedule. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableScheduling
class NightlyPurge {

    private final ReceivedFilePurge purge;

    NightlyPurge(ReceivedFilePurge purge) {
        this.purge = purge;
    }

    @Scheduled(cron = "${gugus.ingest.purge-schedule:0 30 2 * * *}", zone = "${gugus.time-zone:Asia/Makassar}")
    void purge() {
        purge.purge();
    }
}
