package org.gugus.web;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.gugus.ingest.OfficeIntake;
import org.gugus.ingest.ReceivedFile;

/** One office on the Beranda: its intake with times in the province's zone and its open rejections. */
record OfficeRow(OfficeIntake intake, ZonedDateTime lastReceivedAt, ZonedDateTime nextPull, long openRejections) {

    static OfficeRow of(OfficeIntake intake, long openRejections, ZoneId zone) {
        ReceivedFile last = intake.lastFile();
        return new OfficeRow(intake, last == null ? null : last.receivedAt().atZoneSameInstant(zone),
                intake.nextPull() == null ? null : intake.nextPull().atZone(zone), openRejections);
    }
}
