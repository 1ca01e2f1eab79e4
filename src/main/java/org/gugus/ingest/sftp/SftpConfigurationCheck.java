package org.gugus.ingest.sftp;

import java.util.List;
import java.util.Locale;
import org.gugus.system.Message;
import org.gugus.system.Messages;
import org.gugus.system.ReadinessCheck;
import org.springframework.stereotype.Component;

/**
 * Readiness: a source in the SFTP configuration that could not be set up (bad office, missing key
 * or password, no known_hosts) makes Gugus not ready, since that office's files would never come.
 * A server that is down does not: that is the office's state, shown in component {@code sftp}.
 */
@Component
class SftpConfigurationCheck implements ReadinessCheck {

    private static final String KEY = "system.readiness.source";

    private final SftpSources sources;

    SftpConfigurationCheck(SftpSources sources) {
        this.sources = sources;
    }

    @Override
    public List<Message> problems() {
        return sources.statuses().stream()
                .filter(status -> "MISCONFIGURED".equals(status.state()) && status.lastError() != null)
                .map(status -> new Message(
                        Messages.text(Messages.INDONESIAN, KEY, "SFTP " + status.office(), status.lastError().messageId()),
                        Messages.text(Locale.ENGLISH, KEY, "SFTP " + status.office(), status.lastError().messageEn())))
                .toList();
    }
}
