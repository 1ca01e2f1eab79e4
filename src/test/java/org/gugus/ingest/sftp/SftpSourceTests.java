package org.gugus.ingest.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gugus.ingest.sftp.SftpProperties.AfterPull;
import org.gugus.ingest.sftp.SftpSource.InvalidSftpSource;
import org.gugus.reference.RegencyOffice;
import org.gugus.reference.RegencyOffices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SftpSourceTests {

    @TempDir
    Path folder;

    @Test
    void takesThePasswordFromTheNamedEnvironmentVariableAndNeverShowsIt() {
        SftpSource source = SftpSource.of(source("64.72", "GUGUS_SFTP_6472_PASSWORD", null, null),
                properties(), name -> name.equals("GUGUS_SFTP_6472_PASSWORD") ? "s3cr3t&x" : null);

        assertThat(source.templateParameters("poll")).containsEntry("password", "s3cr3t&x");
        assertThat(source.toString()).doesNotContain("s3cr3t").contains("ingest-sftp-64.72", "password");
    }

    @Test
    void takesThePasswordFromASecretFileWithoutItsLineEnd() throws IOException {
        Path secret = Files.writeString(folder.resolve("secret"), "rahasia\n");

        SftpSource source = SftpSource.of(source("6471", null, secret, null), properties(), name -> null);

        assertThat(source.officeCode()).isEqualTo("64.71");
        assertThat(source.templateParameters("poll")).containsEntry("password", "rahasia");
    }

    @Test
    void refusesASourceWithoutAnyOrWithTwoWaysToLogIn() throws IOException {
        Path key = Files.writeString(folder.resolve("key"), "-----BEGIN PRIVATE KEY-----\n");

        assertThatThrownBy(() -> SftpSource.of(source("64.72", null, null, null), properties(), name -> null))
                .isInstanceOf(InvalidSftpSource.class).hasMessageContaining("tepat satu").hasMessageContaining("exactly one");
        assertThatThrownBy(() -> SftpSource.of(source("64.72", "X", null, key), properties(), name -> "x"))
                .isInstanceOf(InvalidSftpSource.class).hasMessageContaining("exactly one");
    }

    @Test
    void namesTheMissingEnvironmentVariable() {
        assertThatThrownBy(() -> SftpSource.of(source("64.72", "GUGUS_SFTP_6472_PASSWORD", null, null), properties(),
                name -> null)).hasMessageContaining("GUGUS_SFTP_6472_PASSWORD");
    }

    @Test
    void refusesAnOfficeCodeOutsideKalimantanTimur() {
        assertThatThrownBy(() -> SftpSource.of(source("65.01", "X", null, null), properties(), name -> "x"))
                .hasMessageContaining("65.01").hasMessageContaining("unknown office code");
    }

    @Test
    void movesIntoTheProcessedFolderByDefaultAndTakesNoMoveWhenLeavingOrDeleting() throws IOException {
        Path key = Files.writeString(folder.resolve("key"), "-----BEGIN PRIVATE KEY-----\n");
        Map<String, Object> move = SftpSource.of(source("64.72", null, null, key), properties(), name -> null)
                .templateParameters("poll");

        assertThat(move).containsEntry("move", "processed/${file:name.noext}-${header.GugusFileId}.${file:ext}")
                .containsEntry("delete", false).containsEntry("leave", false).doesNotContainKey("password")
                .containsEntry("readLockMinAge", 60_000L);

        SftpProperties.Source leave = new SftpProperties.Source("64.72", "sftp.example", 22, "gugus", "", key, null,
                null, null, null, AfterPull.LEAVE, null, null, null, ".done", null, true);
        assertThat(SftpSource.of(leave, properties(), name -> null).templateParameters("poll"))
                .doesNotContainKey("move").containsEntry("leave", true)
                .containsEntry("doneFileName", "${file:name}.done");
    }

    @Test
    void staggersTheDefaultNightlyPollsOfTheTenOfficesFiveMinutesApartByOfficeCode() throws IOException {
        Path key = Files.writeString(folder.resolve("key"), "k");
        ZonedDateTime evening = ZonedDateTime.of(2024, 6, 5, 22, 0, 0, 0, ZoneId.of("Asia/Makassar"));
        List<String> times = new ArrayList<>();

        for (RegencyOffice office : RegencyOffices.all()) {
            SftpSource source = SftpSource.of(source(office.code(), null, null, key), properties(), name -> null);
            times.add(office.code() + " " + source.schedule().next(evening).toLocalTime());
        }

        assertThat(times).containsExactly("64.01 01:00", "64.02 01:05", "64.03 01:10", "64.07 01:15", "64.08 01:20",
                "64.09 01:25", "64.11 01:30", "64.71 01:35", "64.72 01:40", "64.74 01:45");
    }

    @Test
    void keepsTheScheduleASourceSetsAsWritten() throws IOException {
        Path key = Files.writeString(folder.resolve("key"), "k");
        SftpProperties.Source twiceADay = new SftpProperties.Source("64.72", "sftp.example", 22, "gugus", "", key, null,
                null, null, "0 30 1,13 * * *", null, null, null, null, null, null, true);

        ZonedDateTime next = SftpSource.of(twiceADay, properties(), name -> null).schedule()
                .next(ZonedDateTime.of(2024, 6, 5, 12, 0, 0, 0, ZoneId.of("Asia/Makassar")));

        assertThat(next.toString()).isEqualTo("2024-06-05T13:30+08:00[Asia/Makassar]");
    }

    @Test
    void refusesAnAbsoluteRemoteFolderAtStartUpSayingHowToWriteIt() throws IOException {
        Path key = Files.writeString(folder.resolve("key"), "k");
        SftpProperties.Source absolute = new SftpProperties.Source("64.72", "sftp.example", 22, "gugus", "/srv/tppo",
                key, null, null, null, null, null, null, null, null, null, null, true);

        assertThatThrownBy(() -> SftpSource.of(absolute, properties(), name -> null))
                .isInstanceOf(InvalidSftpSource.class)
                .hasMessageContaining("64.72").hasMessageContaining("/srv/tppo")
                .hasMessageContaining("relatif terhadap folder home akun")
                .hasMessageContaining("relative to the account's home").hasMessageContaining("'srv/tppo'");
    }

    private static SftpProperties.Source source(String office, String passwordEnv, Path passwordFile, Path key) {
        return new SftpProperties.Source(office, "sftp.example", 22, "gugus", "", key, null, passwordEnv, passwordFile,
                null, null, null, null, null, null, null, true);
    }

    private SftpProperties properties() {
        return new SftpProperties(folder.resolve("known_hosts"), true, Duration.ofMinutes(2),
                new SftpProperties.Retry(4, Duration.ofMinutes(1), Duration.ofMinutes(15)),
                new SftpProperties.Defaults("0 0 1 * * *", Duration.ofMinutes(5), ZoneId.of("Asia/Makassar"), AfterPull.MOVE, "processed", "*",
                        "*.part", Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofMinutes(2),
                        Duration.ofSeconds(15)),
                List.of());
    }
}
