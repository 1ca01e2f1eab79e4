package org.gugus.persons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The block keys as the store holds them, for tests: by key ({@code persons.block}) and by record, which agree. */
final class StoredBlockKeys {

    private StoredBlockKeys() {
    }

    /** Every block key stored, as record and key hash, after checking that the blocks and the records' keys agree. */
    static Set<String> of(JdbcClient jdbc) {
        List<String> byRecord = jdbc.sql("select v.victim_id || ',' || k from persons.victim_block v,"
                + " unnest(v.keys) k order by 1").query(String.class).list();
        List<String> byKey = jdbc.sql("select v || ',' || b.key_hash from persons.block b, unnest(b.victims) v"
                + " order by 1").query(String.class).list();
        assertThat(byKey).as("the blocks hold the records' keys").isEqualTo(byRecord);
        assertThat(jdbc.sql("select count(*) from persons.block where cardinality(victims) = 0")
                .query(Long.class).single()).as("blocks without a record").isZero();
        return new HashSet<>(byRecord);
    }

    /** The keys of these records deleted, as a run deletes those of its changed records. */
    static void forget(JdbcClient jdbc, Long[] victims) {
        jdbc.sql("select persons.forget_block_keys_of(?)").param(victims).query().singleRow();
    }

    /** The keys of the records a query selects (their ids) deleted. */
    static void forget(JdbcClient jdbc, String records) {
        jdbc.sql("select persons.forget_block_keys_of(array" + records + ")").query().singleRow();
    }

    /** Every key deleted. */
    static void truncate(JdbcClient jdbc) {
        jdbc.sql("truncate persons.block, persons.victim_block").update();
    }

    /** The name of a table a first load wrote its keys into beside its run; null when there is none. */
    static String tableAside(JdbcClient jdbc) {
        return jdbc.sql("select to_regclass('persons.block_next')::text").query(String.class).optional().orElse(null);
    }

    /** As a run killed after its keys were written aside, before its own transaction committed: the tables beside. */
    static void leaveTablesAside(JdbcClient jdbc, long victim, long keyHash) {
        jdbc.sql("create table persons.block_next (like persons.block)").update();
        jdbc.sql("create table persons.victim_block_next (like persons.victim_block)").update();
        jdbc.sql("insert into persons.block_next (key_hash, victims) values (?, array[?::bigint])")
                .params(keyHash, victim).update();
        jdbc.sql("insert into persons.victim_block_next (victim_id, keys) values (?, array[?::bigint])")
                .params(victim, keyHash).update();
    }

    /** The indexes of the block tables. */
    static Set<String> indexes(JdbcClient jdbc) {
        return jdbc.sql("select indexname from pg_indexes where schemaname = 'persons' and tablename in ('block',"
                + " 'victim_block')").query(String.class).set();
    }

    static void analyse(JdbcClient jdbc) {
        jdbc.sql("analyze persons.block, persons.victim_block").update();
    }
}
