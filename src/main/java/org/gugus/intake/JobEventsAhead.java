package org.gugus.intake;

import java.util.List;

/**
 * Spring Batch's flight-recorder events, made ready on a thread of their own while Gugus starts.
 * Spring Batch creates and commits them at every job's launch, step and chunk whether a recording
 * runs or not, and the first of them makes the JVM set up its flight recorder's Java side and
 * generate a handler class for each event class: about 0.1 s of CPU that a command spent on its main
 * thread between its start and its file's first row.
 */
final class JobEventsAhead {

    private static final String EVENTS = "org.springframework.batch.core.observability.jfr.events.";
    /** The events a file's load creates: its job, its steps, their chunks and tasklets. */
    private static final List<String> LOADS_EVENTS = List.of("job.JobLaunchEvent", "job.JobExecutionEvent",
            "step.StepExecutionEvent", "step.chunk.ChunkTransactionEvent", "step.chunk.ItemReadEvent",
            "step.chunk.ItemProcessEvent", "step.chunk.ChunkWriteEvent", "step.tasklet.TaskletExecutionEvent");

    private JobEventsAhead() {
    }

    static void prepareInBackground() {
        Thread preparing = new Thread(JobEventsAhead::prepare, "gugus-job-events");
        preparing.setDaemon(true);
        preparing.start();
    }

    private static void prepare() {
        ClassLoader loader = JobEventsAhead.class.getClassLoader();
        for (String event : LOADS_EVENTS) {
            try {
                Class.forName(EVENTS + event, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // another Spring Batch: its events are then made ready by its first job, as before
                return;
            }
        }
    }
}
