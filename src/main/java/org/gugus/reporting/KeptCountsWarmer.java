package org.gugus.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes the month cells of the new generation ({@link MonthCells}) in the background after every
 * refresh, then counts the usual periods into the kept counts: this year,
 * last year and each office's all-time report, so the first coordinator to ask for them after a
 * load reads them back. An addition: any other period is counted on demand just as fast
 * ({@link FactCounts}). One warm-up at a time; refreshes during one ask for one more after it.
 * A count that finds no month cells for its generation asks for one too ({@link MonthCellsMissing}).
 * Off with {@code gugus.reporting.warm-kept-counts=false}, as in a command: a command's refresh does
 * not wait for it to exit, and the server's first count after the command's load warms instead.
 */
@Component
class KeptCountsWarmer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KeptCountsWarmer.class);

    /** How long stopping waits for a warm-up's statement under way. */
    private static final long STOP_WAIT_SECONDS = 10;

    private final IndicatorQueries queries;
    private final MonthCells monthCells;
    private final JdbcClient jdbc;
    private final boolean enabled;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "reporting-warm-up");
        thread.setDaemon(true);
        return thread;
    });

    KeptCountsWarmer(IndicatorQueries queries, MonthCells monthCells, JdbcClient jdbc,
            @Value("${gugus.reporting.warm-kept-counts:true}") boolean enabled) {
        this.queries = queries;
        this.monthCells = monthCells;
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    /** Asks for a warm-up after the reporting schema changed (call after the change is committed). */
    void warmSoon() {
        if (enabled && pending.compareAndSet(false, true)) {
            executor.execute(() -> {
                pending.set(false);
                warm();
            });
        }
    }

    /** Asks for a warm-up when a count found the month cells of the schema's generation missing. */
    @EventListener
    void monthCellsMissing(MonthCellsMissing missing) {
        warmSoon();
    }

    /** The usual queries: this year, last year, each office's all-time report. */
    List<ReportQuery> usual(LocalDate today) {
        List<ReportQuery> usual = new ArrayList<>();
        usual.add(new ReportQuery(today.withDayOfYear(1), today.withMonth(12).withDayOfMonth(31), null));
        LocalDate lastYear = today.minusYears(1);
        usual.add(new ReportQuery(lastYear.withDayOfYear(1), lastYear.withMonth(12).withDayOfMonth(31), null));
        jdbc.sql("select code from reporting.code_id where vocabulary = 'office' order by code").query(String.class).list()
                .forEach(office -> usual.add(new ReportQuery(null, null, office)));
        return usual;
    }

    private void warm() {
        try {
            // first the month cells every period's count reads, then the usual periods from them
            monthCells.make();
            for (ReportQuery query : usual(LocalDate.now())) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // the application is stopping
                }
                queries.count(query);
                queries.sourceFiles(query);
            }
        } catch (RuntimeException e) {
            // counted on demand instead; the next refresh tries again
            log.warn("Usual periods not counted ahead: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * Stops warming and waits for the statement under way: the connection pool and the database close after
     * this bean, and a warm-up left running beneath them logged its broken connection with a stack trace.
     */
    @Override
    public void destroy() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            log.warn("Usual periods still being counted ahead after {} s; stopping without waiting longer",
                    STOP_WAIT_SECONDS);
        }
    }
}
