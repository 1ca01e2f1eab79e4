package org.gugus.ingest.sftp;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Locale;

/**
 * Why a pull from an office's SFTP server failed, in words a data steward can act on (Indonesian,
 * then English). {@code retryable} failures (network, broken download) are tried again with back-off;
 * the others (host key, login) wait until someone fixes the configuration.
 */
record SftpFailure(String code, String messageId, String messageEn, boolean retryable, Instant at) {

    /** Both languages on one line, as logs and the command line show it. */
    String message() {
        return messageId + " / " + messageEn;
    }

    static SftpFailure of(Throwable failure, String address, String knownHosts) {
        String chain = describe(failure);
        String lower = chain.toLowerCase(Locale.ROOT);
        if (lower.contains("hostkey") || lower.contains("host key")) {
            return new SftpFailure("F_SFTP_HOST_KEY",
                    "Kunci host server SFTP " + address + " tidak cocok dengan known_hosts (" + knownHosts
                            + ") atau belum tercatat di sana. Sambungan ditolak demi keamanan; tidak ada berkas yang ditarik."
                            + " Pastikan sidik jari kunci server kepada pengelola server kantor, lalu perbarui known_hosts.",
                    "The host key of SFTP server " + address + " does not match known_hosts (" + knownHosts
                            + ") or is not listed there. The connection was refused for safety; no file was pulled."
                            + " Confirm the server's key fingerprint with the office's server administrator, then update known_hosts.",
                    false, Instant.now());
        }
        if (lower.contains("auth fail") || lower.contains("auth cancel") || lower.contains("authentication")) {
            return new SftpFailure("F_SFTP_LOGIN",
                    "Login ke server SFTP " + address + " ditolak. Periksa nama pengguna, kunci privat atau kata sandi sumber ini.",
                    "Login to SFTP server " + address + " was refused. Check this source's user name, private key or password.",
                    false, Instant.now());
        }
        if (has(failure, ConnectException.class) || has(failure, NoRouteToHostException.class)
                || has(failure, UnknownHostException.class) || has(failure, SocketTimeoutException.class)
                || lower.contains("cannot connect") || lower.contains("connection refused") || lower.contains("timeout")) {
            return new SftpFailure("F_SFTP_UNREACHABLE",
                    "Server SFTP " + address + " tidak dapat dihubungi (" + rootMessage(failure) + "). Gugus akan mencoba lagi;"
                            + " bila berlanjut, hubungi pengelola server kantor.",
                    "SFTP server " + address + " cannot be reached (" + rootMessage(failure) + "). Gugus will try again;"
                            + " if it persists, contact the office's server administrator.",
                    true, Instant.now());
        }
        return new SftpFailure("F_SFTP_TRANSFER",
                "Penarikan dari server SFTP " + address + " gagal (" + rootMessage(failure) + "). Tidak ada berkas yang"
                        + " terdaftar sebagian; Gugus akan mencoba lagi.",
                "Pulling from SFTP server " + address + " failed (" + rootMessage(failure) + "). No file was registered"
                        + " partially; Gugus will try again.",
                true, Instant.now());
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
