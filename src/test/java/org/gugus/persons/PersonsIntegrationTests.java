package org.gugus.persons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gugus.persons.PersonFiles.victim;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gugus.IntegrationTest;
import org.gugus.ingest.FileReception;
import org.gugus.intake.FileOutcome;
import org.gugus.system.GugusCommands;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Persons resolved as files are loaded, with the stored (here: initial) model. */
@SpringBootTest(properties = "gugus.ingest.resume-on-start=false")
class PersonsIntegrationTests {

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    FileReception reception;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GugusCommands gugus;

    @TempDir
    Path folder;

    PersonFiles files;

    @BeforeEach
    void files() {
        files = new PersonFiles(reception, folder);
    }

    @Test
    void aVictimReportedByThreeOfficesWithSpellingVariantsIsOnePerson() {
        FileOutcome samarinda = files.load("64.72", List.of(
                victim("TPPO/SMD/0101", "Siti Rahmawati", "6472015203980001", "P", "12/03/1998", "", "Samarinda"),
                victim("TPPO/SMD/0102", "Yohanes Pasaribu", "6472010507950002", "L", "05/07/1995", "", "Samarinda")));
        FileOutcome balikpapan = files.load("64.71", List.of(
                victim("TPPO/BPN/0201", "St. Rachmawati", "", "P", "12/03/1998", "", "Samarinda")));
        FileOutcome kukar = files.load("64.02", List.of(
                victim("TPPO/KKR/0301", "SITI RAHMAWATIE", "6472015203980001", "P", "", "26", "Kota Samarinda")));

        var debug = new java.io.ByteArrayOutputStream();
        gugus.execute(new java.io.PrintStream(debug, true), System.err, "persons", "pairs");
        System.out.println("DEBUGPAIRS " + debug);
        long person = personOf(samarinda, "TPPO/SMD/0101");
        assertThat(personOf(balikpapan, "TPPO/BPN/0201")).isEqualTo(person);
        assertThat(personOf(kukar, "TPPO/KKR/0301")).isEqualTo(person);
        assertThat(personOf(samarinda, "TPPO/SMD/0102")).isNotEqualTo(person);
        Map<String, Object> counted = jdbc.sql("""
                select reports, array_to_string(offices, ',') as offices from persons.unique_victim where person_id = ?
                """).param(person).query().singleRow();
        assertThat(counted).containsEntry("reports", 3L).containsEntry("offices", "64.02,64.71,64.72");
    }

    private long personOf(FileOutcome file, String caseNumber) {
        return jdbc.sql("""
                select p.person_id from persons.victim_person p
                  join warehouse.victim v on v.id = p.victim_id
                  join warehouse.tppo_case c on c.id = v.case_id
                 where v.source_file_id = ? and c.case_number = ?
                """).params(file.fileId(), caseNumber).query(Long.class).single();
    }
}
