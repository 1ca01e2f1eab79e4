package org.gugus.reporting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Seconds per part of one reporting refresh, in the order they ran, for its log line. */
final class RefreshTimes {

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    void run(String part, Runnable work) {
        get(part, () -> {
            work.run();
            return null;
        });
    }

    <T> T get(String part, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            nanos.merge(part, System.nanoTime() - start, Long::sum);
        }
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
