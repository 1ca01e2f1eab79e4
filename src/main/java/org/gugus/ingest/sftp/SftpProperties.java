package org.gugus.ingest.sftp;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.retry.RetryPolicy;

/**
 * The SFTP sources a data steward configures in {@code jobs/sftp-sources.yaml} (or the application
 * configuration), and what they share: the known_hosts file, the defaults each source may override,
 * the retry back-off and how long a manual pull waits for another instance.
 *
 * @param pollOnSchedule false in the command line, where only {@code gugus pull} polls
 * @param lockWait       how long a manual pull waits while another instance pulls the same office
 */
@ConfigurationProperties("gugus.sftp")
public record SftpProperties(Path knownHosts, @DefaultValue("true") boolean pollOnSchedule,
        @DefaultValue("2m") Duration lockWait, @DefaultValue Retry retry, @DefaultValue Defaults defaults,
        @DefaultValue List<Source> sources) {

    /**
     * How a poll that failed (server unreachable, download broken off) is tried again before the next
     * scheduled poll: {@code attempts} in all, waiting {@code firstDelay}, then twice as long each time,
     * at most {@code maxDelay}.
     */
    public record Retry(@DefaultValue("4") int attempts, @DefaultValue("1m") Duration firstDelay,
            @DefaultValue("15m") Duration maxDelay) {

        /** Spring's retry policy for this back-off, retrying only the failures {@code retryable} accepts. */
        RetryPolicy policy(Predicate<Throwable> retryable) {
            return RetryPolicy.builder().maxRetries(Math.max(0, attempts - 1)).delay(firstDelay).multiplier(2)
                    .maxDelay(maxDelay).predicate(retryable).build();
        }
    }

    /**
     * What a source uses unless it says otherwise.
     *
     * @param stagger how far apart the offices' default schedules are: a source without a schedule of
     *                its own polls at {@code schedule} plus its office's place in the list of the ten
     *                offices (64.01 first, 64.74 last) times {@code stagger}, so the ten nightly polls
     *                do not all start at once
     */
    public record Defaults(@DefaultValue("0 0 1 * * *") String schedule, @DefaultValue("5m") Duration stagger,
            @DefaultValue("Asia/Makassar") ZoneId timeZone, @DefaultValue("MOVE") AfterPull afterPull,
            @DefaultValue("processed") String processedDirectory, @DefaultValue("*") String include,
            @DefaultValue("*.part,*.tmp,*.filepart,.*,~$*") String exclude,
            @DefaultValue("1m") Duration readLockMinAge, @DefaultValue("5s") Duration readLockCheckInterval,
            @DefaultValue("2m") Duration readLockTimeout, @DefaultValue("15s") Duration connectTimeout) {
    }

    /**
     * One office's SFTP account. Secrets are never written here: {@code passwordEnv} names an
     * environment variable, {@code passwordFile} a secret file (e.g. {@code /run/secrets/...}).
     * Unset optional values take the {@link Defaults}.
     *
     * @param doneFileSuffix when set, e.g. {@code .done}, a file is taken only once a marker of its
     *                       name plus this suffix exists beside it ({@code data.xlsx.done})
     */
    public record Source(String office, String host, @DefaultValue("22") int port, String username,
            @DefaultValue("") String directory, Path privateKeyFile, String privateKeyPassphraseEnv,
            String passwordEnv, Path passwordFile, String schedule, AfterPull afterPull, String processedDirectory,
            String include, String exclude, String doneFileSuffix, Duration readLockMinAge,
            @DefaultValue("true") boolean enabled, String feedbackDirectory) {

        /** @param feedbackDirectory where each file's answer workbook is uploaded back, relative to the account's home; none when unset */
        @ConstructorBinding
        public Source {
        }

        /** A source that sends no answers back. */
        public Source(String office, String host, int port, String username, String directory, Path privateKeyFile,
                String privateKeyPassphraseEnv, String passwordEnv, Path passwordFile, String schedule,
                AfterPull afterPull, String processedDirectory, String include, String exclude, String doneFileSuffix,
                Duration readLockMinAge, boolean enabled) {
            this(office, host, port, username, directory, privateKeyFile, privateKeyPassphraseEnv, passwordEnv,
                    passwordFile, schedule, afterPull, processedDirectory, include, exclude, doneFileSuffix,
                    readLockMinAge, enabled, null);
        }
    }

    /** What becomes of a remote file once it is registered. */
    public enum AfterPull {
        /** moved into the processed directory beside it, named with its file id */
        MOVE,
        /** deleted from the server */
        DELETE,
        /** left where it is; its content hash keeps it from being loaded twice */
        LEAVE
    }
}
