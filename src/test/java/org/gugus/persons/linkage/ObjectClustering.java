package org.gugus.persons.linkage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The clustering as it was first written, each person an object knowing her records, valid NIKs, sexes and the
 * records she must never be joined with: the reference {@link Clustering} (on {@link CompactClustering}) is held
 * to. Joins records into persons without chaining: two persons are joined only when none of these conflict.
 */
final class ObjectClustering {

    /** One person being built; {@code members} of a person merged away are moved to the survivor. */
    private static final class Person {
        final List<Long> members = new ArrayList<>(1);
        final List<String> niks = new ArrayList<>(0);
        int sexes;
        Set<Long> never;
    }

    private final Map<Long, Person> personOf = new HashMap<>();
    private final Map<VictimPair, Decision> decisions;

    ObjectClustering(Collection<VictimReport> reports, Map<VictimPair, Decision> decisions) {
        this.decisions = decisions;
        for (VictimReport report : reports) {
            Person person = new Person();
            person.members.add(report.victimId());
            String nik = Nik.valid(report.nik());
            if (nik != null) {
                person.niks.add(nik);
            }
            int sex = Prepared.sexOf(report.sex());
            person.sexes = sex == 0 ? 0 : 1 << (sex - 1);
            personOf.put(report.victimId(), person);
        }
        decisions.forEach((pair, decision) -> {
            Person a = personOf.get(pair.a());
            Person b = personOf.get(pair.b());
            if (decision == Decision.DIFFERENT && a != null && b != null) {
                never(a).add(pair.b());
                never(b).add(pair.a());
            }
        });
    }

    Clusters run(List<ScoredPair> pairs, LinkageSettings settings) {
        decisions.entrySet().stream().filter(e -> e.getValue() == Decision.SAME)
                .sorted(Map.Entry.comparingByKey(Comparator.comparingLong(VictimPair::a).thenComparingLong(VictimPair::b)))
                .forEach(e -> {
                    Person a = personOf.get(e.getKey().a());
                    Person b = personOf.get(e.getKey().b());
                    if (a != null && b != null && a != b && !forbidden(a, b)) {
                        join(a, b);
                    }
                });
        List<ScoredPair> undecided = pairs.stream().filter(p -> !decisions.containsKey(p.pair()))
                .filter(p -> personOf.containsKey(p.victimA()) && personOf.containsKey(p.victimB()))
                .sorted(Comparator.comparingDouble(ScoredPair::weight).reversed()
                        .thenComparingLong(ScoredPair::victimA).thenComparingLong(ScoredPair::victimB))
                .toList();
        for (ScoredPair pair : undecided) {
            if (pair.probability() < settings.matchProbability()) {
                continue;
            }
            Person a = personOf.get(pair.victimA());
            Person b = personOf.get(pair.victimB());
            if (a != b && !BlockScoring.namesDisagree(pair) && !forbidden(a, b) && !conflict(a, b)) {
                join(a, b);
            }
        }
        List<ScoredPair> uncertain = undecided.stream().filter(p -> p.probability() >= settings.reviewProbability())
                .filter(p -> personOf.get(p.victimA()) != personOf.get(p.victimB()))
                .toList();
        // the most probable pairs when there are more than a run may queue (undecided is heaviest first)
        List<ScoredPair> review = uncertain.stream().limit(settings.maxReviewPairs())
                .sorted(Comparator.comparingLong(ScoredPair::victimA).thenComparingLong(ScoredPair::victimB))
                .toList();
        Set<Person> seen = new HashSet<>();
        List<Set<Long>> clusters = new ArrayList<>();
        for (Person person : personOf.values()) {
            if (seen.add(person)) {
                clusters.add(Set.copyOf(person.members));
            }
        }
        return new Clusters(clusters, review, uncertain.size() - review.size());
    }

    /** A DIFFERENT decision between any record of one and any record of the other. */
    private static boolean forbidden(Person a, Person b) {
        if (a.never == null && b.never == null) {
            return false;
        }
        Person small = a.members.size() <= b.members.size() ? a : b;
        Person large = small == a ? b : a;
        if (large.never != null) {
            for (Long id : small.members) {
                if (large.never.contains(id)) {
                    return true;
                }
            }
        }
        if (small.never != null) {
            for (Long id : large.members) {
                if (small.never.contains(id)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Both sexes, or two valid NIKs more than one typing error apart. */
    private static boolean conflict(Person a, Person b) {
        if ((a.sexes | b.sexes) == 3) {
            return true;
        }
        for (String x : a.niks) {
            for (String y : b.niks) {
                if (Nik.conflict(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void join(Person a, Person b) {
        Person into = a.members.size() >= b.members.size() ? a : b;
        Person from = into == a ? b : a;
        into.members.addAll(from.members);
        for (String nik : from.niks) {
            if (!into.niks.contains(nik)) {
                into.niks.add(nik);
            }
        }
        into.sexes |= from.sexes;
        if (from.never != null) {
            never(into).addAll(from.never);
        }
        for (Long id : from.members) {
            personOf.put(id, into);
        }
    }

    private static Set<Long> never(Person person) {
        if (person.never == null) {
            person.never = new HashSet<>();
        }
        return person.never;
    }
}
