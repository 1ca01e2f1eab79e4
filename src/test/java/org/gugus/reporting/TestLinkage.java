package org.gugus.reporting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gugus.persons.PersonsChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stands in for record linkage in reporting tests, in this one place: every victim record not yet
 * linked becomes a person by its NIK (records with the same NIK are one person, across offices and
 * cases; a record without NIK is a person of its own), then {@link PersonsChanged} names the
 * persons touched, as the linkage publishes it after its commit. When the persons module resolves
 * victims itself after every load, this helper gives way to that resolution.
 */
final class TestLinkage {

    private TestLinkage() {
    }

    /** Links the unlinked victim records by NIK and announces the persons; returns them by NIK (or victim id). */
    static Map<String, Long> linkByNik(JdbcClient jdbc, ApplicationEventPublisher events) {
        Map<String, Long> persons = new LinkedHashMap<>();
        List<Map<String, Object>> victims = jdbc.sql("""
                select v.id, v.nik, v.version from warehouse.victim v
                 where not exists (select 1 from persons.victim_person vp where vp.victim_id = v.id)
                 order by v.id
                """).query().listOfRows();
        Set<Long> touched = new TreeSet<>();
        for (Map<String, Object> victim : victims) {
            long victimId = ((Number) victim.get("id")).longValue();
            String key = victim.get("nik") != null ? victim.get("nik").toString().strip() : "victim:" + victimId;
            Long person = persons.computeIfAbsent(key, nik -> existingPerson(jdbc, nik).orElseGet(() ->
                    jdbc.sql("insert into persons.person default values returning id").query(Long.class).single()));
            jdbc.sql("insert into persons.victim_person (victim_id, person_id, victim_version) values (?, ?, ?)")
                    .params(victimId, person, victim.get("version")).update();
            touched.add(person);
        }
        events.publishEvent(new PersonsChanged(touched, false));
        return persons;
    }

    private static java.util.Optional<Long> existingPerson(JdbcClient jdbc, String nik) {
        return jdbc.sql("""
                select vp.person_id from persons.victim_person vp join warehouse.victim v on v.id = vp.victim_id
                 where v.nik = ? order by vp.person_id limit 1
                """).param(nik).query(Long.class).optional();
    }
}
