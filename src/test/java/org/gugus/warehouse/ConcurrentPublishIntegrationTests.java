package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Two loads of one office at the same time: both publish, one after the other, with nothing lost or doubled. */
@SpringBootTest(properties = "gugus.ingest.resume-on-start=false")
class ConcurrentPublishIntegrationTests {

    private static final int VICTIMS = 600;

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    FileReception reception;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path files;

    @Test
    void publishesTwoFilesOfOneOfficeWithTheSameVictimsStartedTogether() throws Exception {
        List<List<String>> june = TestWorkbooks.victims(VICTIMS);
        List<List<String>> july = TestWorkbooks.victims(VICTIMS);
        july.forEach(row -> row.set(12, "Penuntutan"));                    // every victim's case moved on
        Path first = TestWorkbooks.csv(files.resolve("bontang-06.csv"), june);
        Path second = TestWorkbooks.csv(files.resolve("bontang-07.csv"), july);
        CyclicBarrier start = new CyclicBarrier(2);

        CompletableFuture<Long> a = CompletableFuture.supplyAsync(() -> load(start, first));
        CompletableFuture<Long> b = CompletableFuture.supplyAsync(() -> load(start, second));
        long firstId = a.get(5, TimeUnit.MINUTES);
        long secondId = b.get(5, TimeUnit.MINUTES);

        assertThat(status(firstId)).isEqualTo("LOADED");
        assertThat(status(secondId)).isEqualTo("LOADED");
        assertThat(count("select count(*) from warehouse.victim where office_code = '64.74'")).isEqualTo(VICTIMS);
        assertThat(count("select count(*) from warehouse.victim where office_code = '64.74' and version = 2"))
                .as("the later publish updates every victim of the earlier one").isEqualTo(VICTIMS);
        assertThat(count("""
                select count(*) from warehouse.victim_exploitation e join warehouse.victim v on v.id = e.victim_id
                 where v.office_code = '64.74'
                """)).isEqualTo(VICTIMS);
    }

    private long load(CyclicBarrier start, Path file) {
        try {
            start.await(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return reception.receive(file, "64.74", file.getFileName().toString(), FileSource.COMMAND_LINE).fileId();
    }

    private String status(long fileId) {
        return jdbc.sql("select status from ingest.received_file where id = ?").param(fileId).query(String.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
