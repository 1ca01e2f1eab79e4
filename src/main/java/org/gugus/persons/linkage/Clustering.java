package org.gugus.persons.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The clustering of an in-memory run ({@link Linkage#cluster}) on {@link CompactClustering}: the records
 * held as their ids, valid NIKs and sexes in arrays, the persons a union-find over them, the undecided
 * pairs offered heaviest first. Each record as an object of its own with its lists, in a map by id, took
 * half a second of a 100,000-record first load's run, most of it the serial collector copying them.
 */
final class Clustering {

    private static final Comparator<ScoredPair> HEAVIEST_FIRST = Comparator.comparingDouble(ScoredPair::weight)
            .reversed().thenComparingLong(ScoredPair::victimA).thenComparingLong(ScoredPair::victimB);

    private Clustering() {
    }

    /** The persons among these records, and the pairs to review, as {@link Linkage#cluster} says. */
    static Clusters of(Collection<VictimReport> reports, List<ScoredPair> pairs, Map<VictimPair, Decision> decisions,
            LinkageSettings settings) {
        long[] ids = new long[reports.size()];
        int at = 0;
        for (VictimReport report : reports) {
            ids[at++] = report.victimId();
        }
        Arrays.sort(ids);
        CompactClustering persons = new CompactClustering(ids, settings);
        for (VictimReport report : reports) {
            persons.member(persons.indexOf(report.victimId()), CompactClustering.nikOf(report.nik()),
                    CompactClustering.sexOf(report.sex()));
        }
        persons.decisions(decisions);
        List<ScoredPair> undecided = pairs.stream().filter(pair -> !decisions.containsKey(pair.pair()))
                .filter(pair -> persons.indexOf(pair.victimA()) >= 0 && persons.indexOf(pair.victimB()) >= 0)
                .sorted(HEAVIEST_FIRST).toList();
        for (ScoredPair pair : undecided) {
            persons.offer(pair.victimA(), pair.victimB(), pair.probability(), BlockScoring.namesDisagree(pair));
        }
        List<ScoredPair> uncertain = undecided.stream().filter(pair -> pair.probability() >= settings.reviewProbability())
                .filter(pair -> !persons.samePerson(pair.victimA(), pair.victimB()))
                .toList();
        // the most probable pairs when there are more than a run may queue (undecided is heaviest first)
        List<ScoredPair> review = uncertain.stream().limit(settings.maxReviewPairs())
                .sorted(Comparator.comparingLong(ScoredPair::victimA).thenComparingLong(ScoredPair::victimB))
                .toList();
        return new Clusters(members(persons, ids), review, uncertain.size() - review.size());
    }

    /** Each person's records, the persons in the order of their first record; a person of one record as one id. */
    private static List<Set<Long>> members(CompactClustering persons, long[] ids) {
        int[] personOf = new int[ids.length];
        int[] size = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            personOf[i] = persons.personOf(i);
            size[personOf[i]]++;
        }
        List<Set<Long>> members = new ArrayList<>(ids.length);
        // the persons of several records: their place in the list, and their records as they are met
        Map<Integer, Integer> placeOf = new HashMap<>();
        Map<Integer, List<Long>> several = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            int person = personOf[i];
            if (size[person] == 1) {
                members.add(Set.of(ids[i]));
            } else {
                if (!placeOf.containsKey(person)) {
                    placeOf.put(person, members.size());
                    members.add(null);
                }
                several.computeIfAbsent(person, p -> new ArrayList<>(size[p])).add(ids[i]);
            }
        }
        placeOf.forEach((person, place) -> members.set(place, Set.copyOf(several.get(person))));
        return members;
    }
}
