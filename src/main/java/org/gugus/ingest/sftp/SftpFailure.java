package org.gugus.ingest.sftp;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Locale;
import org.gugus.system.Message;
import org.gugus.system.Messages;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Why a pull from an office's SFTP server failed, in words a data steward can act on (Indonesian,
 * then English). {@code retryable} failures (network, broken download) are tried again with back-off;
 * the others (host key, login, a missing folder) wait until someone fixes the configuration. As
 * JSON (health, REST): {@code code}, {@code at}, {@code message_id}, {@code message_en}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"code", "at", "message_id", "message_en"})
public record SftpFailure(String code, String messageId, String messageEn, @JsonIgnore boolean retryable, Instant at) {

    static final String BUSY = "F_SFTP_BUSY";
    static final String INTERRUPTED = "F_SFTP_INTERRUPTED";

    /** Both languages on one line, as logs and the command line show it. */
    String message() {
        return messageId + " / " + messageEn;
    }

    static SftpFailure of(String code, Message message, boolean retryable) {
        return new SftpFailure(code, message.id(), message.en(), retryable, Instant.now());
    }

    /** Another instance holds the office's lock. */
    static SftpFailure busy(String office) {
        return of(BUSY, Messages.get("sftp.failure.busy", office), false);
    }

    /** Gugus is stopping; what was not registered stays on the server. */
    static SftpFailure interrupted(String office) {
        return of(INTERRUPTED, Messages.get("sftp.failure.interrupted", office), false);
    }

    static SftpFailure of(Throwable failure, SftpSource source) {
        return of(failure, source.address(), source.knownHosts().toString(), source.officeCode(), source.directory());
    }

    static SftpFailure of(Throwable failure, String address, String knownHosts, String office, String folder) {
        String lower = describe(failure).toLowerCase(Locale.ROOT);
        if (lower.contains("hostkey") || lower.contains("host key")) {
            return of("F_SFTP_HOST_KEY", Messages.get("sftp.failure.host-key", address, knownHosts), false);
        }
        if (lower.contains("auth fail") || lower.contains("auth cancel") || lower.contains("authentication")) {
            return of("F_SFTP_LOGIN", Messages.get("sftp.failure.login", address), false);
        }
        if (missingFolder(failure, lower)) {
            return of("F_SFTP_NO_FOLDER", Messages.get("sftp.failure.no-folder", address, office, folder), false);
        }
        if (has(failure, ConnectException.class) || has(failure, NoRouteToHostException.class)
                || has(failure, UnknownHostException.class) || has(failure, SocketTimeoutException.class)
                || lower.contains("cannot connect") || lower.contains("connection refused") || lower.contains("timeout")) {
            return of("F_SFTP_UNREACHABLE", Messages.get("sftp.failure.unreachable", address, rootMessage(failure)), true);
        }
        return of("F_SFTP_TRANSFER", Messages.get("sftp.failure.transfer", address, rootMessage(failure)), true);
    }

    /**
     * The polled folder itself is not on the server: Camel could not change into it (or list it).
     * A file that vanished between listing and download is not this: it is a transfer failure.
     */
    private static boolean missingFolder(Throwable failure, String chain) {
        boolean noSuchFile = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            noSuchFile |= t instanceof SftpException sftp && sftp.id == ChannelSftp.SSH_FX_NO_SUCH_FILE;
        }
        return noSuchFile && (chain.contains("cannot change directory") || chain.contains("cannot list directory"));
    }

    private static String describe(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            chain.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        return chain.toString();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
