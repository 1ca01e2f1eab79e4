package org.gugus.persons;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gugus.TestWorkbooks;
import org.gugus.intake.FileOutcome;
import org.gugus.intake.LoadStatus;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;

/** Regency files of victims for the persons tests: rows written as offices write them, loaded as a delivery. */
final class PersonFiles {

    private final FileReception reception;
    private final Path folder;
    private int files;

    PersonFiles(FileReception reception, Path folder) {
        this.reception = reception;
        this.folder = folder;
    }

    /**
     * A victim row: {@code birthDate} dd/MM/yyyy or empty, {@code age} or empty, {@code nik} or empty.
     * The report date is 05/06/2024.
     */
    static List<String> victim(String caseNumber, String name, String nik, String sex, String birthDate, String age,
            String regency) {
        List<String> row = new ArrayList<>(TestWorkbooks.victim(1));
        row.set(1, caseNumber);
        row.set(3, name);
        row.set(4, nik);
        row.set(5, sex);
        row.set(6, birthDate);
        row.set(7, age);
        row.set(8, regency);
        return row;
    }

    /** Loads the rows as a file of the office, as `gugus load` does (persons are resolved before it returns). */
    FileOutcome load(String office, List<List<String>> rows) {
        List<List<String>> numbered = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = new ArrayList<>(rows.get(i));
            row.set(0, String.valueOf(i + 1));
            numbered.add(row);
        }
        String name = "persons-" + office.replace(".", "") + "-" + (++files) + ".csv";
        FileOutcome outcome = reception.receive(TestWorkbooks.csv(folder.resolve(name), numbered), office, name,
                FileSource.COMMAND_LINE);
        if (outcome.status() != LoadStatus.LOADED || outcome.rejected() > 0) {
            throw new AssertionError("not loaded whole: " + outcome);
        }
        return outcome;
    }
}
