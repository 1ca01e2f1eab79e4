package org.gugus.ingest.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server (Apache MINA SSHD) on 127.0.0.1 at a random port, inside the test JVM, with
 * an account per office (password or public key), each jailed in its own home folder. It can break
 * off a download half-way, once, as a dropped connection does.
 */
final class SftpTestServer implements AutoCloseable {

    private final SshServer server;
    private final Path root;
    private final KeyPair hostKey;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
    private final VirtualFileSystemFactory homes;
    private final Map<String, Long> breakOnce = new ConcurrentHashMap<>();
    private final AtomicInteger broken = new AtomicInteger();
    private final Map<String, AtomicInteger> logins = new ConcurrentHashMap<>();

    SftpTestServer(Path root) {
        this.root = root;
        this.hostKey = rsaKeyPair();
        this.homes = new VirtualFileSystemFactory(root);
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator((user, password, session) -> password.equals(passwords.get(user)));
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(keys.get(user), key));
        server.setFileSystemFactory(homes);
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionEvent(Session session, Event event) {
                if (event == Event.Authenticated) {
                    logins.computeIfAbsent(session.getUsername(), user -> new AtomicInteger()).incrementAndGet();
                }
            }
        });
        SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().build();
        sftp.addSftpEventListener(new SftpEventListener() {
            @Override
            public void reading(ServerSession session, String remoteHandle, FileHandle localHandle, long offset,
                    byte[] data, int dataOffset, int dataLen) throws IOException {
                String name = localHandle.getFile().getFileName().toString();
                Long after = breakOnce.get(name);
                if (after != null && offset >= after && breakOnce.remove(name) != null) {
                    broken.incrementAndGet();
                    session.close(true);
                    throw new IOException("connection dropped by the test server");
                }
            }
        });
        server.setSubsystemFactories(List.of(sftp));
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return server.getPort();
    }

    /** The known_hosts line for this server, naming the key the test says it has. */
    String knownHostsLine(PublicKey key) {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(key);
    }

    String knownHostsLine() {
        return knownHostsLine(hostKey.getPublic());
    }

    Path passwordAccount(String user, String password) {
        passwords.put(user, password);
        return home(user);
    }

    Path keyAccount(String user, PublicKey key) {
        keys.put(user, key);
        return home(user);
    }

    private Path home(String user) {
        try {
            Path home = Files.createDirectories(root.resolve(user));
            homes.setUserHomeDir(user, home);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next download of {@code fileName} breaks off once {@code afterBytes} have been read. */
    void breakNextDownload(String fileName, long afterBytes) {
        breakOnce.put(fileName, afterBytes);
    }

    int brokenDownloads() {
        return broken.get();
    }

    /** How many times the account has logged in since the server started. */
    int logins(String user) {
        AtomicInteger count = logins.get(user);
        return count == null ? 0 : count.get();
    }

    /** Uploads as a careful client does: under a temporary name, renamed when complete, and not fresh. */
    static Path upload(Path folder, String name, byte[] content) {
        try {
            Files.createDirectories(folder);
            Path partial = Files.write(folder.resolve(name + ".part"), content);
            Files.setLastModifiedTime(partial, FileTime.from(Instant.now().minusSeconds(120)));
            return Files.move(partial, folder.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An unencrypted PKCS#8 PEM private key file, as {@code private-key-file} reads it. */
    static Path writePrivateKey(Path file, KeyPair keyPair) {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keyPair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
