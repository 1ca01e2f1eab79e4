package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.gugus.system.database.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A record's {@code case_row} as every publish writes it (V096): a row of {@code warehouse.case_row_fields}
 * turned into {@code jsonb} is the document its values built by name made before, so records written since
 * compare equal to records written before, and so do their history and content.
 */
class CaseRowFieldsTests {

    @Test
    void makesTheCaseRowItsValuesBuiltByNameMadeWhateverTheirTextsNullsAndLists() {
        DataSource database = TestDatabases.create("case_row_fields");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").schemas("gugus").outOfOrder(true)
                .load().migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        String odd = "a \"quoted\" back\\slash, tab\there,\nnew line {braces} NULL ' é 👩 \u0001";
        List<Object[]> cases = List.of(
                new Object[] {"TPPO/1", "2024-06-05", "2024-05-01", "{SEKSUAL,ABK}", "{DARING}", "P21", "{KESEHATAN}"},
                new Object[] {"TPPO/2", "2024-06-05", null, "{}", "{}", null, "{}"},
                new Object[] {"TPPO/3", null, null, null, null, null, null},
                new Object[] {odd, odd, odd, array(odd, "\\", "\""), array((String) null), odd, array("", odd)});

        for (Object[] values : cases) {
            String built = jdbc.sql("""
                    select jsonb_build_object('case_number', ?::text, 'report_date', ?::text, 'incident_date', ?::text,
                                              'exploitation', to_jsonb(?::text[]), 'recruitment', to_jsonb(?::text[]),
                                              'case_stage', ?::text, 'services', to_jsonb(?::text[]))::text
                    """).params(Arrays.asList(values)).query(String.class).single();
            String fields = jdbc.sql("""
                    select to_jsonb(row(?::text, ?::text, ?::text, ?::text[], ?::text[], ?::text, ?::text[])
                                   ::warehouse.case_row_fields)::text
                    """).params(Arrays.asList(values)).query(String.class).single();

            assertThat(fields).as("case_row of %s", Arrays.toString(values)).isEqualTo(built);
        }
        assertThat(jdbc.sql("""
                select to_jsonb(row('TPPO/2', '2024-06-05', null, '{}', null, 'P21', '{KESEHATAN}')
                                ::warehouse.case_row_fields)::text
                """).query(String.class).single())
                .isEqualTo("{\"services\": [\"KESEHATAN\"], \"case_stage\": \"P21\", \"case_number\": \"TPPO/2\", "
                        + "\"recruitment\": null, \"report_date\": \"2024-06-05\", \"exploitation\": [], "
                        + "\"incident_date\": null}");
    }

    /** A text array literal of the values, each quoted (null: an array of one null). */
    private static String array(String... values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            literal.append(i == 0 ? "" : ",");
            literal.append(values[i] == null ? "NULL"
                    : '"' + values[i].replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        return literal.append('}').toString();
    }
}
