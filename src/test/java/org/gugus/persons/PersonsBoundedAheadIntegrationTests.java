package org.gugus.persons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gugus.IntegrationTest;
import org.gugus.intake.FileOutcome;
import org.gugus.ingest.FileReception;
import org.gugus.warehouse.PublishStarting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A large first load's records prepared on disk while its publish runs ({@link RecordsPreparedAhead},
 * {@link RecordsKeptAhead}), with runs of 20 records and more bounded ({@link BoundedResolution}): taken by the bounded
 * run after the commit by their digests where the record published is the row read, giving the persons, links, queued
 * pairs and block keys of a bounded run that reads and prepares every record itself; a work that failed or was stopped
 * is not taken. Each test loads an office's first delivery onto a store holding other offices' records, some of the
 * same persons.
 */
@Import(PublishHooks.Listening.class)
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "gugus.persons.resolution.many-records=20",
        "gugus.persons.resolution.bounded-from=20", "gugus.persons.resolution.group-records=40"})
class PersonsBoundedAheadIntegrationTests {

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    FileReception reception;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PersonResolution resolution;

    @Autowired
    RecordsPreparedAhead ahead;

    @Autowired
    PlatformTransactionManager transactions;

    @TempDir
    Path folder;

    @AfterEach
    void noHooks() {
        PublishHooks.reset();
    }

    @Test
    void aLargeFirstLoadsRecordsPreparedOnDiskAreTakenByTheBoundedRunAndGiveThePersonsOfARunPreparingThemAfter() {
        loadOther("64.01", 0);
        long[] counts = ahead.counts();
        PublishHooks.after = publish -> awaitDone(counts);

        FileOutcome load = load("64.02", 0);

        assertThat(ahead.counts()[0]).as("done").isEqualTo(counts[0] + 1);
        assertThat(ahead.counts()[2]).as("taken").isEqualTo(counts[2] + 1);
        assertThat(resolution.takenAhead()).as("every record taken as prepared ahead").isEqualTo(30);
        assertThat(resolution.readWhole()).as("no record read whole").isZero();
        assertThat(resolution.byPlaces()).as("taken by their places: the publish vouched for the rows read").isTrue();
        assertThat(resolution.adopted()).as("the rows kept in the file's order: adopted whole").isTrue();
        assertSameAsPreparedByTheRun(load);
    }

    @Test
    void aLargeFirstLoadWhoseRowsWereKeptOutOfTheFilesOrderIsTakenByItsPlacesRecordByRecord() {
        loadOther("64.01", 300);
        long[] counts = ahead.counts();
        PublishHooks.after = publish -> awaitDone(counts);
        // case numbers descending down the file, the last row of the first row's case on another date: the rows are
        // read ahead through the server's window, case by case, the file's first row last
        List<List<String>> rows = new ArrayList<>(PairedDeliveries.firstDelivery(300));
        for (int i = 0; i < rows.size(); i++) {
            rows.set(i, new ArrayList<>(rows.get(i)));
            rows.get(i).set(1, "TPPO/R/%04d".formatted(rows.size() - i));
        }
        rows.get(rows.size() - 1).set(1, rows.get(0).get(1));
        rows.get(rows.size() - 1).set(2, "04/06/2024");

        FileOutcome load = new PersonFiles(reception, folder).load("64.74", rows);

        assertThat(resolution.takenAhead()).as("every record taken as prepared ahead").isEqualTo(30);
        assertThat(resolution.readWhole()).as("no record read whole").isZero();
        assertThat(resolution.byPlaces()).isTrue();
        assertThat(resolution.adopted()).as("kept in another order than the file's: copied record by record").isFalse();
        assertSameAsPreparedByTheRun(load);
    }

    @Test
    void aRecordPublishedOtherwiseThanItsRowWasPreparedAheadIsReadWhole() {
        loadOther("64.03", 100);
        long[] counts = ahead.counts();
        // once the rows are prepared ahead, a row's name changed in the publish's transaction, as a record changed
        // between the read and the commit
        PublishHooks.after = publish -> {
            awaitDone(counts);
            jdbc.sql("update warehouse.staged_row set victim_name = 'Wulan Pohan' where file_id = ? and ordinal = 2")
                    .param(publish.fileId()).update();
        };

        FileOutcome load = load("64.07", 100);

        assertThat(ahead.counts()[2]).as("taken").isEqualTo(counts[2] + 1);
        assertThat(resolution.takenAhead()).as("all but the record changed").isEqualTo(29);
        assertThat(resolution.readWhole()).as("the record changed read whole").isEqualTo(1);
        assertThat(resolution.byPlaces()).as("a row written after the read ahead: not by their places").isFalse();
        assertThat(resolution.adopted()).isFalse();
        assertThat(jdbc.sql("select count(*) from warehouse.victim where victim_name = 'Wulan Pohan'")
                .query(Long.class).single()).isEqualTo(1);
        assertSameAsPreparedByTheRun(load);
    }

    @Test
    void aRowChangedBesideThePublishOnceReadAheadRefutesThePlaces() {
        loadOther("64.01", 400);
        long[] counts = ahead.counts();
        // once the rows are prepared ahead, a row's name changed and committed by another session before the publish's
        // plan reads the rows
        TransactionTemplate beside = new TransactionTemplate(transactions);
        beside.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        PublishHooks.after = publish -> {
            awaitDone(counts);
            beside.executeWithoutResult(status -> jdbc.sql("update warehouse.staged_row set victim_name = 'Wulan Pohan'"
                    + " where file_id = ? and ordinal = 3").param(publish.fileId()).update());
        };

        FileOutcome load = load("64.11", 400);

        assertThat(resolution.takenAhead()).as("all but the record changed").isEqualTo(29);
        assertThat(resolution.readWhole()).as("the record changed read whole").isEqualTo(1);
        assertThat(resolution.byPlaces()).as("a row written after the read ahead: not by their places").isFalse();
        assertThat(resolution.adopted()).isFalse();
        assertSameAsPreparedByTheRun(load);
    }

    @Test
    void aWorkAheadThatFailedIsNotTaken() {
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
        assertThat(ahead.counts()[2]).as("taken").isEqualTo(counts[2]);
        assertThat(resolution.takenAhead()).isZero();
        assertThat(resolution.readWhole()).as("every record read whole").isEqualTo(-1);
        assertSameAsPreparedByTheRun(load);
    }

    @Test
    void aWorkAheadStoppedByAnotherPublishIsNotTaken() {
        loadOther("64.71", 300);
        long[] counts = ahead.counts();
        // once the rows are prepared ahead, another file's publish starts: the work for this one is stopped, let go
        PublishHooks.after = publish -> {
            awaitDone(counts);
            ahead.publishStarting(new PublishStarting(publish.fileId() + 1_000_000, publish.officeCode()));
        };

        FileOutcome load = load("64.72", 300);

        assertThat(ahead.counts()[2]).as("taken").isEqualTo(counts[2]);
        assertThat(resolution.takenAhead()).isZero();
        assertThat(resolution.readWhole()).as("every record read whole").isEqualTo(-1);
        assertSameAsPreparedByTheRun(load);
    }

    @Test
    void aWorkAheadOfAPublishThatRolledBackIsLetGoAtOnce() {
        TransactionTemplate publishing = new TransactionTemplate(transactions);
        // the staged file of a first delivery whose publish starts and then fails: its transaction rolls back
        long failed = publishing.execute(status -> {
            long fileId = jdbc.sql("select coalesce(max(id), 0) + 1000 from ingest.received_file").query(Long.class)
                    .single();
            events.publishEvent(new PublishStarting(fileId, "64.03"));
            assertThat(ahead.holds(fileId)).as("held while the publish runs").isTrue();
            status.setRollbackOnly();
            return fileId;
        });
        assertThat(ahead.holds(failed)).as("let go when the publish rolled back").isFalse();

        // a publish that commits keeps its work for the run that follows it
        long published = publishing.execute(status -> {
            events.publishEvent(new PublishStarting(failed + 1, "64.03"));
            return failed + 1;
        });
        assertThat(ahead.holds(published)).as("kept after the commit, for the run").isTrue();
        ahead.take(published);
        assertThat(ahead.holds(published)).isFalse();
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
