package org.gugus.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Seconds per part of one piece of work (a publish, a reporting refresh), in the order the parts
 * ran, for its log line: {@code 9.31 s (plan 2.58, victims 3.70, …)}. A part run twice counts once,
 * with both times summed. One thread's work: not thread-safe.
 */
public final class PartTimes {

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    public void run(String part, Runnable work) {
        get(part, () -> {
            work.run();
            return null;
        });
    }

    public <T> T get(String part, Supplier<T> work) {
        return time(part, work::get);
    }

    /** {@link #get}, for work that throws a checked exception: rethrown as it is, the part timed all the same. */
    public <T, E extends Exception> T time(String part, Work<T, E> work) throws E {
        long start = System.nanoTime();
        try {
            return work.run();
        } finally {
            nanos.merge(part, System.nanoTime() - start, Long::sum);
        }
    }

    /** A part's work that may throw a checked exception. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    @Override
    public String toString() {
        long total = nanos.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder text = new StringBuilder("%.2f s (".formatted(total / 1e9));
        nanos.forEach((part, time) -> text.append(part).append(' ').append("%.2f".formatted(time / 1e9)).append(", "));
        text.setLength(text.length() - 2);
        return text.append(')').toString();
    }
}
