package org.gugus.ingest;

import java.time.Instant;
import org.gugus.reference.RegencyOffice;

/**
 * Where one office's deliveries stand, as the stewards' overview shows it.
 *
 * @param lastFile          its latest received file, or {@code null} when it never sent one
 * @param filesThisMonth    files received from it in the current month (province time)
 * @param sftpState         {@code OK}, {@code FAILING}, {@code MISCONFIGURED}, or {@code null} when it has no
 *                          SFTP source (it drops files)
 * @param nextPull          the next scheduled pull, {@code null} without SFTP
 * @param lastErrorId       the last pull's error in Indonesian while it is failing, else {@code null}
 * @param lastErrorEn       the same in English
 */
public record OfficeIntake(RegencyOffice office, ReceivedFile lastFile, long filesThisMonth, String sftpState,
        Instant nextPull, String lastErrorId, String lastErrorEn) {

    /** Nothing received this month: the overview makes the office stand out. */
    public boolean silentThisMonth() {
        return filesThisMonth == 0;
    }
}
