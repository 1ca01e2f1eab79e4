package org.gugus.ingest.sftp;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.gugus.intake.FileOutcome;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.gugus.ingest.LandedFile;
import org.gugus.ingest.LandingStore;
import org.springframework.stereotype.Component;

/**
 * What the SFTP route does with a remote file: streams it into the landing area (never whole in
 * memory), checks it arrived complete, then hands it to {@link FileReception}. A download broken
 * off half-way leaves nothing registered, so the file stays on the server for the next try.
 */
@Component("sftpReception")
class SftpReception {

    private final LandingStore landing;
    private final FileReception reception;
    private final SftpSources sources;
    private final MeterRegistry meters;
    private final FeedbackUpload feedback;

    SftpReception(LandingStore landing, FileReception reception, SftpSources sources, MeterRegistry meters,
            FeedbackUpload feedback) {
        this.landing = landing;
        this.reception = reception;
        this.sources = sources;
        this.meters = meters;
        this.feedback = feedback;
    }

    /**
     * @param remoteSize the size the server listed, once the read lock found it stable
     */
    public FileOutcome receive(String officeCode, InputStream content, String fileName, long remoteSize) {
        OfficePoll poll = sources.poll(officeCode).orElseThrow(
                () -> new IllegalStateException("No SFTP source for office " + officeCode));
        try (InputStream remote = content) {
            LandedFile landed = landing.land(remote);
            if (remoteSize >= 0 && landed.size() != remoteSize) {
                throw new IOException("download of " + fileName + " ended after " + landed.size() + " of " + remoteSize
                        + " bytes");
            }
            FileOutcome delivery = reception.receive(landed, officeCode, fileName, FileSource.SFTP);
            poll.pulled(delivery, landed.size());
            feedback.sendBack(poll.source(), delivery);
            meters.counter("gugus.sftp.files", "office", officeCode, "status", delivery.status().name()).increment();
            meters.counter("gugus.sftp.bytes", "office", officeCode).increment(landed.size());
            return delivery;
        } catch (IOException e) {
            poll.failed(e);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            poll.failed(e);
            throw e;
        }
    }
}
