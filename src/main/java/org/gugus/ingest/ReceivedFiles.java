package org.gugus.ingest;

import java.time.LocalDate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.gugus.reference.RegencyOffice;
import org.gugus.reference.RegencyOffices;
import org.gugus.system.Messages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What may be asked of the file registry: by other modules, the names files arrived under and
 * when; by people ({@code gugus files}, {@code /api/files}), the received files themselves, of an
 * office written either way ({@code 64.72} or {@code 6472}), at most {@value #MAX_LIMIT} at once.
 */
@Component
public class ReceivedFiles {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private final JdbcClient jdbc;
    private final FileRegistry registry;
    private final String timeZone;

    ReceivedFiles(JdbcClient jdbc, FileRegistry registry, @Value("${gugus.time-zone:Asia/Makassar}") String timeZone) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.timeZone = timeZone;
    }

    /** The name each file arrived under, by registry id; ids not registered are left out. */
    public Map<Long, String> names(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, original_name from ingest.received_file where id = any(?)")
                .param(ids.stream().distinct().toArray(Long[]::new))
                .query(rs -> {
                    names.put(rs.getLong("id"), rs.getString("original_name"));
                });
        return names;
    }

    /** The office a registered file came from; empty for an unknown id or a file that named no office. */
    public Optional<String> officeOf(long id) {
        return jdbc.sql("select office_code from ingest.received_file where id = ? and office_code is not null")
                .param(id).query(String.class).optional();
    }

    /**
     * The bytes of a file as it arrived: its kept original (archive or quarantine), else its landing
     * copy; empty once retention has deleted both. They hold names and NIKs: the caller audits the read.
     */
    public Optional<Path> original(ReceivedFile file) {
        return Stream.of(file.keptAt(), file.landingPath())
                .filter(path -> path != null && Files.isRegularFile(path)).findFirst();
    }

    /** The day (in the province's time zone) a file was received: no date in its rows may be after it. */
    public LocalDate receivedOn(long id) {
        return jdbc.sql("select (received_at at time zone ?)::date from ingest.received_file where id = ?")
                .params(timeZone, id).query(LocalDate.class).single();
    }

    /**
     * The latest files first.
     *
     * @throws IllegalArgumentException for an unknown office or a limit out of range, saying why
     */
    public List<ReceivedFile> list(String office, FileStatus status, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(Messages.get("ingest.files.limit", limit, MAX_LIMIT).both());
        }
        return registry.list(office == null ? null : officeCode(office), status, limit);
    }

    /** A registered file, whoever asks: callers check who may see it. */
    public Optional<ReceivedFile> find(long id) {
        return registry.findById(id);
    }

    static String noSuchFile(long id) {
        return Messages.get("ingest.files.not-found", id).both();
    }

    /** The office, as {@code 64.72} whether written so or {@code 6472}. */
    static String officeCode(String office) {
        return RegencyOffices.byCode(office).map(RegencyOffice::code).orElseThrow(() -> new IllegalArgumentException(
                Messages.get("ingest.load.unknown-office", office, offices()).both()));
    }

    static String offices() {
        return String.join(", ", RegencyOffices.all().stream().map(o -> o.code() + " " + o.name()).toList());
    }
}
