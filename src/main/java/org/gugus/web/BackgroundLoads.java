package org.gugus.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.gugus.ingest.ReceivedFile;
import org.gugus.intake.FileOutcome;
import org.gugus.system.LeftBehindFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Loads asked for on the pages (an upload, a load run again), each on a thread of its own pool, never
 * on the request's: the page answers at once and follows the load. Uploads are kept (the last
 * {@value #HISTORY}, in memory: the file registry is the record) so that their page can show how far
 * they are. An upload's bytes wait in an owner-only temporary file until its load ends; such files that a
 * process killed meanwhile left (they hold names and NIKs) are deleted when the next one starts.
 */
@Component
class BackgroundLoads implements DisposableBean {

    static final int HISTORY = 100;
    private static final Logger log = LoggerFactory.getLogger(BackgroundLoads.class);
    /** The uploads' files' names: {@code gugus-upload-<random>.part} in the temporary folder. */
    private static final String PREFIX = "gugus-upload-";
    /**
     * An upload's file older than this was left by a process killed before its load ended (a load of the
     * largest workbook takes minutes), and is deleted.
     */
    static final Duration LEFT_BEHIND = Duration.ofHours(12);

    private final FileReception reception;
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    private final Map<String, Upload> uploads = new LinkedHashMap<>();
    private final Set<Long> reloading = ConcurrentHashMap.newKeySet();

    BackgroundLoads(FileReception reception) {
        this.reception = reception;
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setThreadNamePrefix("page-load-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
        int swept = sweep(Path.of(System.getProperty("java.io.tmpdir")), Instant.now().minus(LEFT_BEHIND));
        if (swept > 0) {
            log.info("Deleted {} uploaded files that a stopped process left behind", swept);
        }
    }

    /**
     * Deletes the uploads' files in {@code folder} last written before {@code before} (left by a killed process);
     * returns how many.
     */
    static int sweep(Path folder, Instant before) {
        return LeftBehindFiles.delete(folder, PREFIX + "*.part", before);
    }

    /** Keeps the uploaded bytes aside and loads them as the office's file; returns the upload to follow. */
    Upload upload(String office, MultipartFile file, String user) {
        Path kept;
        try {
            kept = Files.createTempFile(PREFIX, ".part");
            file.transferTo(kept);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Upload upload = new Upload(UUID.randomUUID().toString(), office, file.getOriginalFilename(), user);
        synchronized (uploads) {
            uploads.put(upload.id(), upload);
            while (uploads.size() > HISTORY) {
                uploads.remove(uploads.keySet().iterator().next());
            }
        }
        executor.execute(() -> {
            try {
                upload.finished(reception.receive(kept, office, upload.name(), FileSource.UPLOAD, upload::registered));
            } catch (RuntimeException e) {
                log.error("Upload of {} for {} failed", upload.name(), office, e);
                upload.fail();
            } finally {
                delete(kept);
            }
        });
        return upload;
    }

    Optional<Upload> upload(String id) {
        synchronized (uploads) {
            return Optional.ofNullable(uploads.get(id));
        }
    }

    /** Runs a registered file's load again, resuming from its last committed chunk. */
    void reload(ReceivedFile file) {
        reloading.add(file.id());
        executor.execute(() -> {
            try {
                reception.load(file);
            } catch (RuntimeException e) {
                log.error("Reload of file #{} failed", file.id(), e);
            } finally {
                reloading.remove(file.id());
            }
        });
    }

    /** Whether a load asked for on a page (run again) is waiting for its thread or running. */
    boolean reloading() {
        return !reloading.isEmpty();
    }

    /** Whether a load of this file asked for on a page is waiting or running. */
    boolean reloading(long fileId) {
        return reloading.contains(fileId);
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete {}: {}", file, e.getMessage());
        }
    }

    /** One upload as it goes: its file's number once registered, then its outcome. */
    static final class Upload {

        private final String id;
        private final String office;
        private final String name;
        private final String user;
        private volatile Long fileId;
        private volatile FileOutcome outcome;
        private volatile boolean failed;

        Upload(String id, String office, String name, String user) {
            this.id = id;
            this.office = office;
            this.name = name;
            this.user = user;
        }

        public String id() {
            return id;
        }

        public String office() {
            return office;
        }

        public String name() {
            return name;
        }

        public String user() {
            return user;
        }

        public Long fileId() {
            return fileId;
        }

        public FileOutcome outcome() {
            return outcome;
        }

        public boolean failed() {
            return failed;
        }

        public boolean done() {
            return outcome != null || failed;
        }

        void registered(long id) {
            fileId = id;
        }

        void finished(FileOutcome outcome) {
            this.fileId = outcome.fileId();
            this.outcome = outcome;
        }

        void fail() {
            failed = true;
        }
    }
}
