package org.gugus.reporting;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.gugus.access.CurrentUser;
import org.gugus.access.Role;
import org.gugus.system.Messages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes reports for whoever asks, by the rules of access: suppression is on unless a provincial
 * role turns it off (a COORDINATOR asking for none gets it anyway, and the report says so); an
 * OFFICE account gets its own office's report only (another office is "not found", as everywhere).
 */
@Service
class NationalReports {

    private final IndicatorQueries queries;
    private final WarehouseSource warehouse;
    private final JdbcClient jdbc;
    private final CurrentUser user;
    private final int k;

    NationalReports(IndicatorQueries queries, WarehouseSource warehouse, JdbcClient jdbc, CurrentUser user,
            @Value("${gugus.reporting.suppression-k:5}") int k) {
        this.queries = queries;
        this.warehouse = warehouse;
        this.jdbc = jdbc;
        this.user = user;
        this.k = k;
    }

    /** The report of a query; without suppression only when asked and the caller may have it. */
    @Transactional(readOnly = true)
    NationalReport report(ReportQuery asked, boolean withoutSuppression) {
        ReportQuery query = scoped(asked);
        boolean suppressed = !withoutSuppression || user.role().filter(Role.COORDINATOR::equals).isPresent();
        Map<Indicator, Map<String, Long>> counts = queries.count(query);
        Suppression suppression = new Suppression(k);
        Map<Indicator, Map<String, Object>> cells = suppressed ? suppression.apply(counts) : Suppression.none(counts);
        List<WarehouseSource.SourceFile> files = new ArrayList<>(warehouse.files(queries.sourceFiles(query)).values());
        return new NationalReport(query, k, suppressed, cells, OffsetDateTime.now(), files, labels());
    }

    /** One indicator's cells, suppressed as in the full report (unique_victims decides complementary suppression). */
    @Transactional(readOnly = true)
    Map<String, Object> cells(ReportQuery asked, Indicator indicator, boolean withoutSuppression) {
        ReportQuery query = scoped(asked);
        boolean suppressed = !withoutSuppression || user.role().filter(Role.COORDINATOR::equals).isPresent();
        Map<Indicator, Map<String, Long>> counts = queries.count(query, EnumSet.of(indicator, Indicator.UNIQUE_VICTIMS));
        return (suppressed ? new Suppression(k).apply(counts) : Suppression.none(counts)).get(indicator);
    }

    /** The persons behind a cell (provincial roles only: the endpoint's security says who). */
    @Transactional(readOnly = true)
    List<Long> persons(ReportQuery asked, String indicatorKey, String code) {
        Indicator indicator = Indicator.of(indicatorKey == null ? "" : indicatorKey).orElseThrow(() ->
                new IllegalArgumentException(Messages.get("reporting.indicator.unknown", indicatorKey,
                        String.join(", ", keys())).both()));
        if (indicator.shape() != Indicator.Shape.TOTAL && (code == null || code.isBlank())) {
            throw new IllegalArgumentException(Messages.get("reporting.code.missing", indicator.key()).both());
        }
        return queries.persons(scoped(asked), indicator, code == null ? "" : code.strip());
    }

    int k() {
        return k;
    }

    private ReportQuery scoped(ReportQuery query) {
        String scope = user.officeScope().orElse(null);
        if (scope == null) {
            return query;
        }
        if (query.office() != null && !query.office().equals(scope)) {
            throw new NoSuchElementException(Messages.get("reporting.office.not-yours", query.office()).both());
        }
        return new ReportQuery(query.from(), query.to(), scope);
    }

    private Labels labels() {
        List<Object[]> rows = new ArrayList<>(jdbc.sql("select vocabulary, code, label_id, label_en, sort_order from reporting.code_label")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)})
                .list());
        rows.addAll(jdbc.sql("select 'region', code, name, name, 0 from reporting.region")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)})
                .list());
        return Labels.of(rows);
    }

    private static List<String> keys() {
        return Arrays.stream(Indicator.values()).map(Indicator::key).toList();
    }
}
