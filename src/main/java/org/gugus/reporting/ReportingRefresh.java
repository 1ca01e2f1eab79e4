package org.gugus.reporting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.gugus.persons.PersonsChanged;
import org.gugus.system.PartTimes;
import org.gugus.system.PlannerMethodOff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the {@code reporting} schema in step with persons: after every {@link PersonsChanged} the
 * reports, person rows and case rows of the persons named are written afresh, in one transaction;
 * when everything changed ({@code all}) the schema is rebuilt. Listens synchronously, so a load or
 * a linkage decision is counted as soon as it is committed.
 */
@Service
public class ReportingRefresh {

    /**
     * One row per person from her reports in {@code reporting.report} (those of {@code %1$s}): the
     * rules of the indicators over all her reports. A person with one report (after a first load,
     * nearly everyone) is her report's values as they are: the same rules over one row, without the
     * ten ordered aggregates per person. Report code arrays are sorted and distinct as
     * {@link WarehouseSource} writes them.
     */
    private static final String PERSONS = """
            insert into reporting.person (person_id, sex, birth_year, age_at_first_report, age_group, child, citizenship,
                   origin_regency_code, origin_province_code, first_report_date, last_report_date, offices, exploitation,
                   recruitment, destination_countries, services, case_stage, reports, cases, multi_office, re_trafficked)
            with many as (select person_id from reporting.report where %1$s group by person_id having count(*) > 1),
            one as (select r.*, r.age_at_report as first_age
                      from reporting.report r where %1$s and person_id not in (select person_id from many)),
            r as (select * from reporting.report where %1$s and person_id in (select person_id from many)),
            p as (%2$s),
            ex as (select person_id, array_agg(distinct code order by code) codes from r, unnest(r.exploitation) code group by person_id),
            re as (select person_id, array_agg(distinct code order by code) codes from r, unnest(r.recruitment) code group by person_id),
            se as (select person_id, array_agg(distinct code order by code) codes from r, unnest(r.services) code group by person_id),
            de as (select person_id, array_agg(distinct destination_country order by destination_country) codes
                     from r where destination_country is not null group by person_id)
            select person_id, sex, birth_year, first_age, reporting.age_group(first_age), first_age < 18,
                   citizenship, origin_regency_code, left(origin_regency_code, 2), report_date, report_date,
                   array[office_code], exploitation, recruitment,
                   case when destination_country is null then '{}' else array[destination_country] end,
                   services, reporting.stage_of_rank(reporting.stage_rank(case_stage)), 1, 1, false, false
              from one
            union all
            select p.person_id, p.sex, extract(year from p.birth_date), p.age, reporting.age_group(p.age), p.age < 18,
                   p.citizenship, p.origin_regency_code, left(p.origin_regency_code, 2), p.first_report_date,
                   p.last_report_date, p.offices, coalesce(ex.codes, '{}'), coalesce(re.codes, '{}'), coalesce(de.codes, '{}'),
                   coalesce(se.codes, '{}'), p.case_stage, p.reports, p.cases, p.office_count >= 2, p.cases >= 2
              from p
              left join ex using (person_id) left join re using (person_id)
              left join se using (person_id) left join de using (person_id)
            """.formatted("%1$s", PersonRules.AGGREGATE.formatted("r"));

    /**
     * The person rows of the reports that {@code reports} gives (a query of the columns of
     * {@code reporting.report}), read once and kept in memory, inserted into {@code target} (of the columns
     * of {@code reporting.person}).
     */
    static String personsFrom(String target, String reports) {
        String persons = TablesBeside.reading(PERSONS, "reporting.report", "reports")
                .replace("insert into reporting.person ", "insert into " + target + " ").formatted("true");
        if (persons.contains("reporting.report") || !persons.contains("\nwith many as (")) {
            throw new IllegalStateException("The person rows no longer read their reports as they did");
        }
        return persons.replace("\nwith many as (", "\nwith reports as materialized (" + reports + "),\nmany as (");
    }

    /**
     * {@link #personsFrom}, the persons of several reports told by their records instead: {@code several} (a table of
     * {@code victim_id}) holds the records of the persons with more than one. Their reports are not kept in memory
     * to count each person's: at a million reports that set spilled 250 MB to a temporary file and its count grouped
     * 964,000 persons in 110 MB, about half of the statement (replayed under load 15: 23.4 and 30.3 s against 28.7
     * and 45.6 s, alternated); the joined reports are read twice instead, the persons of one report's whole and the
     * others' few.
     */
    static String personsFrom(String target, String reports, String several) {
        String persons = personsFrom(target, reports);
        String[][] edits = {
                {"with reports as materialized (", "with reports as not materialized ("},
                {"\nmany as (select person_id from reports where true group by person_id having count(*) > 1),", ""},
                {"from reports r where true and person_id not in (select person_id from many)",
                        "from reports r where victim_id not in (select victim_id from " + several + ")"},
                {"from reports where true and person_id in (select person_id from many)",
                        "from reports where victim_id in (select victim_id from " + several + ")"}};
        for (String[] edit : edits) {
            if (!persons.contains(edit[0])) {
                throw new IllegalStateException("The person rows no longer tell the persons of several reports as they did");
            }
            persons = persons.replace(edit[0], edit[1]);
        }
        return persons;
    }

    /** The columns of {@code reporting.person} a refresh writes, but its key. */
    private static final List<String> PERSON_VALUES = List.of("sex", "birth_year", "age_at_first_report", "age_group",
            "child", "citizenship", "origin_regency_code", "origin_province_code", "first_report_date", "last_report_date",
            "offices", "exploitation", "recruitment", "destination_countries", "services", "case_stage", "reports", "cases",
            "multi_office", "re_trafficked");

    private static final String CASES = """
            insert into reporting.tppo_case (case_id, office_code, case_number, report_date, case_stage, reports, persons)
            select case_id, min(office_code), min(case_number), min(report_date), min(case_stage), count(*),
                   count(distinct person_id)
              from reporting.report where %s
             group by case_id
            """;

    /** What a report row says, but for the file it came from last. */
    private static final List<String> REPORT_VALUES = List.of("victim_id", "person_id", "office_code", "case_id",
            "case_number", "report_date", "sex", "birth_date", "birth_year", "age", "age_at_report", "origin_regency_code",
            "origin_province_code", "citizenship", "citizenship_country", "destination_country", "case_stage",
            "exploitation", "recruitment", "services");

    /** Rows {@code f} and {@code r} say the same but perhaps for their file. */
    private static final String SAME_VALUES = "row(%s) is not distinct from row(%s)".formatted(
            String.join(", ", REPORT_VALUES.stream().map(column -> "f." + column).toList()),
            String.join(", ", REPORT_VALUES.stream().map(column -> "r." + column).toList()));

    /** Their rows whose values differ from their copy in {@code pg_temp.reporting_fresh} (or are gone from it). */
    private static final String CHANGED_ROWS = """
            %s (r.person_id = any(:ids) or r.victim_id = any(:victims))
               and not exists (select 1 from pg_temp.reporting_fresh f where f.victim_id = r.victim_id and SAME)
            """.replace("SAME", SAME_VALUES);

    private static final Logger log = LoggerFactory.getLogger(ReportingRefresh.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final boolean aside;
    private final WarehouseSource warehouse;
    private final ReportingDimensions dimensions;
    private final TransactionTemplate transactions;
    private final KeptCountsWarmer warmer;
    private final ReportsAhead ahead;
    private final MonthCells monthCells;
    private final int bulkPersons;
    /** Whether the person rows beside write their per-person facts on a second connection of their own. */
    private final boolean factsAside;

    ReportingRefresh(JdbcClient jdbc, DataSource dataSource, WarehouseSource warehouse, ReportingDimensions dimensions,
            PlatformTransactionManager transactionManager, KeptCountsWarmer warmer, MonthCells monthCells,
            ReportsAhead ahead, @Value("${gugus.reporting.bulk-refresh-persons:10000}") int bulkPersons,
            @Value("${gugus.reporting.person-rows-aside:true}") boolean aside,
            @Value("${gugus.reporting.person-facts-aside:true}") boolean factsAside) {
        this.jdbc = jdbc;
        this.factsAside = factsAside;
        this.dataSource = dataSource;
        this.aside = aside;
        this.bulkPersons = bulkPersons;
        this.warmer = warmer;
        this.ahead = ahead;
        this.monthCells = monthCells;
        this.warehouse = warehouse;
        this.dimensions = dimensions;
        // a transaction of its own: the change is announced after its commit (from an after-commit
        // callback too), and a failed refresh must not mark anyone else's transaction rollback-only
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Follows a change of persons. The change itself is committed already: when the refresh fails
     * it is logged (counts only) and the reporting schema stays as it was, to be caught up by the
     * next change of those persons or by {@code gugus report --rebuild}; the load that changed them
     * is not failed for it.
     */
    @EventListener
    public void on(PersonsChanged changed) {
        try {
            if (changed.all()) {
                // a first load resolved in bounded memory (or every record resolved again): rebuilt whole, from
                // the reports read ahead of its persons when they were and are still the warehouse's
                transactions.executeWithoutResult(status -> rebuildNow(new PartTimes(), true, true));
            } else if (!changed.personIds().isEmpty()) {
                transactions.executeWithoutResult(status -> refreshNow(changed.personIds()));
            }
        } catch (RuntimeException e) {
            log.error("Reporting schema not refreshed for {} persons (all: {}); run gugus report --rebuild",
                    changed.personIds().size(), changed.all(), e);
        }
    }

    /** Writes the reporting rows of these persons (and of persons merged into them) afresh. */
    @Transactional
    public void refresh(Collection<Long> personIds) {
        refreshNow(personIds);
    }

    /** Rebuilds the whole reporting schema from the warehouse and persons; returns what it holds then. */
    @Transactional
    public Counts rebuild() {
        rebuildNow(new PartTimes(), true, false);
        return new Counts(jdbc.sql("select count(*) from reporting.report").query(Long.class).single(),
                jdbc.sql("select count(*) from reporting.person").query(Long.class).single());
    }

    /** The persons named with the persons merged into them, their records now, and whether any has a report row. */
    private record TheirRows(Long[] sources, Long[] victims, boolean copied) {
    }

    /** Reports and persons in the reporting schema. */
    public record Counts(long reports, long persons) {
    }

    private void refreshNow(Collection<Long> named) {
        PartTimes times = new PartTimes();
        times.run("start", () -> {
            dimensions.ensure();
            lock();
        });
        Set<Long> personIds = new TreeSet<>(named);
        // as many persons as the schema holds or more (a first load): every row written afresh, set-based,
        // without looking up who they are
        if (times.get("scope", () -> bulk(personIds))) {
            rebuildNow(times, false, true);
            // as just counted, rather than by reading both tables again
            long[] counted = keptCounts();
            log.info("Reporting refreshed for {} persons and {} cases ({} persons named), the schema rebuilt whole, in {}",
                    counted[1], counted[2], personIds.size(), times);
            return;
        }
        // a few persons' rows, read through the indexes: without statistics (a re-delivery soon after a first load)
        // the planner read whole tables of 100,000 rows for 2,000 persons seven times. The setting is turned off once
        // for the case mates and the rewrite together
        boolean[] many = {false};
        PlannerMethodOff.during(jdbc, "enable_seqscan", () -> {
            // with the persons of every record that shares a case with theirs: one row may change the case
            times.run("case mates", () -> personIds.addAll(
                    warehouse.caseMatesOf(warehouse.victimsOf(warehouse.withMerged(named)))));
            many[0] = times.get("scope", () -> bulk(personIds));
            if (!many[0]) {
                rewrite(times, personIds, List.of());
            }
        });
        if (many[0]) {
            // so many that their rows are written set-based with the indexes built afterwards, read as planned
            rewrite(times, personIds, times.get("set indexes aside", () -> {
                RebuiltTables.lock(jdbc, RebuiltTables.INDEXED);
                return DeferredIndexes.drop(jdbc);
            }));
        }
    }

    /** Writes the rows of these persons afresh (the refresh after its scope and case mates). */
    private void rewrite(PartTimes times, Set<Long> personIds,
            List<DeferredIndexes.Index> deferred) {
        Long[] ids = personIds.toArray(Long[]::new);
        Set<Long> persons = new TreeSet<>(personIds);
        // the persons of records now linked to them that were another's when copied (by the records' ids), and
        // whether any of their rows was copied before: the persons' own rows are read once, by the changes
        TheirRows found = times.get("their rows", () -> {
            Long[] sources = warehouse.withMerged(personIds);
            Long[] victims = warehouse.victimsOf(sources);
            persons.addAll(warehouse.survivorsOf(personIds));
            List<Long> copied = jdbc.sql("select person_id from reporting.report where victim_id = any(:victims)")
                    .param("victims", victims).query(Long.class).list();
            persons.addAll(copied);
            boolean any = !copied.isEmpty() || jdbc.sql(
                    "select exists (select 1 from reporting.report where person_id = any(:ids))").param("ids", ids)
                    .query(Boolean.class).single();
            return new TheirRows(sources, victims, any);
        });
        Long[] sources = found.sources();
        Long[] victims = found.victims();
        Long[] touched = persons.toArray(Long[]::new);
        // none of their rows copied yet (a first load): every row is new; else only the rows that differ
        // from their copy are written (a re-delivery's changes that no report reads write nothing)
        Rewrite rewrite = !found.copied() ? new Rewrite(touched, null, null, null, 0, null)
                : times.get("changes", () -> changes(ids, victims, sources, touched));
        if (rewrite.unchanged()) {
            times.run("indexes", () -> DeferredIndexes.restore(jdbc, deferred));
            log.info("Reporting unchanged for {} persons in {}", touched.length, times);
            return;
        }
        times.run("start", () -> {
            warmAfterCommit();
            KeptPeriodCounts.bump(jdbc);
        });
        if (rewrite.onlyRefiled()) {
            times.run("indexes", () -> DeferredIndexes.restore(jdbc, deferred));
            log.info("Reporting refreshed for {} records delivered again with the values they had ({} persons named) in {}",
                    rewrite.refiled(), touched.length, times);
            return;
        }
        Long[] rewritten = rewrite.persons();
        Long[] none = {};
        // a person without a person row or reports has no cells: taking hers away adds nothing, so the
        // persons are not sorted out first by a union over both tables
        times.run("counts out", () -> AllTimeCounts.add(jdbc, -1, rewritten, none));
        Long[] emptied = times.get("reports", () -> {
            if (rewrite.cases() != null) {
                Long[] vacated = NewReports.replace(jdbc, rewrite.gone(), rewrite.changed(), rewrite.persons());
                return union(vacated, rewrite.disagreeing());
            } else if (touched.length >= bulkPersons) {
                NewReports.copy(jdbc, warehouse, sources);
            } else {
                warehouse.copyReportsOf(sources);
            }
            return rewritten;
        });
        times.run("persons", () -> {
            // a person row left without reports: only a person whose rows were deleted or moved away, or whose
            // person row and reports disagreed, can be one (probing every person rewritten found none in a re-delivery)
            if (emptied.length > 0) {
                jdbc.sql("""
                        delete from reporting.person p
                         where p.person_id = any(:ids)
                           and p.person_id not in (select r.person_id from reporting.report r where r.person_id = any(:ids))
                        """).param("ids", emptied).update();
            }
            // in place, and only where a value differs (V070): a person row written again is a new row in every index
            jdbc.sql(PERSONS.formatted("person_id = any(:ids)") + " on conflict (person_id) do update set "
                    + "(" + String.join(", ", PERSON_VALUES) + ", refreshed_at) = "
                    + NewReports.row("excluded", PERSON_VALUES).replace(")", ", now())")
                    + " where " + NewReports.row("reporting.person", PERSON_VALUES) + " is distinct from "
                    + NewReports.row("excluded", PERSON_VALUES)).param("ids", rewritten).update();
        });
        times.run("counts in", () -> AllTimeCounts.add(jdbc, 1, rewritten, none));
        Long[] caseIds = times.get("cases", () -> {
            Long[] caseArray = rewrite.cases() != null ? rewrite.cases() : casesOf(rewritten).toArray(Long[]::new);
            AllTimeCounts.addCases(jdbc, -1, caseArray);
            jdbc.sql("delete from reporting.tppo_case where case_id = any(:ids)").param("ids", caseArray).update();
            jdbc.sql(CASES.formatted("case_id = any(:ids)")).param("ids", caseArray).update();
            AllTimeCounts.addCases(jdbc, 1, caseArray);
            return caseArray;
        });
        times.run("indexes", () -> DeferredIndexes.restore(jdbc, deferred));
        // counts and seconds only
        log.info("Reporting refreshed for {} persons and {} cases ({} persons named) in {}", rewritten.length,
                caseIds.length, touched.length, times);
    }

    /**
     * The persons and cases whose rows change: the rows of these persons as they are copied now
     * ({@code pg_temp.reporting_fresh}) against their rows as they were copied, each row whole (its
     * facts follow from it), and the persons named whose person row and reports disagree.
     */
    private Rewrite changes(Long[] ids, Long[] victims, Long[] sources, Long[] touched) {
        NewReports.fresh(jdbc);
        warehouse.copyReportsOf(sources, "pg_temp.reporting_fresh");
        Set<Long> persons = new TreeSet<>();
        Set<Long> cases = new TreeSet<>();
        List<Long> gone = new ArrayList<>();
        List<Long> changed = new ArrayList<>();
        // the fresh rows' reports looked up by their ids: by the key alone, the planner hashed every report of the
        // schema for the anti-join (100,000 rows for 2,000 fresh ones: 0.2-0.27 s against 0.03 s at load 15)
        jdbc.sql(CHANGED_ROWS.formatted("select r.victim_id, r.person_id, r.case_id, true from reporting.report r where")
                + """
                union all
                select f.victim_id, f.person_id, f.case_id, false from pg_temp.reporting_fresh f
                 where not exists (select 1 from reporting.report r where r.victim_id = f.victim_id
                                      and r.victim_id = any(array(select victim_id from pg_temp.reporting_fresh)) and SAME)
                """.replace("SAME", SAME_VALUES)).param("ids", ids).param("victims", victims).query(rs -> {
                    (rs.getBoolean(4) ? gone : changed).add(rs.getLong(1));
                    persons.add(rs.getLong(2));
                    cases.add(rs.getLong(3));
                });
        // rows whose values are as copied but whose record came again in a later file: the file alone,
        // in the report and its fact row (no person, case or count changes; what V058's trigger does)
        int refiled = NewReports.refile(jdbc, SAME_VALUES);
        // one index probe per person each (as exists (…) <> exists (…) the planner hashed both whole tables), for
        // the persons named whose rows are not rewritten anyway
        Long[] unchanged = Arrays.stream(touched).filter(id -> !persons.contains(id)).toArray(Long[]::new);
        List<Long> disagreeing = unchanged.length == 0 ? List.of() : jdbc.sql("""
                select t.id from unnest(:touched) t(id)
                  left join lateral (select true from reporting.person where person_id = t.id limit 1) p(held) on true
                  left join lateral (select true from reporting.report where person_id = t.id limit 1) r(held) on true
                 where p.held is distinct from r.held
                """).param("touched", unchanged).query(Long.class).list();
        persons.addAll(disagreeing);
        return new Rewrite(persons.toArray(Long[]::new), cases.toArray(Long[]::new), gone.toArray(Long[]::new),
                changed.toArray(Long[]::new), refiled, disagreeing.toArray(Long[]::new));
    }

    private static Long[] union(Long[] some, Long[] others) {
        Set<Long> all = new TreeSet<>(Arrays.asList(some));
        all.addAll(Arrays.asList(others));
        return all.toArray(Long[]::new);
    }

    /**
     * The persons (and cases) whose reporting rows are written afresh; {@code cases} null when none
     * of the persons' rows was copied before, so every row is new and their cases are those of their
     * new rows; else the rows that differ from their copy are in {@code pg_temp.reporting_fresh}:
     * {@code gone}, the records of rows as copied before that differ, {@code changed}, the records of
     * fresh rows that differ. {@code refiled}: rows whose file alone was updated. {@code disagreeing}:
     * the persons named whose person row and reports disagreed (null with {@code cases}).
     */
    private record Rewrite(Long[] persons, Long[] cases, Long[] gone, Long[] changed, int refiled,
            Long[] disagreeing) {

        boolean unchanged() {
            return persons.length == 0 && cases != null && cases.length == 0 && refiled == 0;
        }

        boolean onlyRefiled() {
            return persons.length == 0 && cases != null && cases.length == 0;
        }
    }

    /**
     * Whether a refresh rewrites so large a part of the schema (at least as many persons as it held,
     * and {@code gugus.reporting.bulk-refresh-persons} or more) that its indexes are built afterwards
     * rather than row by row ({@link DeferredIndexes}). Persons are counted only for a large refresh, and only up to
     * one more than named: a re-delivery's 19,287 persons of a million took 1.1 s to count all of them, twice (issue 13).
     */
    private boolean bulk(Collection<Long> personIds) {
        return personIds.size() >= bulkPersons
                && personIds.size() >= jdbc.sql("select count(*) from (select 1 from reporting.person limit :more) p")
                        .param("more", personIds.size() + 1L).query(Long.class).single();
    }

    /**
     * Writes the whole reporting schema afresh from the warehouse and persons, set-based
     * ({@link NewReports}) with its secondary indexes built afterwards; {@code whole}: as
     * {@code gugus report --rebuild} does, with the facts clustered by date, statistics and the
     * month cells made, which a refresh leaves to the database and to the background. {@code takeAhead}: the
     * rebuild follows a change of persons, and takes a first load's reports read while they were resolved, if
     * any; {@code gugus report --rebuild} reads the warehouse itself.
     */
    private void rebuildNow(PartTimes times, boolean whole, boolean takeAhead) {
        // a first load's reports read while its persons were resolved, when there are: taken even by a
        // rebuild that does not use them, so that their connection is given back. A first load resolved in
        // bounded memory (from gugus.persons.resolution.bounded-from records) announces every person changed:
        // its rebuild took none, and read the warehouse and wrote every fact again after the persons (at
        // 300,000 records, 17.6 of its 35 s) while the rows read ahead on the other core were thrown away
        Optional<ReportsAhead.Read> read = takeAhead ? times.get("wait", ahead::take) : Optional.empty();
        try {
            rebuildNow(times, whole, read);
        } finally {
            read.ifPresent(ReportsAhead.Read::close);
        }
    }

    private void rebuildNow(PartTimes times, boolean whole, Optional<ReportsAhead.Read> read) {
        times.run("start", () -> {
            dimensions.ensure();
            lock();
            // the per-person and per-case aggregates and the cases' sort of 100,000 reports in memory: under
            // the default work_mem they spilled to temporary files
            jdbc.sql("set local work_mem = '64MB'").update();
            // one backend: each of the 21 secondary indexes built afterwards started two workers (0.6-0.7 s of CPU
            // more than the builds alone at 100,000 reports, and longer), and the dictionary's distinct codes one
            jdbc.sql("set local max_parallel_maintenance_workers = 0").update();
            jdbc.sql("set local max_parallel_workers_per_gather = 0").update();
            warmAfterCommit();
            KeptPeriodCounts.bump(jdbc);
        });
        // the person rows and per-person facts written on connections of their own from the rows read ahead, when
        // one is free, while this one readies those rows to be put in place and writes the rest (started before the
        // rows are checked, and put in place only when they were written from the rows this puts in place)
        Optional<PersonRowsAside> rowsAside = aside && read.isPresent()
                ? Optional.of(times.get("start", () -> new PersonRowsAside(dataSource, factsAside, whole)))
                : Optional.empty();
        Rebuilt rebuilt;
        try {
            rebuilt = rebuildNow(times, read, rowsAside, whole);
        } finally {
            rowsAside.ifPresent(PersonRowsAside::cancel);
        }
        if (!whole) {
            return;
        }
        boolean factsByDate = rebuilt.factsByDate();
        times.run(factsByDate ? "analyze" : "cluster and analyze", () -> {
            // the facts in report-date order, so a period reads a contiguous slice of the table: read ahead so and
            // put in place, else rewritten so (at a million reports the cluster took 6.9 s under load 12, most
            // of it building the facts' five indexes a second time)
            if (factsByDate) {
                // marked as the cluster marks it (its index's mark is what a later cluster of the table follows); the
                // reports and their facts were analysed before they were put in place
                jdbc.sql("alter table reporting.report_fact cluster on report_fact_date").update();
            } else {
                jdbc.sql("cluster reporting.report_fact using report_fact_date").update();
                analyzeReports();
            }
            // the person rows and their facts written beside were analysed by their writers
            if (!rebuilt.personsAnalysed()) {
                jdbc.sql("analyze reporting.person").update();
                jdbc.sql("analyze reporting.person_fact").update();
                jdbc.sql("analyze reporting.office_person_fact").update();
            }
        });
        // a period's persons of whole months are read from these, made here rather than by its first count
        rebuilt.cellsWithoutPersons().ifPresentOrElse(generation -> {
            times.run("month cells", () -> monthCells.makeWithPersons(generation));
            // the persons' all-time cells summed from the province's month cells, rather than counted from every
            // person's facts again (see PersonRowsAside)
            times.run("counts", () -> AllTimeCounts.recountFromMonthCells(jdbc, generation));
        }, () -> times.run("month cells", monthCells::make));
        long[] counted = keptCounts();
        log.info("Reporting schema rebuilt: {} reports, {} persons and {} cases in {}", counted[0], counted[1], counted[2],
                times);
    }

    /**
     * What a rebuild's writing of its tables left: whether the report facts were written in report-date order (as
     * clustered on their date index), the generation whose month cells without persons are written, if they are (the
     * all-time counts are then left to be counted once its month cells are made), and whether the person rows and
     * their facts were put in place analysed (written beside a whole rebuild).
     */
    private record Rebuilt(boolean factsByDate, Optional<Long> cellsWithoutPersons, boolean personsAnalysed) {
    }

    /**
     * Writes the schema's tables afresh: from the rows read ahead, put in place, when they are those the warehouse and
     * persons give now; else from the warehouse, with the report facts clustered by date after when {@code whole}.
     */
    private Rebuilt rebuildNow(PartTimes times, Optional<ReportsAhead.Read> read, Optional<PersonRowsAside> rowsAside,
            boolean whole) {
        // the rows read ahead only when they are those the warehouse and persons give now
        if (read.isPresent() && read.get().whole(times)) {
            return rebuildInPlace(times, read.get(), rowsAside, whole);
        }
        rowsAside.ifPresent(PersonRowsAside::cancel);
        List<DeferredIndexes.Index> deferred = times.get("set indexes aside", () -> {
            RebuiltTables.lock(jdbc, RebuiltTables.ALL);
            jdbc.sql("truncate reporting.report, reporting.person, reporting.tppo_case").update();
            return DeferredIndexes.drop(jdbc);
        });
        List<DeferredIndexes.Key> keys = times.get("set keys aside", () -> DeferredIndexes.dropKeys(jdbc, List.of()));
        read.ifPresent(rows -> log.info("Reports read ahead of {} records not taken: the warehouse or its linked"
                + " records changed since; read again", rows.rows()));
        NewReports.copyAll(jdbc, warehouse, times);
        times.run("persons", () -> jdbc.sql(PERSONS.formatted("true")).update());
        times.run("cases", () -> jdbc.sql(CASES.formatted("true")).update());
        times.run("keys", () -> DeferredIndexes.restoreKeys(jdbc, keys));
        times.run("indexes", () -> DeferredIndexes.restore(jdbc, deferred));
        times.run("counts", () -> AllTimeCounts.recount(jdbc));
        return new Rebuilt(false, Optional.empty(), false);
    }

    /**
     * {@link #rebuildNow} from the rows read ahead (indexed by their read, their persons corrected by the check): their
     * tables given their triggers and grants and put in place with their keys ({@link ReportsInPlace}), the person
     * rows and their facts written beside from them when a connection was free ({@link PersonRowsAside}), else here
     * after. The report facts were read in report-date order; when {@code whole}, the reports' statistics and the
     * month cells that need no person are made too.
     */
    private Rebuilt rebuildInPlace(PartTimes times, ReportsAhead.Read read, Optional<PersonRowsAside> rowsAside,
            boolean whole) {
        // their tables are left with their keys and indexes while their rows are written beside: put in place whole
        boolean defined = rowsAside.isPresent()
                && times.get("start", () -> rowsAside.get().awaitDefined(read.several()));
        List<String> kept = new ArrayList<>(ReportsInPlace.TABLES);
        if (defined) {
            kept.addAll(PersonRowsAside.TABLES);
        }
        List<DeferredIndexes.Index> deferred = times.get("set indexes aside", () -> {
            RebuiltTables.lock(jdbc, RebuiltTables.ALL);
            // the reports and their facts are replaced whole, their triggers with them: the persons' and cases' rows
            // emptied here (the per-person facts too, written here when not beside)
            jdbc.sql("truncate reporting.person, reporting.tppo_case, reporting.person_fact,"
                    + " reporting.office_person_fact").update();
            return DeferredIndexes.drop(jdbc, kept);
        });
        List<DeferredIndexes.Key> keys = times.get("set keys aside", () -> DeferredIndexes.dropKeys(jdbc, kept));
        read.taken();
        ReportsInPlace.prepare(jdbc, times);
        times.run("cases", () -> jdbc.sql(ReportsInPlace.cases(CASES.formatted("true"))).update());
        if (whole) {
            // while the person rows are still written beside: the reports' statistics do not depend on them, and go
            // with the tables put in place
            times.run("analyze reports", () -> {
                jdbc.sql("analyze " + ReportsAhead.REPORTS).update();
                jdbc.sql("analyze " + ReportsAhead.FACTS).update();
            });
        }
        // the cases' and reports' month cells and the month files need no person: made from the tables read ahead
        // while the person rows are still written beside
        Optional<Long> cellsWithoutPersons = whole
                ? Optional.of(times.get("month cells without persons",
                        () -> monthCells.makeWithoutPersons(ReportsAhead.SUFFIX)))
                : Optional.empty();
        Optional<List<AllTimeCounts.Cell>> personCells = defined
                ? times.get("persons aside", () -> rowsAside.get().putInPlace(jdbc))
                : Optional.empty();
        boolean inPlace = times.get("reports in place", () -> ReportsInPlace.putInPlace(jdbc));
        ahead.copied(read);
        if (personCells.isEmpty()) {
            // not written beside: written here, into the emptied tables as they are (their keys kept when defined)
            times.run("persons", () -> jdbc.sql(PERSONS.formatted("true")).update());
            NewReports.writeAllPersonFacts(jdbc, times);
        }
        times.run("keys", () -> DeferredIndexes.restoreKeys(jdbc, keys));
        times.run("indexes", () -> DeferredIndexes.restore(jdbc, deferred));
        if (!whole) {
            // the persons' cells counted beside, with the rows put in place, when they were (a whole rebuild's are
            // summed from its month cells)
            times.run("counts", () -> personCells.ifPresentOrElse(cells -> AllTimeCounts.recount(jdbc, cells),
                    () -> AllTimeCounts.recount(jdbc)));
        }
        log.info("Reports read ahead put in place{}: {} of {} corrected to the person of their record now",
                inPlace ? "" : " by a copy (a reporting table could not be replaced)", read.corrected(), read.rows());
        return new Rebuilt(whole, cellsWithoutPersons, personCells.isPresent());
    }

    private void analyzeReports() {
        jdbc.sql("analyze reporting.report").update();
        jdbc.sql("analyze reporting.report_fact").update();
    }

    /**
     * The reports, persons and cases of the schema as its all-time counts keep them, rather than by counting three
     * tables again (at a million reports 2.3 s for the persons alone under load 12, after the rebuild's own work).
     */
    private long[] keptCounts() {
        return jdbc.sql("""
                select coalesce(sum(n) filter (where indicator = 'reports' and code = ''), 0),
                       coalesce(sum(n) filter (where indicator = 'unique_victims' and code = ''), 0),
                       coalesce(sum(n) filter (where indicator = 'cases' and code = ''), 0)
                  from reporting.all_time_count
                """).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
    }

    /** The usual periods counted ahead once the new rows are committed (in the background). */
    private void warmAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                warmer.warmSoon();
            }
        });
    }

    /** One refresh at a time: two loads touching the same persons would otherwise write the same rows. */
    private void lock() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('gugus.reporting.refresh'))").query().singleRow();
    }

    private List<Long> casesOf(Long[] personIds) {
        return jdbc.sql("select distinct case_id from reporting.report where person_id = any(:ids)")
                .param("ids", personIds).query(Long.class).list();
    }
}
