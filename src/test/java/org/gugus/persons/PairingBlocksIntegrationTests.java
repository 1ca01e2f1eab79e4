package org.gugus.persons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.gugus.IntegrationTest;
import org.gugus.persons.linkage.BlockScoring;
import org.gugus.persons.linkage.PreparedRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The blocks of a bounded run grouped in the JVM ({@link PairingBlocks}) against the server's grouping of the same
 * keys, the statement the run used before: the same blocks read back, in the same order, each with the same records
 * in the same order; in one range of hashes and in several.
 */
@SpringBootTest(properties = "gugus.ingest.resume-on-start=false")
class PairingBlocksIntegrationTests {

    private static final int POOL = 6_000;

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void keys() {
        jdbc.sql("drop table if exists run_key, stored_key").update();
        jdbc.sql("create table run_key (key_hash bigint, victim_id bigint, cap integer)").update();
        jdbc.sql("create table stored_key (key_hash bigint, victim_id bigint)").update();
        Random random = new Random(13);
        int[] caps = {2, 3, 50};
        List<String> runKeys = new ArrayList<>();
        // the run's records in ascending order of ids, as the run gives them; each one's keys distinct
        for (long victim = 1; victim <= 2_000; victim++) {
            for (long hash : hashes(random, 4 + random.nextInt(5))) {
                runKeys.add("(" + hash + "," + victim + "," + caps[random.nextInt(caps.length)] + ")");
            }
        }
        insert("run_key", runKeys);
        List<String> storedKeys = new ArrayList<>();
        for (long victim = 5_001; victim <= 5_300; victim++) {
            for (long hash : hashes(random, 3)) {
                storedKeys.add("(" + hash + "," + victim + ")");
            }
        }
        // blocks of stored records alone: they do not pair
        for (long victim = 6_001; victim <= 6_003; victim++) {
            storedKeys.add("(" + Long.MAX_VALUE + "," + victim + ")");
        }
        insert("stored_key", storedKeys);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3})
    void theBlocksGroupedHereAreThoseTheServerGroupsFromTheSameKeys(int bits) {
        List<String> expected = jdbc.sql("""
                select key_hash, array_agg(victim_id order by victim_id) members
                  from (select key_hash, victim_id, cap from run_key
                        union all
                        select key_hash, victim_id, null from stored_key) k
                 group by key_hash having count(*) between 2 and min(cap)
                 order by key_hash
                """).query((rs, n) -> rs.getLong(1) + ":" + Arrays.toString((Long[]) rs.getArray(2).getArray())).list();

        List<String> grouped = new ArrayList<>();
        long[] hashes;
        try (PairingBlocks blocks = new PairingBlocks(bits)) {
            jdbc.sql("select key_hash, victim_id, cap from run_key order by victim_id")
                    .query((RowCallbackHandler) rs -> blocks.runKey(rs.getLong(1), rs.getLong(2), rs.getInt(3)));
            jdbc.sql("select key_hash, victim_id from stored_key")
                    .query((RowCallbackHandler) rs -> blocks.storedKey(rs.getLong(1), rs.getLong(2)));
            hashes = blocks.group(record -> {
                throw new AssertionError("no record's keys are marked when keys come without their records");
            });
            assertThat(blocks.validKeys()).isNull();
            // read back in pages, as the scoring reads them
            for (List<BlockScoring.Block> page = blocks.nextBlocks(7); !page.isEmpty(); page = blocks.nextBlocks(7)) {
                page.forEach(block -> grouped.add(block.keyHash() + ":" + Arrays.toString(block.members())));
            }
        }

        assertThat(grouped).isEqualTo(expected);
        assertThat(hashes).containsExactly(expected.stream().mapToLong(block -> Long.parseLong(block.split(":")[0])).toArray());
        // the keys make blocks of every kind: pairing, too large for their cap, of one record
        long keys = jdbc.sql("select count(distinct key_hash) from run_key").query(Long.class).single();
        assertThat(expected).hasSizeGreaterThan(100).hasSizeLessThan((int) keys);
        assertThat(expected).noneMatch(block -> block.startsWith(Long.MAX_VALUE + ":"));
    }

    /**
     * The run's keys given a record at a time: each record's keys whose blocks pair are marked, bit k for its k-th key
     * as given, and no other; a record with more keys than a mask marks is flagged for its keys to be looked up.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 3})
    void eachRecordsKeysThatMakeABlockThatPairsAreMarked(int bits) {
        Random random = new Random(17);
        // one record with more keys than a mask marks, its keys shared with the others'
        List<Long> many = new ArrayList<>();
        jdbc.sql("select distinct key_hash from run_key order by key_hash limit 40").query(Long.class).list()
                .forEach(many::add);
        List<Long> victims = new ArrayList<>();
        List<long[]> hashesOf = new ArrayList<>();
        List<int[]> capsOf = new ArrayList<>();
        jdbc.sql("select victim_id, array_agg(key_hash order by key_hash), array_agg(cap order by key_hash) from run_key"
                + " group by victim_id order by victim_id").query((RowCallbackHandler) rs -> {
                    victims.add(rs.getLong(1));
                    Long[] hashes = (Long[]) rs.getArray(2).getArray();
                    Integer[] caps = (Integer[]) rs.getArray(3).getArray();
                    // each record's keys in an order of their own, as a record's keys come
                    List<Integer> order = new ArrayList<>();
                    for (int k = 0; k < hashes.length; k++) {
                        order.add(k);
                    }
                    Collections.shuffle(order, random);
                    hashesOf.add(order.stream().mapToLong(k -> hashes[k]).toArray());
                    capsOf.add(order.stream().mapToInt(k -> caps[k]).toArray());
                });
        victims.add(3_000L);
        hashesOf.add(many.stream().mapToLong(Long::longValue).toArray());
        capsOf.add(many.stream().mapToInt(hash -> 50).toArray());

        long[] pairing;
        int[] marked;
        try (PairingBlocks blocks = new PairingBlocks(bits)) {
            for (int i = 0; i < victims.size(); i++) {
                blocks.runKeys(victims.get(i), hashesOf.get(i), capsOf.get(i));
            }
            jdbc.sql("select key_hash, victim_id from stored_key")
                    .query((RowCallbackHandler) rs -> blocks.storedKey(rs.getLong(1), rs.getLong(2)));
            pairing = blocks.group(victims::get);
            marked = blocks.validKeys();
        }

        Set<Long> pairs = new HashSet<>();
        Arrays.stream(pairing).forEach(pairs::add);
        assertThat(marked).hasSize(victims.size());
        int keysMarked = 0;
        for (int i = 0; i < victims.size() - 1; i++) {
            long[] hashes = hashesOf.get(i);
            for (int k = 0; k < hashes.length; k++) {
                assertThat((marked[i] & 1 << k) != 0).as("record %d's key %d", victims.get(i), k)
                        .isEqualTo(pairs.contains(hashes[k]));
                keysMarked += (marked[i] & 1 << k) != 0 ? 1 : 0;
            }
            assertThat(marked[i] >>> hashes.length).as("no bit past record %d's keys", victims.get(i)).isZero();
        }
        assertThat(keysMarked).isGreaterThan(100);
        assertThat(marked[victims.size() - 1] & 1 << PreparedRecords.MASKED_KEYS)
                .as("the record of more keys than a mask marks").isNotZero();
    }

    /** A record's keys given out of the order of the records the run holds: the grouping refuses to mark them. */
    @Test
    void keysGivenInAnotherOrderThanTheRecordsAreRefused() {
        try (PairingBlocks blocks = new PairingBlocks(0)) {
            blocks.runKeys(1, new long[] {7, 8}, new int[] {5, 5});
            blocks.runKeys(2, new long[] {7}, new int[] {5});
            assertThatThrownBy(() -> blocks.group(record -> record == 0 ? 2 : 1))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    /** Distinct hashes of a pool spread over the whole range of a long, negative ones included. */
    private static Set<Long> hashes(Random random, int count) {
        Set<Long> hashes = new LinkedHashSet<>();
        while (hashes.size() < count) {
            hashes.add((random.nextInt(POOL) + 1) * 0x9E3779B97F4A7C15L);
        }
        return hashes;
    }

    private void insert(String table, List<String> rows) {
        for (int from = 0; from < rows.size(); from += 1_000) {
            jdbc.sql("insert into " + table + " values " + String.join(",", rows.subList(from, Math.min(rows.size(), from + 1_000))))
                    .update();
        }
    }
}
