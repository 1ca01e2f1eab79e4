package org.gugus.persons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gugus.persons.PersonFiles.victim;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.gugus.IntegrationTest;
import org.gugus.intake.FileOutcome;
import org.gugus.ingest.FileReception;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A first load's records prepared while its publish runs ({@link RecordsPreparedAhead}), with runs of 20 records and
 * more counted as many: taken by the resolution after the commit where the record published is the row read, giving
 * the persons, links, queued pairs and block keys of a run that prepares every record itself. Each test loads an
 * office's first delivery onto a store holding other offices' records, some of the same persons.
 */
@Import(PublishHooks.Listening.class)
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "gugus.persons.resolution.many-records=20",
        "gugus.persons.resolution.few-pending=20"})
@ExtendWith(OutputCaptureExtension.class)
class PersonsPreparedAheadIntegrationTests {

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    FileReception reception;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonResolution resolution;

    @Autowired
    RecordsPreparedAhead ahead;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path folder;

    @AfterEach
    void noHooks() {
        PublishHooks.reset();
    }

    @Test
    void aFirstLoadsRecordsPreparedWhileItWasPublishedAreTakenAndGiveThePersonsOfARunPreparingThemAfter() {
        loadOther("64.01", 0);
        long[] counts = ahead.counts();
        // the work ahead ended before the publish goes on: on a busy machine it had not yet begun when the publish
        // committed, was told to stop, and nothing was taken (CI, once)
        PublishHooks.after = publish -> awaitDone(counts);

        FileOutcome load = load("64.02", 0);

        assertThat(ahead.counts()[2]).as("taken").isEqualTo(counts[2] + 1);
        assertThat(resolution.takenAhead()).as("every record taken as prepared ahead").isEqualTo(30);
        assertThat(resolution.blocksAhead()).as("scored in the blocks built ahead").isTrue();
        assertThat(resolution.readWhole()).as("every record read by its id only").isZero();
        assertThat(resolution.byPlaces()).as("taken by their places: the publish vouched for the rows read").isTrue();
        assertThat(resolution.takenAtPlaces()).as("none looked up by its values").isEqualTo(30);
        assertSameAsPreparedByTheRun(load);
    }

    @Test
    void aFirstLoadsRecordsAreReadByTheirDigestsWhateverTheirValuesAndCasesReportDates() {
        long[] counts = ahead.counts();
        // names of one-, two-, three- and four-byte letters and marks, each given twice (pairs within the file), no
        // NIK, no birth date or no age, and cases of several rows with report dates of their own (a case's is its
        // last row's); names no other test gives, so that this test's pairs stay its own
        String[] names = {"Ñoñi Sétiawati", "Siti Nurʼaini", "Ḍewi Ayu Ṣari", "Wulan 𝓐yu", "Putri O'Neil", "ÄÖÜ Gita",
                "Rahma Pardede", "Tuti Sitorus", "Umi Tambunan", "Sri Rejeki", "Yanti Purba", "Zahra Ginting",
                "Laras Sembiring", "Mega Tarigan", "Nining Barus"};
        List<List<String>> rows = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            List<String> row = victim("TPPO/D/%04d".formatted(n / 3), names[n % names.length],
                    n % 4 == 0 ? "" : PairedDeliveries.nik(400 + n % names.length), n % 2 == 0 ? "P" : "L",
                    n % 3 == 0 ? "" : PairedDeliveries.birth(n),
                    n % 3 != 0 && n % 2 == 0 ? "" : String.valueOf(20 + n % names.length), "Samarinda");
            row.set(2, "%02d/06/2024".formatted(1 + n));
            rows.add(row);
        }
        // and values a row's text quotes (quotes, backslashes, parentheses, commas, white space, empty texts), staged
        // before the publish starts, as a template could let them through
        TransactionTemplate beside = new TransactionTemplate(transactions);
        beside.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        PublishHooks.before = publish -> beside.executeWithoutResult(status -> {
            String[][] values = {{"Siti \"Ayu\" (Wati), Back\\slash", "Jl. Mawar\t2", ""},
                    {"Dewi\u00a0Lestari", "", " Gang (3)"}, {"Rina, Sari", "\"", "\\"}};
            for (int i = 0; i < values.length; i++) {
                jdbc.sql("update warehouse.staged_row set victim_name = ?, birth_place = ?, address = ? where file_id = ?"
                        + " and ordinal = ?").params(values[i][0], values[i][1], values[i][2], publish.fileId(), 2 + i)
                        .update();
            }
        });
        // the work ahead ended before the publish goes on, as in the test above: a publish that ranks nothing
        // (no identity repeated among its rows, told by the stage) could commit before it was done
        PublishHooks.after = publish -> awaitDone(counts);

        FileOutcome load = new PersonFiles(reception, folder).load("64.74", rows);

        assertThat(ahead.counts()[2]).as("taken").isEqualTo(counts[2] + 1);
        assertThat(resolution.takenAhead()).isEqualTo(30);
        assertThat(resolution.readWhole()).as("every record read by its id only").isZero();
        assertThat(resolution.byPlaces()).as("rows changed before the read ahead: taken by their places").isTrue();
        assertThat(resolution.takenAtPlaces()).as("none looked up by its values").isEqualTo(30);
        assertThat(jdbc.sql("select count(*) from warehouse.victim where office_code = '64.74'"
                + " and address in ('', ' Gang (3)', '\\')").query(Long.class).single()).as("the values staged published")
                .isEqualTo(3);
        assertSameAsPreparedByTheRun(load);
    }

    @Test
    void aRecordPublishedOtherwiseThanItsRowWasReadAheadIsPreparedAgain() {
        loadOther("64.03", 100);
        long[] counts = ahead.counts();
        // once the rows are read and prepared ahead, a row's name changed in the publish's transaction, as a record
        // changed between the read and the commit
        PublishHooks.after = publish -> {
            awaitDone(counts);
            jdbc.sql("update warehouse.staged_row set victim_name = 'Wulan Pohan' where file_id = ? and ordinal = 2")
                    .param(publish.fileId()).update();
        };

        FileOutcome load = load("64.07", 100);

        assertThat(ahead.counts()[2]).as("taken").isEqualTo(counts[2] + 1);
        assertThat(resolution.takenAhead()).as("all but the record changed").isEqualTo(29);
        assertThat(resolution.blocksAhead()).as("a record prepared by the run: its blocks built after").isFalse();
        assertThat(resolution.readWhole()).as("the record changed read whole, the others by their digests").isEqualTo(1);
        assertThat(resolution.byPlaces()).as("a row written after the read ahead: not by their places").isFalse();
        assertThat(resolution.takenAtPlaces()).as("taken by their values").isZero();
        assertThat(jdbc.sql("select count(*) from warehouse.victim where victim_name = 'Wulan Pohan'")
                .query(Long.class).single()).isEqualTo(1);
        assertSameAsPreparedByTheRun(load);
    }

    @Test
    void aFailedWorkAheadLeavesTheRecordsToBePreparedByTheRun() {
        loadOther("64.08", 200);
        long[] counts = ahead.counts();
        // a row the read ahead cannot take (a date no day is), committed beside the publish, put right in the
        // publish's transaction once the work ahead failed
        String[] birth = new String[1];
        TransactionTemplate beside = new TransactionTemplate(transactions);
        beside.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        PublishHooks.before = publish -> beside.executeWithoutResult(status -> {
            birth[0] = jdbc.sql("select birth_date from warehouse.staged_row where file_id = ? and ordinal = 3")
                    .param(publish.fileId()).query(String.class).single();
            jdbc.sql("update warehouse.staged_row set birth_date = 'no day' where file_id = ? and ordinal = 3")
                    .param(publish.fileId()).update();
        });
        PublishHooks.after = publish -> {
            awaitDone(counts);
            jdbc.sql("update warehouse.staged_row set birth_date = ? where file_id = ? and ordinal = 3")
                    .params(birth[0], publish.fileId()).update();
        };

        FileOutcome load = load("64.09", 200);

        assertThat(ahead.counts()[1]).as("failed").isEqualTo(counts[1] + 1);
        assertThat(resolution.takenAhead()).isZero();
        assertThat(resolution.readWhole()).as("every record read whole").isEqualTo(-1);
        assertSameAsPreparedByTheRun(load);
    }

    @Test
    void aFirstLoadsRecordsAreReadWholeWhenTheServerRefusesTheirDigestsAndGiveTheSamePersons(CapturedOutput output)
            throws SQLException {
        loadOther("64.01", 400);
        long[] counts = ahead.counts();
        // a row written again in the publish's transaction once read ahead (its values as they were): the records are
        // not taken by their places, but by their digests
        PublishHooks.after = publish -> {
            awaitDone(counts);
            jdbc.sql("update warehouse.staged_row set victim_name = victim_name where file_id = ? and ordinal = 5")
                    .param(publish.fileId()).update();
        };
        // the digests' function refused as a server in FIPS mode refuses it (with this state): a function of its name
        // that fails, found before the server's own by the connections opened from here on
        String database = jdbc.sql("select current_database()").query(String.class).single();
        jdbc.sql("create schema refusing").update();
        jdbc.sql("""
                create function refusing.md5(text) returns text language plpgsql as $$
                begin
                    raise exception 'could not compute MD5 hash: unsupported' using errcode = 'internal_error';
                end
                $$""").update();
        jdbc.sql("alter database \"" + database + "\" set search_path = refusing, pg_catalog, \"$user\", public")
                .update();
        reconnect();
        FileOutcome load;
        try {
            assertThatThrownBy(() -> jdbc.sql("select md5('x')").query().singleRow())
                    .as("the function refused").hasMessageContaining("could not compute MD5 hash");
            load = load("64.11", 400);
        } finally {
            jdbc.sql("alter database \"" + database + "\" reset search_path").update();
            reconnect();
            jdbc.sql("drop schema refusing cascade").update();
        }

        assertThat(ahead.counts()[2]).as("taken").isEqualTo(counts[2] + 1);
        assertThat(resolution.takenAhead()).as("every record taken as prepared ahead").isEqualTo(30);
        assertThat(resolution.readWhole()).as("every record read whole once the digests failed").isEqualTo(30);
        assertThat(output).contains("digests unavailable, reading records whole");
        assertThat(resolution.byPlaces()).isFalse();
        // the persons of a run preparing every record itself, as those of a run taking them by their digests are
        // (aFirstLoadsRecordsPreparedWhileItWasPublishedAreTakenAndGiveThePersonsOfARunPreparingThemAfter)
        assertSameAsPreparedByTheRun(load);
    }

    /** The pool's connections closed (those in use once given back): the next ones take the database's settings. */
    private void reconnect() throws SQLException {
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
    }

    @Test
    void aResolutionWithoutWorkAheadPreparesItsRecords() {
        loadOther("64.71", 300);
        FileOutcome load = load("64.72", 300);
        ResolvedOutcome.makeNew(jdbc, load.regency());

        resolution.resolvePublished("test", load.fileId()); // nothing started for it any more

        assertThat(resolution.takenAhead()).isZero();
        assertSameAsPreparedByTheRun(load);
    }

    /** Loads a file of 20 records for {@code office}: the persons of the first 20 of {@link #load}'s, written otherwise. */
    private void loadOther(String office, int from) {
        new PersonFiles(reception, folder).load(office, PairedDeliveries.otherOffice(from));
    }

    /** Loads {@code office}'s first delivery of 30 records, pairs among them and with {@link #loadOther}'s. */
    private FileOutcome load(String office, int from) {
        return new PersonFiles(reception, folder).load(office, PairedDeliveries.firstDelivery(from));
    }

    private void assertSameAsPreparedByTheRun(FileOutcome load) {
        PreparedAheadRuns.assertSameAsPreparedByTheRun(jdbc, resolution, load);
    }

    private void awaitDone(long[] counts) {
        PreparedAheadRuns.awaitDone(ahead, counts);
    }
}
