package org.gugus.system.health;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gugus.system.Message;
import org.gugus.system.Messages;
import org.gugus.system.ReadinessCheck;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The folders Gugus must write: its home, the drop-folder inbox, landing, archive, quarantine and
 * logs. Each is created when missing and written to (a file created and deleted), since a folder's
 * permission bits do not tell what this process may do (root, ACLs, read-only mounts).
 */
@Component
class WritableFolders implements ReadinessCheck {

    private final Map<String, Path> folders;

    @Autowired
    WritableFolders(Environment environment) {
        this(folders(environment));
    }

    WritableFolders(Map<String, Path> folders) {
        this.folders = folders;
    }

    private static Map<String, Path> folders(Environment environment) {
        Map<String, Path> folders = new LinkedHashMap<>();
        String home = environment.getProperty("gugus.home", "./data");
        folders.put("GUGUS_HOME", Path.of(home));
        for (String folder : List.of("inbox", "landing", "archive", "quarantine")) {
            folders.put(folder, Path.of(environment.getProperty("gugus.ingest." + folder, home + "/" + folder)));
        }
        folders.put("logs", Path.of(home, "logs"));
        return folders;
    }

    @Override
    public List<Message> problems() {
        List<Message> problems = new ArrayList<>();
        folders.forEach((name, folder) -> {
            String reason = unwritable(folder.toAbsolutePath().normalize());
            if (reason != null) {
                problems.add(Messages.get("system.readiness.folder", name, folder.toAbsolutePath().normalize(), reason,
                        System.getProperty("user.name")));
            }
        });
        return problems;
    }

    /** Why this process cannot write into the folder, or {@code null} when it can. */
    static String unwritable(Path folder) {
        try {
            Files.createDirectories(folder);
            Files.delete(Files.createTempFile(folder, ".gugus-write-check", ".tmp"));
            return null;
        } catch (FileSystemException e) {
            String reason = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
            return e.getFile() != null && !e.getFile().equals(folder.toString()) ? reason + ": " + e.getFile() : reason;
        } catch (IOException | SecurityException e) {
            return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
    }
}
