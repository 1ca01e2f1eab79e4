package org.gugus.persons;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a resolution left in the store, to compare two runs: persons as sets of records, links and queued pairs with
 * their probabilities and comparisons, block keys.
 */
record ResolvedOutcome(Set<Set<Long>> persons, Set<String> links, Set<String> queue, Set<String> keys) {

    static ResolvedOutcome of(JdbcClient jdbc) {
        Map<Long, Set<Long>> members = new HashMap<>();
        jdbc.sql("select person_id, victim_id from persons.victim_person").query(rs -> {
            members.computeIfAbsent(rs.getLong(1), p -> new HashSet<>()).add(rs.getLong(2));
        });
        return new ResolvedOutcome(new HashSet<>(members.values()),
                Set.copyOf(jdbc.sql("select victim_a || ',' || victim_b || ',' || probability || ',' || comparisons::text"
                        + " from persons.person_link").query(String.class).list()),
                Set.copyOf(jdbc.sql("select victim_a || ',' || victim_b || ',' || probability || ',' || comparisons::text"
                        + " || status from persons.candidate_pair").query(String.class).list()),
                StoredBlockKeys.of(jdbc));
    }

    /** The office's records made pending again, as if new: their persons, links, queued pairs and keys gone. */
    static void makeNew(JdbcClient jdbc, String office) {
        String records = "(select id from warehouse.victim where office_code = '" + office + "')";
        jdbc.sql("delete from persons.person_link where victim_a in " + records + " or victim_b in " + records).update();
        jdbc.sql("delete from persons.candidate_pair where victim_a in " + records + " or victim_b in " + records).update();
        StoredBlockKeys.forget(jdbc, records);
        jdbc.sql("delete from persons.victim_person where victim_id in " + records).update();
        jdbc.sql("insert into persons.pending_victim (victim_id, victim_version) select id, version from warehouse.victim"
                + " where office_code = ?").param(office).update();
    }
}
