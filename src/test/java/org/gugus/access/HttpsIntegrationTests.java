package org.gugus.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.gugus.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Gugus serving HTTPS from a keystore ({@code server.ssl.*}), and behind a reverse proxy
 * ({@code server.forward-headers-strategy=native}): the client address the proxy forwards is the
 * one the audit log records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gugus.ingest.resume-on-start=false", "server.forward-headers-strategy=native"})
class HttpsIntegrationTests {

    private static final String PASSWORD = "keystore-test-password";
    private static Path keystore;

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        Path home = IntegrationTest.isolate(registry);
        keystore = home.resolve("gugus.p12");
        keytool("-genkeypair", "-alias", "gugus", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD);
        registry.add("server.ssl.key-store", keystore::toString);
        registry.add("server.ssl.key-store-password", () -> PASSWORD);
        registry.add("server.ssl.key-store-type", () -> "PKCS12");
    }

    @Autowired
    Environment environment;

    @Autowired
    Accounts accounts;

    @Autowired
    Audit audit;

    @Test
    void servesHttpsWithTheConfiguredKeystore() throws Exception {
        HttpResponse<String> health = client().send(HttpRequest.newBuilder(uri("https", "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        // UP or, while a component still starts, DOWN: either way the answer came over TLS
        assertThat(health.body()).contains("\"status\"");
        assertThat(health.sslSession()).isPresent();
        assertThat(plainHttpStatus()).as("plain HTTP on the HTTPS port").isIn(400, -1);
    }

    @Test
    void recordsTheClientAddressTheReverseProxyForwards() throws Exception {
        String reviewer = TestLogins.basic(accounts, "proxied", Role.REVIEWER, null);

        HttpResponse<String> listed = client().send(HttpRequest.newBuilder(uri("https", "/api/review/rejections?regency=64.72"))
                .header("Authorization", reviewer).header("X-Forwarded-For", "203.0.113.7").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(audit.list("proxied", null, 10)).extracting(AuditEvent::address).containsOnly("203.0.113.7");
    }

    /** Tomcat answers plain HTTP on a TLS port with 400; a closed connection counts as refused too. */
    private int plainHttpStatus() throws InterruptedException {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("http", "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private HttpClient client() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }

    private URI uri(String scheme, String path) {
        return URI.create(scheme + "://localhost:" + environment.getProperty("local.server.port") + path);
    }

    private static void keytool(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
