package org.gugus.reporting;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The counts of a period or office kept once counted ({@code reporting.period_count}, V052), valid
 * while the reporting schema's generation stays: every refresh and rebuild bumps it
 * ({@link #bump}). The generation is read before the counting statement, so counts labelled with a
 * generation are never older than it; a refresh in between makes them newer, and they are simply
 * not read again. Kept in a transaction of their own (the report's is read-only).
 */
@Component
class KeptPeriodCounts {

    /** The pseudo-indicator under which the ids of the files behind the counts are kept. */
    private static final String FILES = "source_files";

    private final JdbcClient jdbc;
    private final TransactionTemplate writes;

    KeptPeriodCounts(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.writes = new TransactionTemplate(transactionManager);
        this.writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The generation the reporting schema is at now. */
    long generation() {
        return jdbc.sql("select generation from reporting.generation").query(Long.class).single();
    }

    /** Starts a new generation: every kept count is stale from the commit of the caller's transaction. */
    static void bump(JdbcClient jdbc) {
        jdbc.sql("update reporting.generation set generation = generation + 1").update();
    }

    /** The kept cells of these indicators at this generation, when every one of them is kept. */
    Optional<Map<Indicator, Map<String, Long>>> read(ReportQuery query, long generation, Collection<Indicator> indicators) {
        String key = key(query);
        List<String> keys = indicators.stream().map(Indicator::key).toList();
        long counted = jdbc.sql("""
                select count(*) from reporting.period_counted
                 where query_key = :key and generation = :generation and indicator = any(:indicators)
                """).param("key", key).param("generation", generation).param("indicators", keys.toArray(String[]::new))
                .query(Long.class).single();
        if (counted < keys.size()) {
            return Optional.empty();
        }
        Map<Indicator, Map<String, Long>> cells = new EnumMap<>(Indicator.class);
        indicators.forEach(indicator -> cells.put(indicator, new LinkedHashMap<>()));
        jdbc.sql("""
                select indicator, code, n from reporting.period_count
                 where query_key = :key and generation = :generation and indicator = any(:indicators)
                 order by indicator, code
                """).param("key", key).param("generation", generation).param("indicators", keys.toArray(String[]::new))
                .query(rs -> {
                    cells.get(Indicator.of(rs.getString(1)).orElseThrow()).put(rs.getString(2), rs.getLong(3));
                });
        return Optional.of(cells);
    }

    /** Keeps these cells as counted at this generation; drops what older generations kept. */
    void keep(ReportQuery query, long generation, Map<Indicator, Map<String, Long>> cells) {
        String key = key(query);
        writes.executeWithoutResult(status -> {
            jdbc.sql("delete from reporting.period_count where generation < :generation").param("generation", generation).update();
            jdbc.sql("delete from reporting.period_counted where generation < :generation").param("generation", generation)
                    .update();
            cells.forEach((indicator, counts) -> {
                int added = jdbc.sql("""
                        insert into reporting.period_counted (generation, query_key, indicator) values (:generation, :key, :indicator)
                        on conflict do nothing
                        """).param("generation", generation).param("key", key).param("indicator", indicator.key()).update();
                if (added == 1 && !counts.isEmpty()) {
                    jdbc.sql("""
                            insert into reporting.period_count (generation, query_key, indicator, code, n)
                            select :generation, :key, :indicator, c.code, c.n from unnest(:codes, :counts) c(code, n)
                            """).param("generation", generation).param("key", key).param("indicator", indicator.key())
                            .param("codes", counts.keySet().toArray(String[]::new))
                            .param("counts", counts.values().toArray(Long[]::new)).update();
                }
            });
        });
    }

    /** The kept ids of the files behind a query's counts at this generation, when kept. */
    Optional<List<Long>> files(ReportQuery query, long generation) {
        String key = key(query);
        boolean counted = jdbc.sql("""
                select exists (select 1 from reporting.period_counted
                                where query_key = :key and generation = :generation and indicator = :files)
                """).param("key", key).param("generation", generation).param("files", FILES).query(Boolean.class).single();
        if (!counted) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                select code::bigint from reporting.period_count
                 where query_key = :key and generation = :generation and indicator = :files order by 1
                """).param("key", key).param("generation", generation).param("files", FILES).query(Long.class).list());
    }

    /** Keeps the ids of the files behind a query's counts at this generation. */
    void keepFiles(ReportQuery query, long generation, List<Long> files) {
        String key = key(query);
        writes.executeWithoutResult(status -> {
            int added = jdbc.sql("""
                    insert into reporting.period_counted (generation, query_key, indicator) values (:generation, :key, :files)
                    on conflict do nothing
                    """).param("generation", generation).param("key", key).param("files", FILES).update();
            if (added == 1) {
                jdbc.sql("""
                        insert into reporting.period_count (generation, query_key, indicator, code, n)
                        select :generation, :key, :files, f::text, 1 from unnest(:ids) f
                        """).param("generation", generation).param("key", key).param("files", FILES)
                        .param("ids", files.toArray(Long[]::new)).update();
            }
        });
    }

    private static String key(ReportQuery query) {
        return String.join("|", Objects.toString(query.from(), ""), Objects.toString(query.to(), ""),
                Objects.toString(query.office(), ""));
    }
}
