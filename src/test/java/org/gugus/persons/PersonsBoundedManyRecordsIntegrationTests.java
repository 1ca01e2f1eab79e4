package org.gugus.persons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link PersonsBoundedIntegrationTests} with every run's records counted as many
 * ({@code gugus.persons.resolution.many-records}), as a first load of a million records is: the bounded run's new
 * persons and their records copied in binary into a store holding none or few, its keys and foreign keys set aside
 * and built again after; the same persons, links, queue and block keys as the run in memory.
 */
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "gugus.persons.resolution.group-records=40",
        "gugus.persons.resolution.many-records=20"})
class PersonsBoundedManyRecordsIntegrationTests extends PersonsBoundedIntegrationTests {

    @Test
    void aBoundedRunOfManyRecordsOntoAnEmptyStorePutsItsKeysAndForeignKeysBack() {
        loadVictims();
        List<Long> every = jdbc.sql("select id from warehouse.victim order by id").query(Long.class).list();
        makePending(every);
        resolution.resolvePending("test", false);
        Outcome inMemory = outcome();
        makePending(every);
        assertThat(jdbc.sql("select count(*) from persons.victim_person").query(Long.class).single()).isZero();
        long personsBefore = jdbc.sql("select count(*) from persons.person").query(Long.class).single();

        ResolutionSummary bounded = resolution.resolvePending("test", true);

        assertThat(outcome()).isEqualTo(inMemory);
        assertThat(jdbc.sql("select count(*) from persons.person").query(Long.class).single())
                .as("a new person for each person found").isEqualTo(personsBefore + bounded.persons());
        assertThat(jdbc.sql("""
                select count(*) from persons.victim_person vp
                 where not exists (select 1 from persons.person p where p.id = vp.person_id and p.merged_into is null)
                """).query(Long.class).single()).as("records of a person not stored or merged").isZero();
        assertThat(jdbc.sql("select count(*) from persons.victim_person where linkage_hash is not null")
                .query(Long.class).single()).as("records resolved in full when they come again").isZero();
        assertThat(constraints("persons.victim_person")).contains("victim_person_pkey", "victim_person_victim_id_fkey",
                "victim_person_person_id_fkey");
        assertThat(constraints("persons.person")).contains("person_merged_into_fkey");
        assertThat(jdbc.sql("select indexname from pg_indexes where schemaname = 'persons' and tablename = 'victim_person'")
                .query(String.class).list()).contains("victim_person_person");
    }

    private List<String> constraints(String table) {
        return jdbc.sql("select conname from pg_constraint where conrelid = ?::regclass").param(table)
                .query(String.class).list();
    }
}
