package org.gugus.persons.linkage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Record linkage of victim records: blocking keys, model estimation, scoring of candidate pairs and
 * clustering into persons. Plain Java, no database: the caller loads the records and stores what
 * comes out.
 * <p>
 * PROVISIONAL: exact NIK and exact name plus birth year; the Fellegi–Sunter model replaces it.
 */
public final class Linkage {

    private final LinkageSettings settings;

    public Linkage(LinkageSettings settings) {
        this.settings = settings;
    }

    public LinkageSettings settings() {
        return settings;
    }

    /**
     * The keys of every blocking rule a record falls under; two records sharing one are a candidate
     * pair. Keys carry names: the caller stores only a hash of them.
     */
    public Set<String> blockingKeys(VictimReport report) {
        Set<String> keys = new LinkedHashSet<>();
        if (report.nik() != null) {
            keys.add("nik:" + report.nik());
        }
        Integer year = birthYear(report);
        if (report.name() != null && year != null) {
            keys.add("name-birth-year:" + report.name().toUpperCase(Locale.ROOT).trim() + ":" + year);
        }
        return keys;
    }

    /** Estimates the model from the records (u from random pairs, m by expectation-maximisation). */
    public LinkageModel estimate(Collection<VictimReport> reports, long seed) {
        return LinkageModel.initial();
    }

    /** Every candidate pair among the records (sharing a blocking key), scored by the model. */
    public List<ScoredPair> score(Collection<VictimReport> reports, LinkageModel model) {
        Map<String, List<VictimReport>> blocks = new HashMap<>();
        for (VictimReport report : reports) {
            for (String key : blockingKeys(report)) {
                blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(report);
            }
        }
        Map<VictimPair, ScoredPair> pairs = new HashMap<>();
        for (List<VictimReport> block : blocks.values()) {
            for (int i = 0; i < block.size(); i++) {
                for (int j = i + 1; j < block.size(); j++) {
                    VictimPair pair = VictimPair.of(block.get(i).victimId(), block.get(j).victimId());
                    pairs.computeIfAbsent(pair, p -> compare(p, byId(block, p.a()), byId(block, p.b()), model));
                }
            }
        }
        return List.copyOf(pairs.values());
    }

    /** Persons among the records: linked pairs joined, decisions first, hard conflicts never merged. */
    public Clusters cluster(Collection<VictimReport> reports, List<ScoredPair> pairs, Map<VictimPair, Decision> decisions) {
        Map<Long, Set<Long>> clusterOf = new HashMap<>();
        for (VictimReport report : reports) {
            clusterOf.put(report.victimId(), new LinkedHashSet<>(List.of(report.victimId())));
        }
        List<ScoredPair> review = new ArrayList<>();
        for (ScoredPair pair : pairs) {
            Decision decision = decisions.get(pair.pair());
            boolean link = decision == Decision.SAME
                    || decision == null && pair.probability() >= settings.matchProbability();
            if (link) {
                Set<Long> a = clusterOf.get(pair.victimA());
                Set<Long> b = clusterOf.get(pair.victimB());
                if (a != b) {
                    a.addAll(b);
                    b.forEach(id -> clusterOf.put(id, a));
                }
            } else if (decision == null && pair.probability() >= settings.reviewProbability()) {
                review.add(pair);
            }
        }
        List<Set<Long>> clusters = clusterOf.values().stream().distinct().map(Set::copyOf).toList();
        return new Clusters(clusters, review.stream()
                .filter(p -> clusterOf.get(p.victimA()) != clusterOf.get(p.victimB())).toList());
    }

    private ScoredPair compare(VictimPair pair, VictimReport a, VictimReport b, LinkageModel model) {
        List<ComparisonWeight> weights = new ArrayList<>();
        if (a.nik() != null && a.nik().equals(b.nik())) {
            weights.add(new ComparisonWeight("nik", "equal", model.weight("nik", "equal")));
        }
        if (!java.util.Collections.disjoint(nameKeys(a), nameKeys(b))) {
            weights.add(new ComparisonWeight("name_birth_year", "equal", model.weight("name_birth_year", "equal")));
        }
        double weight = model.priorWeight() + weights.stream().mapToDouble(ComparisonWeight::weight).sum();
        double odds = Math.pow(2, weight);
        return new ScoredPair(pair.a(), pair.b(), weight, odds / (1 + odds), weights);
    }

    private Set<String> nameKeys(VictimReport report) {
        Set<String> keys = new LinkedHashSet<>(blockingKeys(report));
        keys.removeIf(k -> !k.startsWith("name-birth-year:"));
        return keys;
    }

    private static VictimReport byId(List<VictimReport> block, long id) {
        return block.stream().filter(r -> r.victimId() == id).findFirst().orElseThrow();
    }

    private static Integer birthYear(VictimReport report) {
        if (report.birthDate() != null) {
            return report.birthDate().getYear();
        }
        if (report.age() != null && report.reportDate() != null) {
            return report.reportDate().getYear() - report.age();
        }
        return null;
    }
}
