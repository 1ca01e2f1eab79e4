package org.gugus.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gugus.access.Audit;
import org.gugus.system.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes the bytes of received files older than the retention period ({@code gugus.ingest.retention}):
 * their landing copy (unless a newer delivery of the same content still needs it), their kept
 * original and error note in the archive or quarantine, and their answer workbook in the outbox. The registry keeps each file's hash, name,
 * size, office, outcome and the moment it was purged. Files whose load is unfinished are kept.
 */
@Service
public class ReceivedFilePurge {

    private static final Logger log = LoggerFactory.getLogger(ReceivedFilePurge.class);
    /** A kept original or note: {@code <name>-<registry id>.<ext>} or {@code <name>-<registry id>.error.txt}. */
    private static final Pattern KEPT = Pattern.compile(".*-(\\d+)(\\.error\\.txt|\\.[^.]*)?");

    private final JdbcClient jdbc;
    private final IngestProperties folders;
    private final Duration retention;
    private final Audit audit;
    private final ObjectProvider<FileAnswers> answers;

    ReceivedFilePurge(JdbcClient jdbc, IngestProperties folders,
            @Value("${gugus.ingest.retention:365d}") Duration retention, Audit audit,
            ObjectProvider<FileAnswers> answers) {
        this.jdbc = jdbc;
        this.folders = folders;
        this.retention = retention;
        this.audit = audit;
        this.answers = answers;
    }

    /** What a purge removed. */
    public record Purged(int files, int landed, int kept, OffsetDateTime before) {
    }

    /** Purges every finished file received more than the retention period ago. */
    @Transactional
    public Purged purge() {
        OffsetDateTime before = OffsetDateTime.now().minus(retention);
        List<Long> ids = jdbc.sql("""
                update ingest.received_file set purged_at = now()
                 where received_at < ? and purged_at is null
                   and status in ('LOADED', 'QUARANTINED', 'ALREADY_RECEIVED')
                returning id
                """).param(before).query(Long.class).list();
        int landed = 0;
        for (String path : jdbc.sql("""
                select distinct p.landing_path from ingest.received_file p
                 where p.purged_at is not null
                   and not exists (select 1 from ingest.received_file k
                                    where k.landing_path = p.landing_path and k.purged_at is null)
                """).query(String.class).list()) {
            landed += delete(Path.of(path)) ? 1 : 0;
        }
        Set<Long> purged = ids.stream().collect(Collectors.toSet());
        int kept = deleteKept(folders.archive(), purged) + deleteKept(folders.quarantine(), purged);
        // the answer workbooks in the outbox hold the same names and NIKs
        FileAnswers made = answers.getIfAvailable();
        if (made != null) {
            kept += (int) ids.stream().flatMap(id -> made.answerOf(id).stream()).filter(ReceivedFilePurge::delete).count();
        }
        if (!ids.isEmpty()) {
            audit.change("FILES_PURGED", "received_file before " + before, ids);
        }
        log.info(Messages.get("access.purge.done", ids.size(), landed, kept, before.toLocalDate()).both());
        return new Purged(ids.size(), landed, kept, before);
    }

    private static int deleteKept(Path root, Set<Long> ids) {
        if (ids.isEmpty() || !Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return (int) files.filter(Files::isRegularFile).filter(file -> {
                Matcher kept = KEPT.matcher(file.getFileName().toString());
                return kept.matches() && ids.contains(Long.parseLong(kept.group(1)));
            }).filter(ReceivedFilePurge::delete).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean delete(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }
}
