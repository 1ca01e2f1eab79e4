package org.gugus.persons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gugus.IntegrationTest;
import org.gugus.intake.FileOutcome;
import org.gugus.ingest.FileReception;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A first load's records taken by their places among the rows read ahead ({@link RowsReadAhead}) only where its
 * publish vouched for the rows read ({@link org.gugus.warehouse.FirstDeliveryPlaces}): each way the vouch is missing or
 * refuted, the records are taken by their digests instead, and give the persons, links, queued pairs and block keys of a
 * run that prepares every record itself. (A row written after the read ahead, in the publish's transaction or beside it:
 * {@link PersonsPreparedAheadIntegrationTests} and {@link PersonsBoundedAheadIntegrationTests}.)
 */
@Import(PublishHooks.Listening.class)
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "gugus.persons.resolution.many-records=20",
        "gugus.persons.resolution.few-pending=20"})
class PersonsTakenByPlacesIntegrationTests {

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

    @TempDir
    Path folder;

    @AfterEach
    void noHooks() {
        PublishHooks.reset();
    }

    @Test
    void aFirstLoadWhosePublishVouchedForTheRowsReadIsTakenByItsPlaces() {
        loadOther("64.01", 0);
        long[] counts = ahead.counts();
        PublishHooks.after = publish -> awaitDone(counts);

        FileOutcome load = load("64.08", 0);

        assertThat(resolution.takenAhead()).isEqualTo(30);
        assertThat(resolution.takenAtPlaces()).as("no record looked up by its values").isEqualTo(30);
        assertThat(resolution.readWhole()).isZero();
        assertThat(resolution.byPlaces()).isTrue();
        assertThat(jdbc.sql("select staged || ' rows, ' || planned || ' records, ' || (cardinality(writers) > 0)"
                + " from warehouse.first_delivery_places where file_id = ?").param(load.fileId()).query(String.class)
                .single()).as("what the publish vouched for").isEqualTo("30 rows, 30 records, true");
        assertThat(jdbc.sql("""
                select (d.first_id, d.last_id) = (select min(id), max(id) from warehouse.victim where source_file_id = ?)
                  from warehouse.first_delivery_places d where d.file_id = ?
                """).params(load.fileId(), load.fileId()).query(Boolean.class).single())
                .as("the ids of the file's records, one range").isTrue();
        assertSameAsPreparedByTheRun(load);
    }

    @Test
    void aFirstLoadBesideAnotherRecordChangedSinceTakesItsOwnByTheirPlacesAndTheOtherWhole() {
        loadOther("64.01", 400);
        long[] counts = ahead.counts();
        PublishHooks.after = publish -> awaitDone(counts);
        // another office's record written again in the publish's transaction (its values as they were): pending beside
        // the file's records, a version on, and not the file's
        PublishHooks.published = publish -> jdbc.sql("update warehouse.victim set version = version + 1"
                + " where id = (select max(id) from warehouse.victim where office_code = '64.01')").update();

        FileOutcome load = load("64.09", 400);

        assertThat(resolution.byPlaces()).as("the file's records by their places").isTrue();
        assertThat(resolution.takenAtPlaces()).isEqualTo(30);
        assertThat(resolution.readWhole()).as("the other office's record read whole").isEqualTo(1);
        assertSameAsPreparedByTheRun(load);
    }

    @Test
    void aFirstLoadWhosePublishVouchedForNothingIsTakenByItsDigests() {
        loadOther("64.01", 100);
        long[] counts = ahead.counts();
        PublishHooks.after = publish -> awaitDone(counts);
        // what the publish vouched for taken back in its transaction, as a publish that vouches for nothing
        PublishHooks.published = publish -> jdbc.sql("delete from warehouse.first_delivery_places where file_id = ?")
                .param(publish.fileId()).update();

        FileOutcome load = load("64.02", 100);

        assertThat(resolution.takenAhead()).as("every record taken as prepared ahead").isEqualTo(30);
        assertThat(resolution.readWhole()).isZero();
        assertThat(resolution.byPlaces()).as("no vouch: by their digests").isFalse();
        assertThat(resolution.takenAtPlaces()).as("taken by their values").isZero();
        assertSameAsPreparedByTheRun(load);
    }

    @Test
    void aFirstLoadWithARecordAtAnotherVersionThanItsFirstIsTakenByItsDigests() {
        loadOther("64.01", 200);
        long[] counts = ahead.counts();
        PublishHooks.after = publish -> awaitDone(counts);
        // a record of the file written again in the publish's transaction (its values as they were), a version on
        PublishHooks.published = publish -> jdbc.sql("update warehouse.victim set version = version + 1"
                + " where source_file_id = ? and id = (select min(id) from warehouse.victim where source_file_id = ?)")
                .params(publish.fileId(), publish.fileId()).update();

        FileOutcome load = load("64.07", 200);

        assertThat(resolution.takenAhead()).as("every record taken by its digest").isEqualTo(30);
        assertThat(resolution.byPlaces()).as("a record not at its first version: by their digests").isFalse();
        assertThat(resolution.takenAtPlaces()).as("taken by their values").isZero();
        assertSameAsPreparedByTheRun(load);
    }

    @Test
    void aFirstLoadRepeatingAnIdentityIsTakenByItsDigests() {
        long[] counts = ahead.counts();
        PublishHooks.after = publish -> awaitDone(counts);
        // the last row repeats the first's identity (its case and victim): the publish keeps one of them, its records
        // fewer than the rows read
        List<List<String>> rows = new ArrayList<>(PairedDeliveries.firstDelivery(300));
        rows.add(new ArrayList<>(rows.get(0)));

        FileOutcome load = new PersonFiles(reception, folder).load("64.03", rows);

        assertThat(jdbc.sql("select count(*) from warehouse.victim where office_code = '64.03'").query(Long.class)
                .single()).as("one record of the two rows").isEqualTo(30);
        assertThat(resolution.takenAhead()).as("taken by their digests").isPositive();
        assertThat(resolution.byPlaces()).as("records fewer than the rows read: by their digests").isFalse();
        assertThat(resolution.takenAtPlaces()).as("taken by their values").isZero();
        assertSameAsPreparedByTheRun(load);
    }

    private void loadOther(String office, int from) {
        new PersonFiles(reception, folder).load(office, PairedDeliveries.otherOffice(from));
    }

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
