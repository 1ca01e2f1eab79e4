package org.gugus.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gugus.intake.job.IntakeJobConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The runs of the intake job, newest first, read from Spring Batch's job repository (the
 * {@code batch} schema) in two queries, rather than instance by instance through its API.
 */
@Component
public class IntakeExecutions {

    private final JdbcClient jdbc;

    IntakeExecutions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<IntakeExecution> latest(int limit) {
        return withSteps(jdbc.sql(SELECT + " order by e.job_execution_id desc limit :limit")
                .param("job", IntakeJobConfiguration.JOB_NAME).param("limit", limit)
                .query(IntakeExecutions::execution).list());
    }

    public Optional<IntakeExecution> find(long id) {
        return withSteps(jdbc.sql(SELECT + " and e.job_execution_id = :id")
                .param("job", IntakeJobConfiguration.JOB_NAME).param("id", id)
                .query(IntakeExecutions::execution).list()).stream().findFirst();
    }

    /** The newest run of this file's load (a resumed load has several), for its progress while it runs. */
    public Optional<IntakeExecution> latestOfFile(long fileId) {
        return withSteps(jdbc.sql(SELECT + """
                         and max(case when p.parameter_name = 'fileId' then p.parameter_value end) = :fileId
                        order by e.job_execution_id desc limit 1""")
                .param("job", IntakeJobConfiguration.JOB_NAME).param("fileId", String.valueOf(fileId))
                .query(IntakeExecutions::execution).list()).stream().findFirst();
    }

    private static final String SELECT = """
            select e.job_execution_id, e.job_instance_id, e.status, e.exit_code, e.start_time, e.end_time,
                   max(case when p.parameter_name = 'fileId' then p.parameter_value end) as file_id,
                   max(case when p.parameter_name = 'fileName' then p.parameter_value end) as file_name,
                   max(case when p.parameter_name = 'office' then p.parameter_value end) as office
            from batch.batch_job_execution e
            join batch.batch_job_instance i on i.job_instance_id = e.job_instance_id
            left join batch.batch_job_execution_params p on p.job_execution_id = e.job_execution_id
            where i.job_name = :job
            group by e.job_execution_id, e.job_instance_id, e.status, e.exit_code, e.start_time, e.end_time
            having true""";

    private List<IntakeExecution> withSteps(List<IntakeExecution> executions) {
        if (executions.isEmpty()) {
            return executions;
        }
        Map<Long, List<IntakeExecution.Step>> steps = new LinkedHashMap<>();
        jdbc.sql("""
                select job_execution_id, step_name, status, read_count, write_count, filter_count,
                       read_skip_count + process_skip_count + write_skip_count as skipped, commit_count,
                       start_time, end_time
                from batch.batch_step_execution where job_execution_id in (:ids) order by step_execution_id
                """).param("ids", executions.stream().map(IntakeExecution::id).toList())
                .query((rs, n) -> {
                    steps.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new IntakeExecution.Step(
                            rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                            rs.getLong(7), rs.getLong(8), rs.getObject(9, LocalDateTime.class),
                            rs.getObject(10, LocalDateTime.class)));
                    return null;
                }).list();
        return executions.stream().map(e -> new IntakeExecution(e.id(), e.instanceId(), e.fileId(), e.fileName(),
                e.office(), e.status(), e.exitCode(), e.start(), e.end(), steps.getOrDefault(e.id(), List.of())))
                .toList();
    }

    private static IntakeExecution execution(ResultSet rs, int row) throws SQLException {
        String fileId = rs.getString("file_id");
        return new IntakeExecution(rs.getLong("job_execution_id"), rs.getLong("job_instance_id"),
                fileId == null ? null : Long.valueOf(fileId), rs.getString("file_name"), rs.getString("office"),
                rs.getString("status"), rs.getString("exit_code"), rs.getObject("start_time", LocalDateTime.class),
                rs.getObject("end_time", LocalDateTime.class), List.of());
    }
}
