package org.gugus.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code gugus export ctdc}: the anonymised record-level export in the spirit of the CTDC global
 * data standard, one row per person, from {@code reporting.person}: no person id, name, NIK,
 * address, village or free text; age in bands; the year of the first report.
 * <p>
 * k-anonymity on the quasi-identifiers (sex, age band, citizenship, origin province, destination
 * country, exploitation, year): persons whose combination is shared by at least k are written as
 * they are; the others are generalised one step at a time ({@link Generalisation}) and grouped
 * again among themselves, and whoever is still in a group under k after the last step is left out.
 * Every combination written is therefore shared by at least k persons.
 */
@Component
class CtdcExport {

    static final List<String> COLUMNS = List.of("year_of_registration", "gender", "age_broad", "majority_status",
            "citizenship", "origin_province", "country_of_exploitation", "type_of_exploitation");

    private final JdbcClient jdbc;

    CtdcExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What was written and what was left out. */
    record Outcome(int written, int suppressed) {
    }

    /** The persons as CTDC rows at the generalisation that k allows. */
    @Transactional(readOnly = true)
    List<Person> rows(int k) {
        List<Person> pending = jdbc.sql("""
                select first_report_date, sex, age_group, citizenship, origin_province_code, destination_countries,
                       exploitation from reporting.person order by person_id
                """).query((rs, n) -> new Person(String.valueOf(rs.getObject(1, LocalDate.class).getYear()),
                        value(rs.getString(2)), rs.getString(3), value(rs.getString(4)), value(rs.getString(5)),
                        codes(rs.getArray(6)), codes(rs.getArray(7)))).list();
        List<Person> written = new ArrayList<>();
        for (Generalisation step : Generalisation.values()) {
            Map<Person, List<Person>> groups = new LinkedHashMap<>();
            pending.forEach(person -> groups.computeIfAbsent(step.apply(person), key -> new ArrayList<>()).add(person));
            pending = new ArrayList<>();
            for (Map.Entry<Person, List<Person>> group : groups.entrySet()) {
                if (group.getValue().size() >= k) {
                    group.getValue().forEach(person -> written.add(group.getKey()));
                } else {
                    pending.addAll(group.getValue());
                }
            }
        }
        return written;
    }

    /** Writes the CSV; returns how many were written and left out. */
    Outcome csv(int k, OutputStream out) throws IOException {
        int total = jdbc.sql("select count(*) from reporting.person").query(Integer.class).single();
        List<Person> rows = rows(k);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL);
        csv.printRecord(COLUMNS);
        for (Person person : rows) {
            csv.printRecord(person.year(), gender(person.sex()), person.ageBand(), majority(person.ageBand()),
                    person.citizenship(), person.originProvince(), person.destinations(), person.exploitation());
        }
        csv.flush();
        return new Outcome(rows.size(), total - rows.size());
    }

    /** One person's quasi-identifiers, as written (a generalised value is coarser, "" when left out). */
    record Person(String year, String sex, String ageBand, String citizenship, String originProvince,
            String destinations, String exploitation) {
    }

    /** The steps, each coarser than the one before. */
    enum Generalisation {
        AS_RECORDED {
            @Override
            Person apply(Person p) {
                return p;
            }
        },
        BROAD_AGE_AND_ABROAD {
            @Override
            Person apply(Person p) {
                return new Person(p.year(), p.sex(), broad(p.ageBand()), p.citizenship(), p.originProvince(),
                        abroad(p.destinations()), p.exploitation());
            }
        },
        NO_PROVINCE_MAIN_EXPLOITATION {
            @Override
            Person apply(Person p) {
                Person q = BROAD_AGE_AND_ABROAD.apply(p);
                return new Person(q.year(), q.sex(), q.ageBand(), q.citizenship(), "", q.destinations(),
                        q.exploitation().contains(";") ? "MULTIPLE" : q.exploitation());
            }
        },
        SEX_AGE_AND_ABROAD {
            @Override
            Person apply(Person p) {
                Person q = BROAD_AGE_AND_ABROAD.apply(p);
                return new Person("", q.sex(), q.ageBand(), "", "", q.destinations(), "");
            }
        };

        abstract Person apply(Person person);
    }

    private static String broad(String ageBand) {
        return switch (ageBand) {
            case "0-5", "6-12", "13-17", "0-17" -> "0-17";
            case "unknown" -> "unknown";
            default -> "18+";
        };
    }

    private static String abroad(String destinations) {
        if (destinations.isEmpty() || destinations.equals("unknown")) {
            return "unknown";
        }
        return destinations.equals("ID") ? "ID" : "ABROAD";
    }

    private static String majority(String ageBand) {
        return switch (ageBand) {
            case "0-5", "6-12", "13-17", "0-17" -> "Minor";
            case "unknown" -> "unknown";
            default -> "Adult";
        };
    }

    private static String gender(String sex) {
        return switch (sex) {
            case "L" -> "Male";
            case "P" -> "Female";
            default -> "unknown";
        };
    }

    private static String value(String value) {
        return value == null ? "unknown" : value;
    }

    private static String codes(Array array) throws SQLException {
        Object[] codes = (Object[]) array.getArray();
        List<String> list = new ArrayList<>();
        for (Object code : codes) {
            list.add((String) code);
        }
        return list.isEmpty() ? "unknown" : String.join(";", list);
    }
}
