package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.gugus.intake.FileOutcome;
import org.gugus.intake.LoadStatus;
import org.gugus.system.GugusCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each office's records unique by identity through an index of the office's own, which its first delivery
 * builds after its records: first deliveries beside each other and beside another office's re-delivery, a
 * first delivery rolled back at its end (as by a kill) and delivered again, and the look-ups of an office's
 * records by identity under cached generic plans.
 */
@SpringBootTest(properties = "gugus.ingest.resume-on-start=false")
class OfficeIdentityIndexIntegrationTests {

    private static final int VICTIMS = 400;
    private static final int NIK = 4;
    private static final int CASE_STAGE = 12;

    /** The office whose publish fails at its end, inside its transaction, after its records and index. */
    private static final AtomicReference<String> FAIL_PUBLISH_OF = new AtomicReference<>();

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @TestConfiguration
    static class FailureInjection {

        @EventListener
        void failAtTheEnd(VictimsPublished published) {
            if (published.officeCode().equals(FAIL_PUBLISH_OF.get())) {
                throw new IllegalStateException("simulated crash at the end of a publish");
            }
        }
    }

    @Autowired
    FileReception reception;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    GugusCommands gugus;

    @TempDir
    Path files;

    @AfterEach
    void disarm() {
        FAIL_PUBLISH_OF.set(null);
    }

    @Test
    void publishesTheFirstDeliveriesOfTwoOfficesStartedTogetherEachWithItsOwnIndex() throws Exception {
        Path kubar = TestWorkbooks.csv(files.resolve("kubar-01.csv"), TestWorkbooks.victims(VICTIMS));
        Path kukar = TestWorkbooks.csv(files.resolve("kukar-01.csv"), TestWorkbooks.victims(VICTIMS));

        List<FileOutcome> outcomes = together(new Delivery("64.07", kubar), new Delivery("64.02", kukar));

        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.status()).isEqualTo(LoadStatus.LOADED);
            assertThat(outcome.inserted()).isEqualTo(VICTIMS);
        });
        assertThat(indexes()).contains("victim_identity_64_07", "victim_identity_64_02");
        assertThat(count("select count(*) from warehouse.victim where office_code in ('64.07', '64.02')"))
                .isEqualTo(2L * VICTIMS);
    }

    @Test
    void publishesTwoFirstDeliveriesOfOneOfficeStartedTogetherOneAfterTheOther() throws Exception {
        List<List<String>> june = TestWorkbooks.victims(VICTIMS);
        List<List<String>> july = TestWorkbooks.victims(VICTIMS);
        july.forEach(row -> row.set(CASE_STAGE, "Penuntutan"));
        Path first = TestWorkbooks.csv(files.resolve("paser-06.csv"), june);
        Path second = TestWorkbooks.csv(files.resolve("paser-07.csv"), july);

        List<FileOutcome> outcomes = together(new Delivery("64.01", first), new Delivery("64.01", second));

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.status()).isEqualTo(LoadStatus.LOADED));
        assertThat(outcomes.stream().mapToLong(FileOutcome::inserted).sum()).isEqualTo(VICTIMS);
        assertThat(outcomes.stream().mapToLong(FileOutcome::updated).sum()).isEqualTo(VICTIMS);
        assertThat(count("select count(*) from warehouse.victim where office_code = '64.01'")).isEqualTo(VICTIMS);
        assertThat(indexes()).contains("victim_identity_64_01");
    }

    @Test
    void publishesAFirstDeliveryBesideAnotherOfficesRedelivery() throws Exception {
        List<List<String>> june = TestWorkbooks.victims(VICTIMS);
        assertThat(load("64.74", "bontang-06.csv", june).status()).isEqualTo(LoadStatus.LOADED);
        List<List<String>> july = TestWorkbooks.victims(VICTIMS);
        july.forEach(row -> row.set(CASE_STAGE, "Penuntutan"));
        Path redelivery = TestWorkbooks.csv(files.resolve("bontang-07.csv"), july);
        Path first = TestWorkbooks.csv(files.resolve("berau-01.csv"), TestWorkbooks.victims(VICTIMS));

        List<FileOutcome> outcomes = together(new Delivery("64.74", redelivery), new Delivery("64.03", first));

        assertThat(outcomes.get(0).status()).isEqualTo(LoadStatus.LOADED);
        assertThat(outcomes.get(0).updated()).isEqualTo(VICTIMS);
        assertThat(outcomes.get(1).status()).isEqualTo(LoadStatus.LOADED);
        assertThat(outcomes.get(1).inserted()).isEqualTo(VICTIMS);
        assertThat(indexes()).contains("victim_identity_64_74", "victim_identity_64_03");
    }

    @Test
    void leavesNeitherRecordsNorIndexOfAFirstDeliveryThatFailedAtItsEndAndPublishesItWhenDeliveredAgain() {
        List<List<String>> rows = TestWorkbooks.victims(5);
        FAIL_PUBLISH_OF.set("64.08");

        FileOutcome failed = load("64.08", "kutim-01.csv", rows);

        assertThat(failed.status()).isEqualTo(LoadStatus.FAILED);
        assertThat(count("select count(*) from warehouse.victim where office_code = '64.08'")).isZero();
        assertThat(indexes()).doesNotContain("victim_identity_64_08");

        FAIL_PUBLISH_OF.set(null);
        FileOutcome again = load("64.08", "kutim-01.csv", rows);

        assertThat(again.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(again.inserted()).isEqualTo(5);
        assertThat(indexes()).contains("victim_identity_64_08");
    }

    @Test
    void publishesTheCorrectionOfARejectedRowOfAnOfficeWithoutIndexUnderAnIndexBuiltForIt() {
        List<List<String>> rows = TestWorkbooks.victims(3);
        String nik = rows.get(0).get(NIK);
        rows.forEach(row -> row.set(NIK, "64720112"));  // too short: every row of the office rejected
        FileOutcome delivery = load("64.71", "kukar-lama.csv", rows);
        assertThat(delivery.rejected()).as(delivery.toString()).isEqualTo(3);
        // as an install from before V098 left an office whose every row was rejected: without an index
        jdbc.sql("drop index warehouse.victim_identity_64_71").update();
        long rejectedId = jdbc.sql("select min(id) from warehouse.rejected_row where file_id = ?").param(delivery.fileId())
                .query(Long.class).single();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = gugus.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                "rejections", "resubmit", String.valueOf(rejectedId), "--set", "NIK=" + nik, "--by", "dina");

        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(count("select count(*) from warehouse.victim where office_code = '64.71'")).isEqualTo(1);
        assertThat(indexes()).contains("victim_identity_64_71");
    }

    @Test
    void refusesASecondRecordOfAnIdentityInTheOfficeAfterItsFirstDelivery() {
        load("64.09", "ppu-01.csv", TestWorkbooks.victims(2));

        assertThatThrownBy(() -> jdbc.sql("""
                insert into warehouse.victim overriding system value
                select (jsonb_populate_record(null::warehouse.victim, to_jsonb(v) || '{"id": -1}')).*
                  from warehouse.victim v where v.office_code = '64.09' limit 1
                """).update()).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void looksAnOfficesRecordsUpByIdentityThroughItsIndexUnderGenericPlans() {
        load("64.11", "mahulu-01.csv", TestWorkbooks.victims(3));
        OfficeIdentityIndex identities = new OfficeIdentityIndex("64.11");

        List<String> plans = new TransactionTemplate(transactions).execute(status -> {
            jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
            // three records: a scan would be cheaper; what matters is whether the index can serve the look-up
            jdbc.sql("set local enable_seqscan = off").update();
            jdbc.sql("prepare by_office_literal(text) as select v.id from warehouse.victim v where "
                    + identities.records("v") + " and v.identity_key = $1").update();
            jdbc.sql("prepare by_office_bound(text, text) as select v.id from warehouse.victim v"
                    + " where v.office_code = $1 and v.identity_key = $2").update();
            String literal = plan("explain execute by_office_literal('x')");
            String bound = plan("explain execute by_office_bound('64.11', 'x')");
            jdbc.sql("deallocate all").update();
            return List.of(literal, bound);
        });

        assertThat(plans.get(0)).contains("victim_identity_64_11").doesNotContain("Seq Scan");
        assertThat(plans.get(1)).as("the office bound: a generic plan cannot use the office's index")
                .doesNotContain("victim_identity_64_11");
    }

    private String plan(String explain) {
        return String.join("\n", jdbc.sql(explain).query(String.class).list());
    }

    private record Delivery(String office, Path file) {
    }

    private List<FileOutcome> together(Delivery a, Delivery b) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<FileOutcome> first = CompletableFuture.supplyAsync(() -> receive(start, a));
        CompletableFuture<FileOutcome> second = CompletableFuture.supplyAsync(() -> receive(start, b));
        return List.of(first.get(5, TimeUnit.MINUTES), second.get(5, TimeUnit.MINUTES));
    }

    private FileOutcome receive(CyclicBarrier start, Delivery delivery) {
        try {
            start.await(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return reception.receive(delivery.file(), delivery.office(), delivery.file().getFileName().toString(),
                FileSource.COMMAND_LINE);
    }

    private FileOutcome load(String office, String name, List<List<String>> rows) {
        Path file = TestWorkbooks.csv(files.resolve(name), rows);
        return reception.receive(file, office, name, FileSource.COMMAND_LINE);
    }

    private List<String> indexes() {
        return jdbc.sql("select indexname from pg_indexes where schemaname = 'warehouse' and tablename = 'victim'")
                .query(String.class).list();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
