package org.gugus.ingest.sftp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.gugus.reference.RegencyOffice;
import org.gugus.reference.RegencyOffices;
import org.gugus.ingest.sftp.SftpProperties.AfterPull;
import org.springframework.scheduling.support.CronExpression;

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
    private final CronExpression schedule;

    private SftpSource(RegencyOffice office, SftpProperties.Source settings, SftpProperties.Defaults defaults,
            Path knownHosts, String password, String privateKeyPassphrase, CronExpression schedule) {
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
        String label = settings.office() == null ? "(tanpa kode / no code)" : settings.office();
        RegencyOffice office = RegencyOffices.byCode(settings.office()).orElseThrow(() -> new InvalidSftpSource(label,
                "kode kantor tidak dikenal; gunakan kode Kemendagri, mis. 64.72",
                "unknown office code; use the Kemendagri code, e.g. 64.72"));
        if (blank(settings.host()) || blank(settings.username())) {
            throw new InvalidSftpSource(label, "host dan username wajib diisi", "host and username are required");
        }
        if (properties.knownHosts() == null) {
            throw new InvalidSftpSource(label, "gugus.sftp.known-hosts belum diatur",
                    "gugus.sftp.known-hosts is not set");
        }
        int secrets = (settings.privateKeyFile() != null ? 1 : 0) + (settings.passwordEnv() != null ? 1 : 0)
                + (settings.passwordFile() != null ? 1 : 0);
        if (secrets != 1) {
            throw new InvalidSftpSource(label,
                    "isi tepat satu dari private-key-file, password-env atau password-file",
                    "set exactly one of private-key-file, password-env or password-file");
        }
        String password = null;
        if (settings.passwordEnv() != null) {
            password = environment.apply(settings.passwordEnv());
            if (blank(password)) {
                throw new InvalidSftpSource(label, "variabel lingkungan " + settings.passwordEnv() + " kosong atau tidak ada",
                        "environment variable " + settings.passwordEnv() + " is empty or missing");
            }
        } else if (settings.passwordFile() != null) {
            password = readSecret(label, settings.passwordFile());
        } else if (!Files.isReadable(settings.privateKeyFile())) {
            throw new InvalidSftpSource(label, "berkas kunci privat " + settings.privateKeyFile() + " tidak dapat dibaca",
                    "private key file " + settings.privateKeyFile() + " cannot be read");
        }
        String passphrase = settings.privateKeyPassphraseEnv() == null ? null
                : environment.apply(settings.privateKeyPassphraseEnv());
        String cron = settings.schedule() != null ? settings.schedule() : defaults(properties).schedule();
        CronExpression schedule;
        try {
            schedule = CronExpression.parse(cron);
        } catch (IllegalArgumentException e) {
            throw new InvalidSftpSource(label, "jadwal '" + cron + "' bukan ekspresi cron (detik menit jam hari bulan hari-minggu)",
                    "schedule '" + cron + "' is not a cron expression (second minute hour day month weekday)");
        }
        return new SftpSource(office, settings, defaults(properties), properties.knownHosts(), password, passphrase,
                schedule);
    }

    private static SftpProperties.Defaults defaults(SftpProperties properties) {
        return properties.defaults();
    }

    private static String readSecret(String label, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new InvalidSftpSource(label, "berkas rahasia " + file + " tidak dapat dibaca",
                    "secret file " + file + " cannot be read");
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

    CronExpression schedule() {
        return schedule;
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

        private final String messageId;
        private final String messageEn;

        InvalidSftpSource(String office, String messageId, String messageEn) {
            super("Sumber SFTP " + office + ": " + messageId + " / SFTP source " + office + ": " + messageEn);
            this.messageId = "Sumber SFTP " + office + ": " + messageId + ".";
            this.messageEn = "SFTP source " + office + ": " + messageEn + ".";
        }

        String messageId() {
            return messageId;
        }

        String messageEn() {
            return messageEn;
        }
    }
}
