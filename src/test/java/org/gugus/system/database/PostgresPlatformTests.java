package org.gugus.system.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresPlatformTests {

    @Test
    void namesTheBinariesOfEachPlatformAsTheMavenCentralArtifactsShipThem() {
        assertThat(PostgresPlatform.of("Linux", "amd64").binariesResource()).isEqualTo("postgres-linux-x86_64.txz");
        assertThat(PostgresPlatform.of("Linux", "aarch64").binariesResource()).isEqualTo("postgres-linux-arm_64.txz");
        assertThat(PostgresPlatform.of("Mac OS X", "x86_64").binariesResource()).isEqualTo("postgres-darwin-x86_64.txz");
        assertThat(PostgresPlatform.of("Mac OS X", "aarch64").binariesResource()).isEqualTo("postgres-darwin-arm_64.txz");
        assertThat(PostgresPlatform.of("Windows 11", "amd64").binariesResource()).isEqualTo("postgres-windows-x86_64.txz");
    }

    @Test
    void runsWindowsProgramsByTheirExeNameAndSkipsPosixPermissionsThere() {
        PostgresPlatform windows = PostgresPlatform.of("Windows Server 2022", "amd64");

        assertThat(windows.executable("pg_ctl")).isEqualTo("pg_ctl.exe");
        assertThat(windows.posix()).isFalse();
        assertThat(PostgresPlatform.of("Linux", "amd64").executable("pg_ctl")).isEqualTo("pg_ctl");
    }

    @Test
    void tellsLinuxFromTheOtherPosixSystems() {
        assertThat(PostgresPlatform.of("Linux", "amd64").linux()).isTrue();
        assertThat(PostgresPlatform.of("Mac OS X", "aarch64").linux()).isFalse();
        assertThat(PostgresPlatform.of("Windows 11", "amd64").linux()).isFalse();
    }

    @Test
    void saysWhatToDoWhenTheJarHasNoBinariesForThePlatform() {
        var message = PostgresPlatform.of("FreeBSD", "amd64").missingBinaries();

        assertThat(message.en()).contains("freebsd-x86_64", "-Pall-platforms", "SPRING_DATASOURCE_URL");
        assertThat(message.id()).contains("freebsd-x86_64", "SPRING_DATASOURCE_URL");
    }
}
