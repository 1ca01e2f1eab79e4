package org.gugus.reporting;

import java.util.Map;
import java.util.TreeMap;
import org.gugus.reference.Countries;
import org.gugus.reference.Region;
import org.gugus.reference.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dimensions of the reporting schema that come from the reference data: provinces and
 * regencies/cities of the Kemendagri edition in use, and the countries' names (code_label
 * vocabulary {@code country}). Written once, when the schema is first refreshed.
 */
@Component
class ReportingDimensions {

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Countries countries;

    ReportingDimensions(JdbcClient jdbc, Regions regions, Countries countries) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.countries = countries;
    }

    /** Writes the regions and countries when they are not there yet. */
    void ensure() {
        if (jdbc.sql("select exists (select 1 from reporting.region)").query(Boolean.class).single()) {
            return;
        }
        Map<String, Region> rows = new TreeMap<>();
        for (Region regency : regions.regencies()) {
            rows.put(regency.code(), regency);
            regions.province(regency).ifPresent(province -> rows.put(province.code(), province));
        }
        for (Region region : rows.values()) {
            jdbc.sql("""
                    insert into reporting.region (code, level, name, province_code) values (?, ?, ?, ?)
                    on conflict (code) do nothing
                    """).params(region.code(), region.level().name(), region.name(), region.provinceCode()).update();
        }
        countries.all().forEach(country -> jdbc.sql("""
                insert into reporting.code_label (vocabulary, code, label_id, label_en) values ('country', ?, ?, ?)
                on conflict do nothing
                """).params(country.code(), country.nameId(), country.nameEn()).update());
    }
}
