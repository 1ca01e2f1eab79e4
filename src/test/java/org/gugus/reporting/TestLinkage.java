package org.gugus.reporting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The persons of a reporting fixture, as the real linkage made them: the persons module resolves
 * every load before it returns and announces the persons it touched, which refreshes the reporting
 * schema. The fixtures give one NIK to each person they mean, so the figures computed by hand hold
 * only if linkage found exactly those persons; this checks it.
 */
final class TestLinkage {

    private TestLinkage() {
    }

    /**
     * The persons that linkage (run after every load) made of the victim records, by NIK, or by
     * {@code victim:<id>} for a record without one; a NIK whose records linkage split over several
     * persons fails the fixture, since the hand-computed figures take one NIK for one person.
     */
    static Map<String, Long> linkByNik(JdbcClient jdbc, ApplicationEventPublisher events) {
        Map<String, Long> persons = new LinkedHashMap<>();
        List<Map<String, Object>> victims = jdbc.sql("""
                select v.id, v.nik, vp.person_id from warehouse.victim v
                  join persons.victim_person vp on vp.victim_id = v.id
                 order by v.id
                """).query().listOfRows();
        for (Map<String, Object> victim : victims) {
            long victimId = ((Number) victim.get("id")).longValue();
            String key = victim.get("nik") != null ? victim.get("nik").toString().strip() : "victim:" + victimId;
            long person = ((Number) victim.get("person_id")).longValue();
            Long earlier = persons.putIfAbsent(key, person);
            if (earlier != null && earlier != person) {
                throw new IllegalStateException("linkage split the records of one NIK over persons " + earlier + " and " + person);
            }
        }
        return persons;
    }
}
