package org.gugus.ingest.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.gugus.IntegrationTest;
import org.gugus.TestFolders;
import org.gugus.TestWorkbooks;
import org.gugus.intake.LoadStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

/**
 * The same pull against OpenSSH in a container (atmoz/sftp, as in docker-compose.yml): an account
 * with a password and one with a key, a host key written by the test and listed in known_hosts.
 * Runs only in the {@code docker-it} profile ({@code ./mvnw -Pdocker-it test}) and is skipped
 * where no Docker engine runs.
 */
@Tag("docker")
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = "gugus.ingest.resume-on-start=false")
class SftpContainerIntegrationTests {

    private static GenericContainer<?> sftp;

    @DynamicPropertySource
    static void container(DynamicPropertyRegistry registry) throws IOException {
        Path home = IntegrationTest.isolate(registry);
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return;
        }
        Path keys = Files.createDirectories(home.resolve("sftp"));
        KeyPair hostKey = SftpTestServer.rsaKeyPair();
        KeyPair gugusKey = SftpTestServer.rsaKeyPair();
        Path hostKeyFile = keys.resolve("ssh_host_rsa_key");
        try (var out = Files.newOutputStream(hostKeyFile)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(hostKey, "gugus-test", null, out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Path authorized = Files.writeString(keys.resolve("authorized_keys"),
                PublicKeyEntry.toString(gugusKey.getPublic()) + "\n");
        sftp = new GenericContainer<>("atmoz/sftp:alpine")
                .withCommand("kab6472::1001:1001:kirim", "kab6471:rahasia-tppo:1002:1002:kirim")
                .withCopyFileToContainer(MountableFile.forHostPath(hostKeyFile, 0600), "/etc/ssh/ssh_host_rsa_key")
                .withCopyFileToContainer(MountableFile.forHostPath(authorized, 0644),
                        "/home/kab6472/.ssh/keys/gugus.pub")
                .withExposedPorts(22);
        sftp.start();
        int port = sftp.getMappedPort(22);
        String host = sftp.getHost();
        Files.writeString(keys.resolve("known_hosts"),
                "[" + host + "]:" + port + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n");
        Path privateKey = SftpTestServer.writePrivateKey(keys.resolve("id_gugus.pem"), gugusKey);
        Path password = Files.writeString(keys.resolve("kab6471.secret"), "rahasia-tppo");
        registry.add("gugus.sftp.defaults.read-lock-min-age", () -> "3s");
        registry.add("gugus.sftp.defaults.read-lock-timeout", () -> "400ms");
        registry.add("gugus.sftp.defaults.read-lock-check-interval", () -> "100ms");
        String[][] sources = {{"64.72", "kab6472", "private-key-file", privateKey.toString()},
                {"64.71", "kab6471", "password-file", password.toString()}};
        for (int i = 0; i < sources.length; i++) {
            String[] source = sources[i];
            String prefix = "gugus.sftp.sources[" + i + "].";
            registry.add(prefix + "office", () -> source[0]);
            registry.add(prefix + "host", () -> host);
            registry.add(prefix + "port", () -> port);
            registry.add(prefix + "username", () -> source[1]);
            registry.add(prefix + "directory", () -> "kirim");
            registry.add(prefix + source[2], () -> source[3]);
        }
    }

    @AfterAll
    static void stop() {
        if (sftp != null) {
            sftp.stop();
        }
    }

    @Autowired
    SftpSources sources;

    @Test
    void pullsWithAKeyAndWithAPasswordFromOpenSsh() throws Exception {
        put("kab6472", "samarinda-2024-06.csv", 3);
        put("kab6471", "balikpapan-2024-06.csv", 2);
        Thread.sleep(4_000); // the read lock takes a file once unchanged for 3 s

        for (String office : List.of("64.72", "64.71")) {
            PullReport report = sources.pull(sources.poll(office).orElseThrow());
            assertThat(report.failure()).as(office).isNull();
            assertThat(report.deliveries()).extracting(d -> d.status()).containsExactly(LoadStatus.LOADED);
        }
        assertThat(sftp.execInContainer("ls", "/home/kab6472/kirim/processed").getStdout()).contains("samarinda-2024-06-");
    }

    /** Uploads into the account's folder under a temporary name, then renames it, as a careful client does. */
    private static void put(String user, String name, int rows) throws Exception {
        Path file = TestFolders.file("upload", ".csv");
        TestWorkbooks.csv(file, TestWorkbooks.victims(rows));
        String target = "/home/" + user + "/kirim/" + name;
        sftp.copyFileToContainer(MountableFile.forHostPath(file, 0644), target + ".part");
        var result = sftp.execInContainer("sh", "-c",
                "chown " + user + " " + target + ".part && mv " + target + ".part " + target);
        if (result.getExitCode() != 0) {
            throw new UncheckedIOException(new IOException(result.getStderr()));
        }
    }
}
