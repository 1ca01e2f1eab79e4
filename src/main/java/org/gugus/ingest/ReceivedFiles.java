package org.gugus.ingest;

import java.util.List;
import java.util.Optional;
import org.gugus.reference.RegencyOffice;
import org.gugus.reference.RegencyOffices;
import org.gugus.system.Messages;
import org.springframework.stereotype.Component;

/**
 * What the registry tells people about received files, for {@code gugus files} and
 * {@code /api/files}: an office written either way ({@code 64.72} or {@code 6472}), at most
 * {@value #MAX_LIMIT} files at once.
 */
@Component
class ReceivedFiles {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private final FileRegistry registry;

    ReceivedFiles(FileRegistry registry) {
        this.registry = registry;
    }

    /**
     * @throws IllegalArgumentException for an unknown office or a limit out of range, saying why
     */
    List<ReceivedFile> list(String office, FileStatus status, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(Messages.get("ingest.files.limit", limit, MAX_LIMIT).both());
        }
        return registry.list(office == null ? null : officeCode(office), status, limit);
    }

    Optional<ReceivedFile> find(long id) {
        return registry.findById(id);
    }

    static String noSuchFile(long id) {
        return Messages.get("ingest.files.not-found", id).both();
    }

    static String officeCode(String office) {
        return RegencyOffices.byCode(office).map(RegencyOffice::code).orElseThrow(() -> new IllegalArgumentException(
                Messages.get("ingest.load.unknown-office", office, offices()).both()));
    }

    static String offices() {
        return String.join(", ", RegencyOffices.all().stream().map(o -> o.code() + " " + o.name()).toList());
    }
}
