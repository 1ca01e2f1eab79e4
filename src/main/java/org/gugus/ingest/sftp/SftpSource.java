package org.gugus.ingest.sftp;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.camel.component.file.remote.SftpConfiguration;
import org.gugus.reference.RegencyOffice;
import org.gugus.reference.RegencyOffices;
import org.gugus.system.Message;
import org.gugus.system.Messages;
import org.gugus.ingest.sftp.SftpProperties.AfterPull;

/**
 * One office's SFTP source as Gugus runs it: the steward's settings with the defaults applied and
 * the secret read from where the settings point. {@link #toString()} never shows the secret.
 */
final class SftpSource {

    private final RegencyOffice office;
    private final SftpProperties.Source settings;
    private final SftpProperties.Defaults defaults;
    private final Path knownHosts;
    private final String password;
    private final String privateKeyPassphrase;
    private final PollSchedule schedule;

    private SftpSource(RegencyOffice office, SftpProperties.Source settings, SftpProperties.Defaults defaults,
            Path knownHosts, String password, String privateKeyPassphrase, PollSchedule schedule) {
        this.office = office;
        this.settings = settings;
        this.defaults = defaults;
        this.knownHosts = knownHosts;
        this.password = password;
        this.privateKeyPassphrase = privateKeyPassphrase;
        this.schedule = schedule;
    }

    /**
     * Checks a steward's settings and reads the secret.
     *
     * @param environment looks up environment variables (System::getenv outside tests)
     * @throws InvalidSftpSource with a message in Indonesian and English that says what to fix
     */
    static SftpSource of(SftpProperties.Source settings, SftpProperties properties, UnaryOperator<String> environment) {
        String label = settings.office();
        RegencyOffice office = RegencyOffices.byCode(settings.office())
                .orElseThrow(() -> new InvalidSftpSource(label, "sftp.source.unknown-office"));
        if (blank(settings.host()) || blank(settings.username())) {
            throw new InvalidSftpSource(label, "sftp.source.host-and-user");
        }
        if (properties.knownHosts() == null) {
            throw new InvalidSftpSource(label, "sftp.source.no-known-hosts");
        }
        if (settings.directory().startsWith("/")) {
            // Camel's SFTP component makes every folder relative to the account's home
            throw new InvalidSftpSource(label, "sftp.source.absolute-directory", settings.directory(),
                    settings.username(), settings.host(), settings.directory().replaceFirst("^/+", ""));
        }
        if (settings.feedbackDirectory() != null && settings.feedbackDirectory().startsWith("/")) {
            throw new InvalidSftpSource(label, "sftp.source.absolute-directory", settings.feedbackDirectory(),
                    settings.username(), settings.host(), settings.feedbackDirectory().replaceFirst("^/+", ""));
        }
        int secrets = (settings.privateKeyFile() != null ? 1 : 0) + (settings.passwordEnv() != null ? 1 : 0)
                + (settings.passwordFile() != null ? 1 : 0);
        if (secrets != 1) {
            throw new InvalidSftpSource(label, "sftp.source.one-login");
        }
        String password = null;
        if (settings.passwordEnv() != null) {
            password = environment.apply(settings.passwordEnv());
            if (blank(password)) {
                throw new InvalidSftpSource(label, "sftp.source.environment-missing", settings.passwordEnv());
            }
        } else if (settings.passwordFile() != null) {
            password = readSecret(label, settings.passwordFile());
        } else if (!Files.isReadable(settings.privateKeyFile())) {
            throw new InvalidSftpSource(label, "sftp.source.key-unreadable", settings.privateKeyFile());
        }
        String passphrase = settings.privateKeyPassphraseEnv() == null ? null
                : environment.apply(settings.privateKeyPassphraseEnv());
        SftpProperties.Defaults defaults = defaults(properties);
        String cron = settings.schedule() != null ? settings.schedule() : defaults.schedule();
        Duration offset = settings.schedule() != null ? Duration.ZERO
                : defaults.stagger().multipliedBy(RegencyOffices.all().indexOf(office));
        PollSchedule schedule;
        try {
            schedule = new PollSchedule(cron, offset, defaults.timeZone());
        } catch (IllegalArgumentException e) {
            throw new InvalidSftpSource(label, "sftp.source.bad-schedule", cron);
        }
        return new SftpSource(office, settings, defaults, properties.knownHosts(), password, passphrase, schedule);
    }

    private static SftpProperties.Defaults defaults(SftpProperties properties) {
        return properties.defaults();
    }

    private static String readSecret(String label, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new InvalidSftpSource(label, "sftp.source.secret-unreadable", file);
        }
    }

    String officeCode() {
        return office.code();
    }

    RegencyOffice office() {
        return office;
    }

    String routeId() {
        return routeId(office.code());
    }

    static String routeId(String officeCode) {
        return "ingest-sftp-" + officeCode;
    }

    String address() {
        return settings.username() + "@" + settings.host() + ":" + settings.port() + "/" + settings.directory();
    }

    PollSchedule schedule() {
        return schedule;
    }

    /** The polled folder, relative to the account's home; empty for the home itself. */
    String directory() {
        return settings.directory();
    }

    /** Where answer workbooks go back, relative to the account's home; empty when they do not. */
    Optional<String> feedbackDirectory() {
        return blank(settings.feedbackDirectory()) ? Optional.empty() : Optional.of(settings.feedbackDirectory());
    }

    /**
     * The endpoint that uploads into the feedback folder, without its secrets: those are set on the
     * endpoint ({@link #secure}), never written into a URI.
     */
    String feedbackUri() {
        return "sftp:" + settings.host() + ":" + settings.port() + "/" + settings.feedbackDirectory()
                + "?username=" + encoded(settings.username())
                + "&knownHostsFile=" + encoded(knownHosts.toAbsolutePath().toString())
                + "&strictHostKeyChecking=yes&useUserKnownHostsFile=false&autoCreateKnownHostsFile=false"
                + "&connectTimeout=" + millis(defaults.connectTimeout())
                + "&throwExceptionOnConnectFailed=true&maximumReconnectAttempts=0&disconnect=true"
                + "&autoCreate=true&binary=true&tempPrefix=.gugus-"
                + (settings.privateKeyFile() != null
                        ? "&privateKeyFile=" + encoded(settings.privateKeyFile().toAbsolutePath().toString()) : "");
    }

    /** Gives the upload endpoint this source's password or key passphrase. */
    void secure(SftpConfiguration configuration) {
        if (password != null) {
            configuration.setPassword(password);
        }
        if (privateKeyPassphrase != null) {
            configuration.setPrivateKeyPassphrase(privateKeyPassphrase);
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    ZoneId timeZone() {
        return defaults.timeZone();
    }

    AfterPull afterPull() {
        return settings.afterPull() != null ? settings.afterPull() : defaults.afterPull();
    }

    Path knownHosts() {
        return knownHosts;
    }

    /**
     * The parameters of the {@code ingest-sftp} route template in {@code routes/}. (Camel's YAML DSL
     * passes secret options RAW, so no character of the password is read as URI syntax.)
     */
    Map<String, Object> templateParameters(String pollBean) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("office", office.code());
        parameters.put("host", settings.host());
        parameters.put("port", settings.port());
        parameters.put("username", settings.username());
        parameters.put("directory", settings.directory());
        parameters.put("knownHostsFile", knownHosts.toAbsolutePath().toString());
        parameters.put("include", or(settings.include(), defaults.include()));
        parameters.put("exclude", or(settings.exclude(), defaults.exclude()));
        parameters.put("readLockMinAge", millis(settings.readLockMinAge() != null ? settings.readLockMinAge()
                : defaults.readLockMinAge()));
        parameters.put("readLockCheckInterval", millis(defaults.readLockCheckInterval()));
        parameters.put("readLockTimeout", millis(defaults.readLockTimeout()));
        parameters.put("connectTimeout", millis(defaults.connectTimeout()));
        if (afterPull() == AfterPull.MOVE) {
            // named with its registry number, as the drop folder names archived files
            parameters.put("move", or(settings.processedDirectory(), defaults.processedDirectory())
                    + "/${file:name.noext}-${header.GugusFileId}.${file:ext}");
        }
        parameters.put("delete", afterPull() == AfterPull.DELETE);
        parameters.put("leave", afterPull() == AfterPull.LEAVE);
        parameters.put("poll", pollBean);
        if (password != null) {
            parameters.put("password", password);
        }
        if (settings.privateKeyFile() != null) {
            parameters.put("privateKeyFile", settings.privateKeyFile().toAbsolutePath().toString());
        }
        if (privateKeyPassphrase != null) {
            parameters.put("privateKeyPassphrase", privateKeyPassphrase);
        }
        if (!blank(settings.doneFileSuffix())) {
            parameters.put("doneFileName", "${file:name}" + settings.doneFileSuffix());
        }
        return parameters;
    }

    private static long millis(Duration duration) {
        return duration.toMillis();
    }

    private static String or(String value, String fallback) {
        return blank(value) ? fallback : value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return routeId() + " (" + address() + ", " + (password != null ? "password" : "private key") + ")";
    }

    /** A source a steward configured that cannot run as it is; the others run regardless. */
    static final class InvalidSftpSource extends RuntimeException {

        private final transient Message message;

        /**
         * @param office what the steward wrote as the office (null when nothing)
         * @param key    the {@code sftp.source.*} message saying what to fix
         */
        InvalidSftpSource(String office, String key, Object... arguments) {
            this(reason(office, key, arguments));
        }

        private InvalidSftpSource(Message message) {
            super(message.both());
            this.message = message;
        }

        private static Message reason(String office, String key, Object[] arguments) {
            return new Message(text(Messages.INDONESIAN, office, key, arguments), text(Locale.ENGLISH, office, key, arguments));
        }

        private static String text(Locale locale, String office, String key, Object[] arguments) {
            String label = office != null ? office : Messages.text(locale, "sftp.source.no-code");
            return Messages.text(locale, "sftp.source.invalid", label, Messages.text(locale, key, arguments));
        }

        String messageId() {
            return message.id();
        }

        String messageEn() {
            return message.en();
        }
    }
}
