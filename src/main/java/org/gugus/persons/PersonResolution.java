package org.gugus.persons;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.gugus.access.PseudonymKey;
import org.gugus.persons.linkage.Clusters;
import org.gugus.persons.linkage.Decision;
import org.gugus.persons.linkage.Linkage;
import org.gugus.persons.linkage.LinkageModel;
import org.gugus.persons.linkage.ScoredPair;
import org.gugus.persons.linkage.VictimPair;
import org.gugus.persons.linkage.VictimReport;
import org.gugus.warehouse.LinkableVictim;
import org.gugus.warehouse.LinkableVictims;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolves victim records into persons. {@link #resolvePending} takes the records not resolved yet
 * or changed since, finds their candidates by their hashed block keys, and links them, with the
 * candidates and every record of the persons involved, by the stored model; {@link #resolveAll}
 * estimates the model again from every record and links everything anew. Reviewers' decisions win
 * over the model in both; person ids stay stable ({@link StableIds}). Each run is one transaction
 * of its own, one at a time; {@link PersonsChanged} is published once it has committed.
 */
@Service
public class PersonResolution {

    /** The seed of the model's estimation, fixed so that the same data gives the same model. */
    static final long SEED = 8;

    private final LinkableVictims victims;
    private final PersonStore store;
    private final Linkage linkage;
    private final BlockKeys blockKeys;
    private final PseudonymKey key;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    PersonResolution(LinkableVictims victims, PersonStore store, Linkage linkage, BlockKeys blockKeys, PseudonymKey key,
            ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.victims = victims;
        this.store = store;
        this.linkage = linkage;
        this.blockKeys = blockKeys;
        this.key = key;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Resolves the records not resolved yet or changed since (after a load, a correction). */
    public ResolutionSummary resolvePending(String trigger) {
        return run(() -> pending(trigger, Set.of()));
    }

    /** Estimates the model from every record, stores it, and resolves every record anew. */
    public ResolutionSummary resolveAll(String trigger) {
        return run(() -> all(trigger));
    }

    /**
     * Keeps a reviewer's decision on a queued pair and resolves its records again at once (with any
     * record still pending).
     *
     * @throws java.util.NoSuchElementException when there is no such pair
     */
    ResolutionSummary decide(long pairId, Decision decision, String by, String note, Runnable audit) {
        return run(() -> {
            store.lock();
            VictimPair pair = store.pair(pairId).orElseThrow(() -> PersonPairs.notFound(pairId));
            store.decide(pair, decision, by, note);
            audit.run();
            return pending("decision", Set.of(pair.a(), pair.b()));
        });
    }

    private ResolutionSummary run(Supplier<Outcome> work) {
        long started = System.nanoTime();
        Outcome outcome = transaction.execute(status -> work.get());
        if (outcome.all() || !outcome.personIds().isEmpty()) {
            events.publishEvent(new PersonsChanged(outcome.personIds(), outcome.all()));
        }
        ResolutionSummary done = outcome.summary();
        return new ResolutionSummary(done.all(), done.victims(), done.persons(), done.links(), done.pairsQueued(),
                (System.nanoTime() - started) / 1e9);
    }

    private Outcome pending(String trigger, Set<Long> seeds) {
        store.lock();
        List<LinkableVictim> pending = victims.unresolved();
        if (pending.isEmpty() && seeds.isEmpty()) {
            return new Outcome(ResolutionSummary.nothing(false, 0), Set.of(), false);
        }
        long run = store.startRun(false, trigger);
        List<VictimReport> pendingReports = pending.stream().map(PersonResolution::report).toList();
        Set<Long> pendingIds = new HashSet<>();
        pendingReports.forEach(report -> pendingIds.add(report.victimId()));
        store.replaceBlockKeys(pendingIds, pendingReports, report -> blockKeys.hashes(report, key));

        Set<Long> affected = new HashSet<>(pendingIds);
        affected.addAll(seeds);
        affected.addAll(store.candidates(affected, linkage.settings().maxBlockSize()));
        for (Set<Long> added = affected; !added.isEmpty(); ) {
            Set<Long> relatives = store.relatives(added);
            relatives.removeAll(affected);
            affected.addAll(relatives);
            added = relatives;
        }
        List<LinkableVictim> records = victims.byIds(affected);
        LinkageModel model = store.model().map(PersonStore.StoredModel::model).orElseGet(LinkageModel::initial);
        return link(run, records, affected, model);
    }

    private Outcome all(String trigger) {
        store.lock();
        long run = store.startRun(true, trigger);
        List<LinkableVictim> records = new ArrayList<>();
        victims.forEach(records::add);
        List<VictimReport> reports = records.stream().map(PersonResolution::report).toList();
        LinkageModel model = linkage.estimate(reports, SEED);
        store.saveModel(reports.size(), model);
        store.replaceBlockKeys(null, reports, report -> blockKeys.hashes(report, key));
        return link(run, records, null, model);
    }

    /** Links the records (all of the scope; every record when scope is null) and stores what came out. */
    private Outcome link(long run, List<LinkableVictim> records, Collection<Long> scope, LinkageModel model) {
        List<VictimReport> reports = records.stream().map(PersonResolution::report).toList();
        Map<Long, Integer> versions = new HashMap<>();
        records.forEach(record -> versions.put(record.id(), record.version()));

        List<ScoredPair> pairs = new ArrayList<>(linkage.score(reports, model));
        Map<VictimPair, Decision> decisions = store.decisions(scope);
        decisions.keySet().removeIf(pair -> !versions.containsKey(pair.a()) || !versions.containsKey(pair.b()));
        Set<VictimPair> scored = new HashSet<>();
        pairs.forEach(pair -> scored.add(pair.pair()));
        // a decided pair counts even when the blocking rules or the model no longer make it a candidate
        Map<Long, VictimReport> byId = new HashMap<>();
        reports.forEach(report -> byId.put(report.victimId(), report));
        decisions.keySet().stream().filter(pair -> !scored.contains(pair))
                .forEach(pair -> pairs.add(linkage.score(byId.get(pair.a()), byId.get(pair.b()), model)));
        Clusters clusters = linkage.cluster(reports, pairs, decisions);

        Map<Long, Long> former = store.formerPersons(scope);
        List<StableIds.Outcome> outcomes = StableIds.assign(clusters.clusters(), former);
        Iterator<Long> fresh = store.newPersons((int) outcomes.stream().filter(o -> o.keptId() == null).count()).iterator();
        Map<Long, Long> personOf = new HashMap<>();
        Map<Long, Integer> clusterOf = new HashMap<>();
        Set<Long> touched = new HashSet<>(former.values());
        for (int i = 0; i < outcomes.size(); i++) {
            StableIds.Outcome outcome = outcomes.get(i);
            long person = outcome.keptId() != null ? outcome.keptId() : fresh.next();
            touched.add(person);
            for (long victim : outcome.members()) {
                personOf.put(victim, person);
                clusterOf.put(victim, i);
            }
            for (long merged : outcome.merged()) {
                store.merge(person, merged, run);
            }
            for (long splitFrom : outcome.splitFrom()) {
                store.split(splitFrom, person, run);
            }
        }
        store.assign(personOf, versions);

        double match = linkage.settings().matchProbability();
        List<ScoredPair> links = pairs.stream()
                .filter(pair -> clusterOf.get(pair.victimA()).equals(clusterOf.get(pair.victimB())))
                .filter(pair -> decisions.get(pair.pair()) == Decision.SAME
                        || decisions.get(pair.pair()) == null && pair.probability() >= match)
                .toList();
        Set<VictimPair> decided = new HashSet<>();
        links.stream().map(ScoredPair::pair).filter(decisions::containsKey).forEach(decided::add);
        store.replaceLinks(scope, links, decided, run);
        store.queue(scope, clusters.review(), run);

        ResolutionSummary summary = new ResolutionSummary(scope == null, records.size(), outcomes.size(), links.size(),
                clusters.review().size(), 0);
        store.finishRun(run, summary);
        return new Outcome(summary, touched, scope == null);
    }

    static VictimReport report(LinkableVictim victim) {
        return new VictimReport(victim.id(), victim.officeCode(), victim.caseNumber(), victim.name(), victim.nik(),
                victim.sex(), victim.birthDate(), victim.age(), victim.reportDate(), victim.birthPlace(),
                victim.originRegencyCode(), victim.originDistrictCode(), victim.originVillageCode(), victim.address());
    }

    private record Outcome(ResolutionSummary summary, Set<Long> personIds, boolean all) {
    }
}
