package org.gugus.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gugus.system.Messages;

/**
 * The Indonesian and English labels of the codes in a report, from {@code reporting.code_label} and
 * {@code reporting.region}, and the order codes are shown in (the vocabulary's, else by code;
 * {@code unknown} last).
 */
record Labels(Map<String, Map<String, Label>> byVocabulary) {

    /** A code's labels and its place in its vocabulary. */
    record Label(String id, String en, int order) {
    }

    /** The labels of a code of an indicator; for a month or an unknown code, the code itself or "tidak diketahui / unknown". */
    Label of(Indicator indicator, String code) {
        if ("unknown".equals(code)) {
            return new Label(Messages.get("reporting.unknown").id(), Messages.get("reporting.unknown").en(), Integer.MAX_VALUE);
        }
        Map<String, Label> labels = indicator.vocabulary() == null ? Map.of()
                : byVocabulary.getOrDefault(indicator.vocabulary(), Map.of());
        Label label = labels.get(code);
        return label != null ? label : new Label(code, code, Integer.MAX_VALUE - 1);
    }

    /** The codes of a breakdown in the order they are shown. */
    List<String> ordered(Indicator indicator, Iterable<String> codes) {
        List<String> list = new ArrayList<>();
        codes.forEach(list::add);
        list.sort(Comparator.comparingInt((String code) -> of(indicator, code).order()).thenComparing(code -> code));
        return list;
    }

    static Labels of(List<Object[]> rows) {
        Map<String, Map<String, Label>> labels = new HashMap<>();
        for (Object[] row : rows) {
            labels.computeIfAbsent((String) row[0], vocabulary -> new HashMap<>())
                    .put((String) row[1], new Label((String) row[2], (String) row[3], ((Number) row[4]).intValue()));
        }
        return new Labels(labels);
    }
}
