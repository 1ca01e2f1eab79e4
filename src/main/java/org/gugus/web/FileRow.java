package org.gugus.web;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.gugus.ingest.ReceivedFile;

/** A received file as the pages show it: its registry row with the time in the province's zone. */
record FileRow(ReceivedFile file, ZonedDateTime receivedAt) {

    static FileRow of(ReceivedFile file, ZoneId zone) {
        return new FileRow(file, file.receivedAt().atZoneSameInstant(zone));
    }
}
