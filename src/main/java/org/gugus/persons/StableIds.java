package org.gugus.persons;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which person id each new cluster of records takes, so that ids stay stable: a cluster takes the
 * oldest (lowest) existing id it may claim; it may claim a former person's id when it holds her
 * oldest record. The other ids it claims are merged into it; a former person whose records ended in
 * several clusters is split: the clusters that do not hold her oldest record get another id.
 */
final class StableIds {

    /** What became of one cluster: the existing id it keeps (null: a new person), ids merged into it, persons split into it. */
    record Outcome(Set<Long> members, Long keptId, List<Long> merged, List<Long> splitFrom) {
    }

    private StableIds() {
    }

    /**
     * @param clusters the persons found, each a set of victim record ids
     * @param formerPerson the person id each record had before (records new to persons have none)
     */
    static List<Outcome> assign(List<? extends Set<Long>> clusters, Map<Long, Long> formerPerson) {
        if (formerPerson.isEmpty()) {
            // no record had a person (a first load's): every cluster is a new person, no id to claim
            List<Outcome> outcomes = new ArrayList<>(clusters.size());
            clusters.forEach(cluster -> outcomes.add(new Outcome(cluster, null, List.of(), List.of())));
            return outcomes;
        }
        Map<Long, Integer> clusterOf = new HashMap<>();
        for (int i = 0; i < clusters.size(); i++) {
            for (long victim : clusters.get(i)) {
                clusterOf.put(victim, i);
            }
        }
        Map<Long, Long> oldestRecord = new HashMap<>();
        formerPerson.forEach((victim, person) -> {
            if (clusterOf.containsKey(victim)) {
                oldestRecord.merge(person, victim, Math::min);
            }
        });
        Map<Long, Integer> holder = new HashMap<>();
        oldestRecord.forEach((person, victim) -> holder.put(person, clusterOf.get(victim)));

        List<Outcome> outcomes = new ArrayList<>(clusters.size());
        for (int i = 0; i < clusters.size(); i++) {
            TreeSet<Long> claimed = new TreeSet<>();
            TreeSet<Long> splitFrom = new TreeSet<>();
            for (long victim : clusters.get(i)) {
                Long person = formerPerson.get(victim);
                if (person != null) {
                    if (holder.get(person) == i) {
                        claimed.add(person);
                    } else {
                        splitFrom.add(person);
                    }
                }
            }
            Long kept = claimed.isEmpty() ? null : claimed.first();
            List<Long> merged = claimed.isEmpty() ? List.of() : List.copyOf(claimed.tailSet(kept, false));
            outcomes.add(new Outcome(clusters.get(i), kept, merged, List.copyOf(splitFrom)));
        }
        return outcomes;
    }
}
