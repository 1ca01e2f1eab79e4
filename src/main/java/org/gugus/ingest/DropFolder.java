package org.gugus.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gugus.intake.FileOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the drop-folder route does with a file dropped into the inbox: receives it for the office
 * its first folder names, then keeps the original in archive or quarantine. Only what lies in the
 * inbox itself is taken: a folder reached through a symbolic link is never followed, since moving
 * its files would empty a folder outside Gugus's home; a symbolic link to a file is read and its
 * target left in place.
 */
@Component("dropFolder")
public class DropFolder {

    private static final Logger log = LoggerFactory.getLogger(DropFolder.class);

    private final FileReception reception;
    private final FileRegistry registry;
    private final KeptOriginals originals;
    private final Path inbox;
    private final Set<Path> refused = ConcurrentHashMap.newKeySet();

    DropFolder(FileReception reception, FileRegistry registry, KeptOriginals originals, IngestProperties properties) {
        this.reception = reception;
        this.registry = registry;
        this.originals = originals;
        this.inbox = properties.inbox();
    }

    /**
     * @param file         the dropped file
     * @param relativePath its path under the inbox, e.g. {@code 64.72/samarinda-2024-06.xlsx}
     * @return its outcome; {@code null} when it is not taken, being reached through a linked folder
     */
    public FileOutcome receive(String file, String relativePath) {
        Path dropped = Path.of(file);
        Path inInbox = Path.of(relativePath).normalize();
        if (!inInbox(dropped, inInbox)) {
            return null;
        }
        String folder = inInbox.getNameCount() > 1 ? inInbox.getName(0).toString() : "";
        FileOutcome outcome = reception.receive(dropped, folder, inInbox.getFileName().toString(), FileSource.DROP_FOLDER);
        Path kept = originals.keep(dropped, inInbox, outcome, registry.find(outcome.fileId()).landingPath());
        registry.keptAt(outcome.fileId(), kept);
        return outcome;
    }

    /** Whether the route may enter a folder: not when it is a symbolic link (it is said once why). */
    boolean mayEnter(Path folder) {
        if (!Files.isSymbolicLink(folder)) {
            return true;
        }
        if (refused.add(folder)) {
            log.warn("{} is a symbolic link to a folder; Gugus does not follow it and takes none of its files, so that"
                    + " it never moves files outside its home. Put the files themselves into the office folder.", folder);
        }
        return false;
    }

    /** The file lies in the inbox itself: no folder on its way is a link (the route checked; checked again here). */
    private boolean inInbox(Path dropped, Path inInbox) {
        if (inInbox.isAbsolute() || inInbox.startsWith("..") || !dropped.normalize().equals(inbox.resolve(inInbox))) {
            return refuse(dropped);
        }
        Path folder = inbox;
        for (int i = 0; i < inInbox.getNameCount() - 1; i++) {
            folder = folder.resolve(inInbox.getName(i));
            if (!mayEnter(folder)) {
                return false;
            }
        }
        try {
            if (!dropped.getParent().toRealPath().startsWith(inbox.toRealPath())) {
                return refuse(dropped);
            }
        } catch (IOException e) {
            return refuse(dropped);
        }
        return true;
    }

    private boolean refuse(Path dropped) {
        if (refused.add(dropped)) {
            log.warn("{} does not lie in the inbox {}; not taken", dropped, inbox);
        }
        return false;
    }
}
