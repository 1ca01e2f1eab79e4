package org.gugus.persons;

import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;
import org.gugus.access.PseudonymKey;
import org.gugus.persons.linkage.Clusters;
import org.gugus.persons.linkage.Decision;
import org.gugus.persons.linkage.Linkage;
import org.gugus.persons.linkage.LinkageModel;
import org.gugus.persons.linkage.PreparedReports;
import org.gugus.persons.linkage.ScoredPair;
import org.gugus.persons.linkage.VictimPair;
import org.gugus.persons.linkage.VictimReport;
import org.gugus.warehouse.FirstDeliveryPlaces;
import org.gugus.warehouse.LinkableVictim;
import org.gugus.warehouse.LinkableVictims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolves victim records into persons. {@link #resolvePending} takes the records not resolved yet
 * or changed since, finds their candidates by their hashed block keys, and links them, with the
 * candidates and every record of the persons involved, by the stored model; {@link #resolveAll}
 * estimates the model again from every record and links everything anew. Reviewers' decisions win
 * over the model in both; person ids stay stable ({@link StableIds}). A pending list of
 * {@code gugus.persons.resolution.bounded-from} rows or more (a first load of a large workbook; when not set,
 * as many as would take half the maximum heap in memory: {@link #boundedFrom(long)}) is resolved in bounded
 * memory ({@link BoundedResolution}), to the same persons, links and queue. Each run is one transaction
 * of its own, one at a time; {@link PersonsChanged} is published once it has committed.
 */
@Service
public class PersonResolution {

    private static final Logger log = LoggerFactory.getLogger(PersonResolution.class);

    /** The seed of the model's estimation, fixed so that the same data gives the same model. */
    static final long SEED = 8;

    /** Candidates of an incremental run read this many at a time (each chunk normalised while the next is read). */
    private static final int READ_CHUNK = 4_096;

    /** How long a run waits for the model made ready on another thread before making it ready itself. */
    private static final long MODEL_AHEAD_SECONDS = 2;

    /**
     * The heap a pending record takes at most in a run in memory (its report, normalised forms, keys, candidates'
     * forms and pairs): 100,000 new records peaked at 517–594 MiB with the running application's 95 MiB, a million
     * at about 5 GiB.
     */
    static final long BYTES_PER_PENDING_RECORD = 5_000;

    /**
     * From how many pending records on a run is bounded ({@link BoundedResolution}) when
     * {@code gugus.persons.resolution.bounded-from} is not set: when the run in memory would take more than half
     * of the maximum heap (about 25,000 records under {@code -Xmx256m}, 630,000 under a 6 GiB heap).
     */
    static long boundedFrom(long maxHeap) {
        return Math.max(1, maxHeap / 2 / BYTES_PER_PENDING_RECORD);
    }

    /**
     * Below this many rows ({@code gugus.persons.resolution.few-pending}) the pending list's records are read by id,
     * from it on streamed from the warehouse's join of the list ({@link #unresolved}).
     */
    private final int fewPending;

    private final LinkableVictims victims;
    private final PersonStore store;
    private final Linkage linkage;
    private final BlockKeys blockKeys;
    private final PseudonymKey key;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    /** A statement of the run that may fail without failing the run: under a savepoint of the run's transaction. */
    private final TransactionTemplate savepoint;
    private final JdbcClient jdbc;
    private final long boundedFrom;
    private final int groupRecords;
    private final RecordsPreparedAhead recordsAhead;
    private final FirstDeliveryPlaces firstDeliveries;

    PersonResolution(LinkableVictims victims, PersonStore store, Linkage linkage, BlockKeys blockKeys, PseudonymKey key,
            ApplicationEventPublisher events, PlatformTransactionManager transactions, JdbcClient jdbc,
            RecordsPreparedAhead recordsAhead, FirstDeliveryPlaces firstDeliveries,
            @Value("${gugus.persons.resolution.bounded-from:0}") long boundedFrom,
            @Value("${gugus.persons.resolution.group-records:20000}") int groupRecords,
            @Value("${gugus.persons.resolution.few-pending:10000}") int fewPending) {
        this.fewPending = fewPending;
        this.jdbc = jdbc;
        this.recordsAhead = recordsAhead;
        this.firstDeliveries = firstDeliveries;
        this.groupRecords = groupRecords;
        this.boundedFrom = boundedFrom > 0 ? boundedFrom : boundedFrom(Runtime.getRuntime().maxMemory());
        this.victims = victims;
        this.store = store;
        this.linkage = linkage;
        this.blockKeys = blockKeys;
        this.key = key;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Resolves the records not resolved yet or changed since (after a load, a correction). */
    public ResolutionSummary resolvePending(String trigger) {
        return run(() -> pending(trigger, Set.of(), false, null));
    }

    /**
     * {@link #resolvePending(String)} after the publish of a file ({@code fileId}; null: a correction), taking its
     * records prepared while it was published ({@link RecordsPreparedAhead}) where they are the records published.
     */
    ResolutionSummary resolvePublished(String trigger, Long fileId) {
        return run(() -> pending(trigger, Set.of(), false, fileId));
    }

    /**
     * {@link #resolvePending(String)}, in bounded memory whatever the length of the pending list when
     * {@code bounded} (else only from {@code gugus.persons.resolution.bounded-from} pending records on).
     */
    ResolutionSummary resolvePending(String trigger, boolean bounded) {
        return run(() -> pending(trigger, Set.of(), bounded, null));
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
            return pending("decision", Set.of(pair.a(), pair.b()), false, null);
        });
    }

    private ResolutionSummary run(Supplier<Outcome> work) {
        long started = System.nanoTime();
        Outcome outcome = transaction.execute(status -> work.get());
        long resolved = System.nanoTime();
        // the followers (the reporting schema) run here, synchronously: when a load or a command returns,
        // what coordinators count agrees with the persons just committed; their time is reported apart
        if (outcome.all() || !outcome.personIds().isEmpty()) {
            events.publishEvent(new PersonsChanged(outcome.personIds(), outcome.all()));
        }
        return outcome.summary().timed((resolved - started) / 1e9, (System.nanoTime() - resolved) / 1e9);
    }

    /** @param published the file whose publish this run follows, its records perhaps prepared ahead; else null */
    private Outcome pending(String trigger, Set<Long> seeds, boolean bounded, Long published) {
        long startedAt = System.nanoTime();
        long startedCpu = Phases.cpu();
        // the model, the salt and the linkage hashes made ready on another thread while the records are read: in a
        // fresh JVM (a load's command) the model's JSON, the salt's HMAC and the hashes are cold code, 0.1-0.4 s of a
        // re-delivery's resolution, and the read mostly waits on the server
        CompletableFuture<ModelInUse> ahead = CompletableFuture.supplyAsync(this::modelInUse, PersonResolution::onDaemon);
        store.lock();
        long listed = store.pendingListed();
        if (seeds.isEmpty() && (bounded || listed >= boundedFrom)) {
            return bounded(trigger, published);
        }
        if (listed < fewPending) {
            store.withoutParallelWorkers();
        }
        Map<Long, PersonStore.Resolved> resolvedAs = new HashMap<>();
        // the version of each record read: the records themselves are kept as their reports only
        Map<Long, Integer> versionOf = new HashMap<>();
        // the records surely compared (never resolved, or resolved without a linkage hash: a first load's) normalised
        // and keyed on another core as they are read; the others once compared by their linkage hash
        // a first load's records prepared while it was published: taken by their values, the others prepared here
        RecordsPreparedAhead.Taken preparedAhead = published == null ? null : recordsAhead.take(published);
        if (preparedAhead != null && preparedAhead.records() == null) {
            preparedAhead.close(); // kept on disk for a bounded run (the publish took fewer rows than it was given)
            preparedAhead = null;
        }
        Linkage.NewRecords prepared = linkage.newRecords(BlockKeys.hashing(BlockKeys.salt(key)),
                preparedAhead == null ? null : preparedAhead.records());
        // by their places among the rows read, when the publish vouched for the rows read (no digest read at all); else
        // by the digest of what linkage reads, the records published read as ids and digests only
        Placing placing = preparedAhead == null ? null : new Placing(preparedAhead.read(), preparedAhead.byPlace());
        takenAhead = 0;
        takenAtPlaces = 0;
        adopted = false;
        blocksAhead = false;
        readWhole = -1;
        byPlaces = false;
        preparedAhead = null;
        // a record taken by its place (-1: none) is taken from the records prepared ahead at it, not by its values
        List<VictimReport> pending = unresolved(listed, resolvedAs, versionOf, placing, (report, place) -> {
            if (surelyCompared(resolvedAs.get(report.victimId()))) {
                prepared.acceptAt(report, place);
            }
        });
        placing = null;
        long readAt = System.nanoTime();
        long readCpu = Phases.cpu();
        if (pending.isEmpty() && seeds.isEmpty()) {
            store.forgetResolved();
            return new Outcome(ResolutionSummary.nothing(false, 0), Set.of(), false);
        }
        long run = store.startRun(false, trigger);
        Phases phases = new Phases(run, startedAt, startedCpu);
        ModelInUse inUse = modelInUse(ahead, store.modelId());
        LinkageModel model = inUse.model();
        LinkageHashes hashes = inUse.hashes();
        int whole = readWhole;
        phases.done("read " + pending.size() + " pending" + (whole < 0 ? "" : " (" + (pending.size() - whole)
                + (byPlaces ? " by their places)" : " by their digests)")), readAt, readCpu);
        phases.done("run started, model");
        // a record re-delivered with only fields linkage does not read changed (its notes, its services) keeps
        // its person, links and queued pairs: its version moves on, nothing is compared again
        Set<Long> keptPersons = new HashSet<>();
        List<Long> keptRecords = new ArrayList<>();
        List<Integer> keptVersions = new ArrayList<>();
        List<VictimReport> compared = new ArrayList<>(pending.size());
        for (VictimReport record : pending) {
            PersonStore.Resolved before = resolvedAs.get(record.victimId());
            if (surelyCompared(before)) {
                compared.add(record); // prepared as read
            } else if (!seeds.contains(record.victimId()) && before.linkageHash() == hashes.of(record)) {
                keptRecords.add(record.victimId());
                keptVersions.add(versionOf.get(record.victimId()));
                keptPersons.add(before.person());
            } else {
                compared.add(record);
                prepared.accept(record);
            }
        }
        phases.done("compared by linkage hash");
        store.keepResolved(keptRecords, keptVersions);
        phases.done(keptRecords.size() + " kept as resolved");
        if (compared.isEmpty() && seeds.isEmpty()) {
            ResolutionSummary summary = new ResolutionSummary(false, keptRecords.size(), keptPersons.size(), 0, 0, 0, 0, 0);
            store.forgetResolved();
            store.finishRun(run, summary);
            phases.done("store");
            phases.log(summary);
            // the persons of the records kept: their facts are refreshed as after any resolution of their records
            return new Outcome(summary, keptPersons, false);
        }
        pending = compared;
        Set<Long> changed = new HashSet<>(seeds);
        pending.forEach(record -> changed.add(record.victimId()));
        double review = linkage.settings().reviewProbability();
        // in id order (as read): the block keys are written in it, the index on their record built over them after
        Map<Long, VictimReport> records = new LinkedHashMap<>();
        pending.forEach(record -> records.put(record.victimId(), record));
        pending = null;
        Set<Long> decidedOnly = new HashSet<>(seeds);
        decidedOnly.removeAll(records.keySet());
        victims.byIds(decidedOnly).forEach(record -> {
            keep(record, records, versionOf);
            prepared.accept(records.get(record.id()));
        });
        // each new or changed record normalised once and its keys hashed (on every core, most while being read): its
        // keys are stored, searched by and scored
        Linkage.Against against = linkage.against(prepared, model);
        // the keys stored for the records whose keys this run writes: only the keys that changed are deleted and
        // added (a re-delivered record's keys mostly stay; deleting and copying them all dirtied a page per record)
        List<Long> keyed = records.keySet().stream().filter(victim -> !decidedOnly.contains(victim)).toList();
        // none when the table is empty (a first load): no temporary table of 100,000 ids copied and joined; every
        // stored key when they are fewer than the run's records (a first load after a small office's)
        Map<Long, long[]> stored = !store.holdsBlockKeys() ? new HashMap<>()
                : store.keyedRecords() <= keyed.size() ? store.everyBlockKey()
                : store.blockKeysOf(store.scope("run_keyed", keyed));
        keyed = null;
        // each key hash's cap, and how many records whose keys are not stored yet hold it
        // sized by the distinct keys (a first load's 100,000 records hold about 155,000): eight a record made two
        // million slots, 36 MB alive from here to the candidates' search
        SearchedKeys searched = new SearchedKeys(against.newRecordKeys());
        List<Long> keysAddedTo = new ArrayList<>();
        List<long[]> keysAdded = new ArrayList<>();
        List<Long> vanished = new ArrayList<>();
        List<Long> vanishedHashes = new ArrayList<>();
        long[] keyCount = {0};
        against.forEachNewRecord((long victim, long[] own, int[] caps) -> {
            // the keys of the records decided about (seeds) stay: they did not change
            boolean written = !decidedOnly.contains(victim);
            long[] old = written ? stored.getOrDefault(victim, NO_KEYS) : NO_KEYS;
            for (int i = 0; i < own.length; i++) {
                searched.add(own[i], caps[i], written && !holds(old, own[i]) ? 1 : 0);
            }
            if (written) {
                for (long hash : old) {
                    if (!holds(own, hash)) {
                        vanished.add(victim);
                        vanishedHashes.add(hash);
                    }
                }
                long[] fresher = old.length == 0 ? own : Arrays.stream(own).filter(hash -> !holds(old, hash)).toArray();
                if (fresher.length > 0) {
                    keysAddedTo.add(victim);
                    keysAdded.add(fresher);
                    keyCount[0] += fresher.length;
                }
            }
        });
        stored.clear();
        store.deleteBlockKeys(vanished, vanishedHashes);
        // a first load's keys (the table holding none or few) written on a connection of their own while the run goes
        // on, put in place before it ends; else written below, while the pairs are scored
        BlockKeysAside aside = store.blockKeysAside(keysAddedTo, keysAdded::get, keyCount[0], vanished.isEmpty());
        takenAhead = prepared.takenAhead();
        takenAtPlaces = prepared.takenAtPlaces();
        blocksAhead = against.builtAhead();
        phases.done("prepare (" + takenAhead + " prepared ahead" + (takenAtPlaces > 0 ? ", " + takenAtPlaces
                + " at their places" : "") + (blocksAhead ? ", their blocks built ahead" : "") + ")");

        // each new or changed record scored against the records sharing a block key with it: searched among the
        // keys stored before this run's are written (a block's size counts the new records holding its key too)
        Set<Long> needed = store.candidates(searched, changed);
        phases.done("candidates");
        // the candidates read in chunks in id order, each chunk normalised on another core while the next is read;
        // only their normalised forms are kept (the few that pair are read again below)
        readCandidates(needed.stream().filter(id -> !changed.contains(id)).sorted().toList(), against);
        needed = null;
        // the pairs scored in memory (on every core) while the new block keys go into the database
        CompletableFuture<List<ScoredPair>> scoring = alongside(against::finish);
        if (aside == null) {
            store.addBlockKeys(keysAddedTo, keysAdded::get, keyCount[0]);
            keysAdded.clear();
        }
        phases.done(aside == null ? "block keys (scoring alongside)" : "scoring (block keys aside)");
        Map<VictimPair, ScoredPair> pairs = new HashMap<>();
        Set<Long> affected = new HashSet<>(changed);
        changed.clear();
        for (ScoredPair scored : joined(scoring)) {
            pairs.put(scored.pair(), scored);
            affected.add(scored.victimA());
            affected.add(scored.victimB());
        }
        // what the scoring read is let go here, not when the run ends: a first load's records normalised, their keys
        // and blocks (about 1.2 million objects) were still reachable from this method's locals while the persons
        // were stored, and the full collection that falls in a first load's run marked and moved them all
        scoring = null;
        against = null;
        phases.done("candidates read and scored (the rest)");
        // asked once: the run's lock keeps the links, open pairs and decisions as they are until it writes them
        PersonStore.Held held = store.held();
        // with every record of the persons involved, and the records decided about with them: looked up in memory
        // when nothing is linked, queued or decided and few records are resolved (a first load's run), else searched
        Map<Long, Long> fewResolved = held.none() ? store.everyResolvedUpTo(affected.size() / PersonStore.FEW) : null;
        Map<Long, Long> former = fewResolved == null ? null : withMates(affected, fewResolved);
        lookedUpInMemory = fewResolved != null;
        PersonStore.Scope scope = null;
        for (Set<Long> added = fewResolved == null ? affected : Set.of(); !added.isEmpty(); ) {
            PersonStore.Scope ofAdded = store.scope("run_added", added);
            Set<Long> relatives = store.relatives(ofAdded, held);
            relatives.removeAll(affected);
            if (added == affected && relatives.isEmpty()) {
                // no relatives: the records searched are the run's scope, not copied again
                scope = ofAdded;
            }
            affected.addAll(relatives);
            added = relatives;
        }
        Set<Long> missing = new HashSet<>(affected);
        missing.removeAll(records.keySet());
        victims.byIds(missing).forEach(record -> keep(record, records, versionOf));
        records.keySet().retainAll(affected);
        if (scope == null) {
            // no statement reads the scope of a run that found nothing held: not copied into a table
            scope = fewResolved != null ? PersonStore.Scope.inMemory(affected) : store.scope("run_scope", affected);
        }
        for (VictimPair pair : store.linkedOrQueued(scope, held)) {
            if (!pairs.containsKey(pair)) {
                ScoredPair scored = score(pair, records, model);
                if (scored.probability() >= review) {
                    pairs.put(pair, scored);
                }
            }
        }
        phases.done("persons involved");
        List<VictimReport> reports = new ArrayList<>(records.values());
        Map<Long, Integer> versions = new HashMap<>(records.size() * 2);
        records.keySet().forEach(victim -> versions.put(victim, versionOf.get(victim)));
        versionOf.clear();
        records.clear();
        affected.clear();
        missing = null;
        Outcome outcome = link(run, reports, versions, hashes, new RunScope(scope, held, former), model,
                List.copyOf(pairs.values()), aside, phases);
        if (keptRecords.isEmpty()) {
            return outcome;
        }
        Set<Long> touched = new HashSet<>(outcome.personIds());
        touched.addAll(keptPersons);
        ResolutionSummary summary = outcome.summary();
        return new Outcome(new ResolutionSummary(false, summary.victims() + keptRecords.size(), summary.persons(),
                summary.links(), summary.pairsQueued(), summary.pairsNotQueued(), 0, 0), touched, false);
    }

    /**
     * The stored model a run links by (the initial one while none is stored), the salt of the block keys and the
     * records' linkage hashes under both; {@code modelId} 0 for the initial model.
     */
    private record ModelInUse(long modelId, LinkageModel model, String salt, LinkageHashes hashes) {
    }

    /** The candidates of a run's new records read by id in chunks, each given to {@code against} as read. */
    private void readCandidates(List<Long> others, Linkage.Against against) {
        for (int from = 0; from < others.size(); from += READ_CHUNK) {
            victims.byIds(others.subList(from, Math.min(others.size(), from + READ_CHUNK)))
                    .forEach(record -> against.accept(report(record)));
        }
    }

    /** How many records the latest run took as prepared ahead, in memory or bounded (for tests). */
    private volatile int takenAhead;

    int takenAhead() {
        return takenAhead;
    }

    /** How many of them the latest run in memory took at their places, none by its values (for tests). */
    private volatile int takenAtPlaces;

    int takenAtPlaces() {
        return takenAtPlaces;
    }

    /**
     * How many records the latest run in memory read whole when it read the others by their digests; -1 when it read
     * every record whole (for tests).
     */
    private volatile int readWhole = -1;

    /** Whether the latest run took a first load's records by their places among the rows read ahead (for tests). */
    private volatile boolean byPlaces;

    boolean byPlaces() {
        return byPlaces;
    }

    /** Whether the latest bounded run adopted the rows kept ahead whole as its records (for tests). */
    private volatile boolean adopted;

    boolean adopted() {
        return adopted;
    }

    int readWhole() {
        return readWhole;
    }

    /**
     * Whether the latest run in memory looked its records' former persons up in memory, finding nothing linked, queued
     * or decided and few records resolved (for tests).
     */
    private volatile boolean lookedUpInMemory;

    boolean lookedUpInMemory() {
        return lookedUpInMemory;
    }

    /** Whether the latest run in memory scored in the blocks built ahead with its records (for tests). */
    private volatile boolean blocksAhead;

    boolean blocksAhead() {
        return blocksAhead;
    }

    /** The model in use last made ready: a process resolving load after load (the server) parses it once. */
    private volatile ModelInUse lastModel;

    /**
     * The model in use as stored now, read outside the run's transaction, its salt and hashes ready and their code
     * run once; the model kept from an earlier run when it is the same.
     */
    private ModelInUse modelInUse() {
        long id = store.modelId();
        String salt = BlockKeys.salt(key);
        ModelInUse last = lastModel;
        if (last != null && last.modelId() == id && last.salt().equals(salt)) {
            return last;
        }
        LinkageModel model = id == 0 ? LinkageModel.initial()
                : store.model().filter(stored -> stored.id() == id).map(PersonStore.StoredModel::model).orElse(null);
        if (model == null) {
            return new ModelInUse(-1, null, salt, null); // estimated again meanwhile: the run reads it itself
        }
        LinkageHashes hashes = new LinkageHashes(linkage.settings(), model, salt);
        hashes.of(new VictimReport(0, null, null, null, null, null, null, null, null, null, null, null, null, null));
        ModelInUse ready = new ModelInUse(id, model, salt, hashes);
        lastModel = ready;
        return ready;
    }

    /**
     * The model made ready {@code ahead} when it is the one stored ({@code modelId}, read in the run's transaction,
     * after its lock), else made ready now. Waited for a few seconds at most: with the connection pool taken by
     * many loads at once, the thread ahead may wait for a connection while this run holds one.
     */
    private ModelInUse modelInUse(CompletableFuture<ModelInUse> ahead, long modelId) {
        try {
            ModelInUse ready = ahead.get(MODEL_AHEAD_SECONDS, TimeUnit.SECONDS);
            if (ready.modelId() == modelId) {
                return ready;
            }
        } catch (ExecutionException | TimeoutException e) {
            // made ready here instead, in the run's transaction
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return modelInUse();
    }

    private static void onDaemon(Runnable task) {
        Thread thread = new Thread(task, "persons-model");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The records not resolved at their version: a short pending list (a re-delivery's changed records) read by
     * id, as the list and the resolved versions give them; a long one by the warehouse's join of the list (a
     * thousand pending ids took the join 0.5 s and more over a 100,000-record warehouse).
     */
    private List<VictimReport> unresolved(long listed, Map<Long, PersonStore.Resolved> resolvedAs,
            Map<Long, Integer> versionOf, Placing placing, ObjIntConsumer<VictimReport> read) {
        List<VictimReport> reports = new ArrayList<>();
        if (listed >= fewPending) {
            store.withMemoryForManyRecords();
            store.analysePendingList();
            resolvedAs.putAll(store.pendingAsResolved(true));
            if (placing != null && placing.read() != null) {
                List<VictimReport> placed = unresolvedByPlace(placing, versionOf, read);
                if (placed != null) {
                    return placed;
                }
            }
            Consumer<VictimReport> unplaced = report -> read.accept(report, -1);
            // the rows read ahead digested here, only now that they are not taken by their places (the work ahead
            // digested every row, for this fallback only)
            LinkageDigests digests = placing == null || placing.byPlace() == null ? null
                    : LinkageDigests.of(placing.byPlace(), () -> false);
            if (digests != null && digests.size() > 0) {
                return unresolvedByDigest(digests, versionOf, unplaced);
            }
            streamUnresolved(reports, Long.MIN_VALUE, versionOf, unplaced);
            return reports;
        }
        resolvedAs.putAll(store.pendingAsResolved(false));
        for (LinkableVictim record : victims.byIds(resolvedAs.keySet())) {
            PersonStore.Resolved before = resolvedAs.get(record.id());
            if (before == null || before.version() != record.version()) {
                VictimReport report = report(record);
                reports.add(report);
                versionOf.put(record.id(), record.version());
                read.accept(report, -1);
            }
        }
        return reports;
    }

    /**
     * {@link #unresolved} of a first load whose rows were read ahead ({@link RecordsPreparedAhead}) and whose publish
     * vouched for the rows read ({@link RowsReadAhead#placed}): each pending record read as its id, its version and
     * whether the file is its source, the file's i-th record's report made of the i-th row's values; the records of
     * other files still pending read whole by id after. In id order, as the whole read gives them. Null, with nothing
     * kept or given, when the vouch is missing or refuted: the caller reads them by their digests.
     */
    private List<VictimReport> unresolvedByPlace(Placing placing, Map<Long, Integer> versionOf,
            ObjIntConsumer<VictimReport> read) {
        List<VictimReport> reports = new ArrayList<>();
        // each report's place among the rows read (-1: read whole), given with it
        Places placeOf = new Places(placing.read().rows());
        List<Integer> places = new ArrayList<>();
        List<Long> whole = new ArrayList<>();
        Map<Long, Integer> versions = new HashMap<>();
        List<VictimReport> rows = placing.byPlace();
        if (!placing.read().placed(firstDeliveries, (id, version, place) -> {
            placeOf.add(place);
            if (place < 0) {
                places.add(reports.size());
                whole.add(id);
                reports.add(null);
            } else {
                VictimReport row = rows.get(place);
                reports.add(new VictimReport(id, row.officeCode(), row.caseNumber(), row.name(), row.nik(), row.sex(),
                        row.birthDate(), row.age(), row.reportDate(), row.birthPlace(), row.originRegencyCode(),
                        row.originDistrictCode(), row.originVillageCode(), row.address()));
                versions.put(id, version);
            }
        })) {
            return null;
        }
        versionOf.putAll(versions);
        readWhole(reports, places, whole, versionOf);
        for (int i = 0; i < reports.size(); i++) {
            if (reports.get(i) != null) {
                read.accept(reports.get(i), placeOf.at(i));
            }
        }
        reports.removeIf(Objects::isNull);
        readWhole = whole.size();
        byPlaces = true;
        return reports;
    }

    /** The records read whole by id, a chunk at a time, each into its place among the reports (null: deleted since). */
    private void readWhole(List<VictimReport> reports, List<Integer> places, List<Long> whole,
            Map<Long, Integer> versionOf) {
        Map<Object, Object> shared = new HashMap<>();
        for (int from = 0; from < whole.size(); from += READ_CHUNK) {
            List<Long> chunk = whole.subList(from, Math.min(whole.size(), from + READ_CHUNK));
            Map<Long, LinkableVictim> byId = new HashMap<>();
            victims.byIds(chunk).forEach(record -> byId.put(record.id(), record));
            for (int i = 0; i < chunk.size(); i++) {
                LinkableVictim record = byId.get(chunk.get(i));
                if (record != null) { // else deleted since: no longer pending
                    reports.set(places.get(from + i), report(record, shared));
                    versionOf.put(record.id(), record.version());
                }
            }
        }
    }

    /** The places of the records read by place, in the order read (-1: a record read whole). */
    private static final class Places {

        private int[] places;
        private int size;

        Places(int expected) {
            places = new int[Math.max(16, expected)];
        }

        void add(int place) {
            if (size == places.length) {
                places = Arrays.copyOf(places, size * 2);
            }
            places[size++] = place;
        }

        int at(int index) {
            return places[index];
        }
    }

    /** A first load's rows read ahead and their values in the file's order, to take its records by their places. */
    private record Placing(RowsReadAhead read, List<VictimReport> byPlace) {
    }

    /**
     * {@link #unresolved} of a first load whose records' values were read ahead ({@link RecordsPreparedAhead}): each
     * pending record read as its id, version and the digest of what linkage reads of it, its report made of the values
     * held for that digest; the records whose digest no values are held for (a value published otherwise than read, a
     * record of another office still pending) read whole by id after. In id order, as the whole read gives them.
     */
    private List<VictimReport> unresolvedByDigest(LinkageDigests digests, Map<Long, Integer> versionOf,
            Consumer<VictimReport> read) {
        List<VictimReport> reports = new ArrayList<>();
        // the records read whole: their places among the reports (null until read) and their ids
        List<Integer> places = new ArrayList<>();
        List<Long> whole = new ArrayList<>();
        // the reports given to the preparation as read, up to the first to read whole: in id order, as the whole read
        // gives them, the others given once read
        int[] given = {0};
        try {
            // under a savepoint: a server refusing the digest's function (md5, in FIPS mode) fails the statement only,
            // and the run reads its records whole instead
            savepoint.executeWithoutResult(status -> victims.forEachUnresolvedLinkageDigest((id, version, digest) -> {
                VictimReport report = digests.report(id, digest);
                if (report == null) {
                    places.add(reports.size());
                    whole.add(id);
                } else {
                    versionOf.put(id, version);
                    if (given[0] == reports.size()) {
                        read.accept(report);
                        given[0]++;
                    }
                }
                reports.add(report);
            }));
        } catch (DataAccessException e) {
            log.warn("Resolution: digests unavailable, reading records whole (the statement failed: {})", sqlState(e));
            return unresolvedAfter(reports.subList(0, given[0]), versionOf, read);
        }
        readWhole(reports, places, whole, versionOf);
        reports.subList(given[0], reports.size()).stream().filter(Objects::nonNull).forEach(read);
        reports.removeIf(Objects::isNull);
        readWhole = whole.size();
        return reports;
    }

    /**
     * {@link #unresolved} read whole after the reports {@code given} to the preparation already (the first ones, in id
     * order, taken by their digests before the digests' statement failed): the records after the last of them.
     */
    private List<VictimReport> unresolvedAfter(List<VictimReport> given, Map<Long, Integer> versionOf,
            Consumer<VictimReport> read) {
        List<VictimReport> reports = new ArrayList<>(given);
        long after = given.isEmpty() ? Long.MIN_VALUE : given.get(given.size() - 1).victimId();
        readWhole = streamUnresolved(reports, after, versionOf, read);
        return reports;
    }

    /**
     * The pending records of an id above {@code after} streamed whole from the warehouse's join of the pending list,
     * in id order, each added to {@code reports} and given to {@code read} as read; returns how many. Each record is
     * kept as its report only, the values records share (codes, places, dates) one object each: a load's 100,000
     * records are the run's live set, copied by each young collection.
     */
    private int streamUnresolved(List<VictimReport> reports, long after, Map<Long, Integer> versionOf,
            Consumer<VictimReport> read) {
        Map<Object, Object> shared = new HashMap<>();
        int[] streamed = {0};
        victims.forEachUnresolved(record -> {
            if (record.id() > after) {
                VictimReport report = report(record, shared);
                reports.add(report);
                versionOf.put(record.id(), record.version());
                read.accept(report);
                streamed[0]++;
            }
        });
        return streamed[0];
    }

    /** The SQL state of a failed statement (never its message: a message may quote a value). */
    private static String sqlState(DataAccessException e) {
        return e.getMostSpecificCause() instanceof SQLException sql ? sql.getSQLState() : e.getClass().getSimpleName();
    }

    /**
     * Whether a pending record is compared whatever its linkage hash: never resolved ({@code before} null), or
     * resolved without a hash (before V048, or by a bounded run).
     */
    private static boolean surelyCompared(PersonStore.Resolved before) {
        return before == null || before.linkageHash() == null;
    }

    /** A record read by id kept as its report, its version apart. */
    private static void keep(LinkableVictim record, Map<Long, VictimReport> records, Map<Long, Integer> versionOf) {
        records.put(record.id(), report(record));
        versionOf.put(record.id(), record.version());
    }

    /**
     * The pending records resolved in bounded memory ({@link BoundedResolution}); the modules that follow
     * persons take everything again (the persons touched by a long list are most of them).
     */
    private Outcome bounded(String trigger, Long published) {
        long run = store.startRun(false, trigger);
        Phases phases = new Phases(run);
        LinkageModel model = store.model().map(PersonStore.StoredModel::model).orElseGet(LinkageModel::initial);
        // a first load's rows prepared on disk while it was published: taken by their digests, the others read whole
        RecordsPreparedAhead.Taken ahead = published == null ? null : recordsAhead.take(published);
        BoundedResolution resolution = new BoundedResolution(victims, firstDeliveries, store, linkage, jdbc,
                BlockKeys.salt(key), groupRecords);
        ResolutionSummary summary;
        try {
            summary = resolution.resolve(run, model, phases, ahead == null ? null : ahead.kept());
        } finally {
            if (ahead != null) {
                ahead.close();
            }
        }
        takenAhead = resolution.takenAhead();
        takenAtPlaces = 0;
        readWhole = resolution.readWhole();
        byPlaces = resolution.byPlaces();
        adopted = resolution.adopted();
        store.forgetResolved();
        store.finishRun(run, summary);
        phases.done("store queue");
        phases.log(summary);
        return new Outcome(summary, Set.of(), true);
    }

    private static final long[] NO_KEYS = {};

    private static boolean holds(long[] hashes, long hash) {
        for (long held : hashes) {
            if (held == hash) {
                return true;
            }
        }
        return false;
    }

    private ScoredPair score(VictimPair pair, Map<Long, VictimReport> records, LinkageModel model) {
        return linkage.score(records.get(pair.a()), records.get(pair.b()), model);
    }

    private Outcome all(String trigger) {
        store.lock();
        long run = store.startRun(true, trigger);
        Phases phases = new Phases(run);
        // one report per record, the values records share (codes, places, dates) one object each
        List<VictimReport> reports = new ArrayList<>();
        Map<Long, Integer> versions = new HashMap<>();
        Map<Object, Object> shared = new HashMap<>();
        // each record normalised on another core as soon as it is read
        Linkage.Preparing preparing = linkage.preparing();
        victims.forEach(record -> {
            VictimReport report = report(record, shared);
            reports.add(report);
            preparing.accept(report);
            versions.put(record.id(), record.version());
        });
        shared.clear();
        phases.done("read (preparing alongside)");
        PreparedReports prepared = preparing.finish();
        phases.done("prepare");
        Scored scored = estimateAndScore(reports, prepared, phases);
        LinkageHashes hashes = new LinkageHashes(linkage.settings(), scored.model(), BlockKeys.salt(key));
        return link(run, reports, versions, hashes, new RunScope(null, store.held(), null), scored.model(),
                scored.pairs(), null, phases);
    }

    /** The model estimated from the records, stored, their block keys stored, their pairs scored. */
    private Scored estimateAndScore(List<VictimReport> reports, PreparedReports prepared, Phases phases) {
        LinkageModel model = linkage.estimate(prepared, SEED);
        store.saveModel(reports.size(), model);
        phases.done("estimate");
        String salt = BlockKeys.salt(key);
        // the pairs are scored (in memory, on every core) while the block keys go into the database
        CompletableFuture<List<ScoredPair>> scoring = alongside(() -> linkage.score(prepared, model));
        store.replaceAllBlockKeys(reports.stream().map(VictimReport::victimId).toList(),
                i -> blockKeys.hashes(linkage.blockingKeys(prepared, i), salt));
        phases.done("block keys (scoring alongside)");
        return new Scored(model, joined(scoring)); // the prepared records are garbage from here
    }

    /** Pairs scored on a thread of their own (the scoring itself on every core) while the caller writes. */
    private static CompletableFuture<List<ScoredPair>> alongside(Supplier<List<ScoredPair>> scoring) {
        return CompletableFuture.supplyAsync(scoring, task -> {
            Thread thread = new Thread(task, "persons-scoring");
            thread.setDaemon(true);
            thread.start();
        });
    }

    private static List<ScoredPair> joined(CompletableFuture<List<ScoredPair>> scoring) {
        try {
            return scoring.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private record Scored(LinkageModel model, List<ScoredPair> pairs) {
    }

    /**
     * The records a run links ({@code scope}; every record when null), what was held when it began ({@code held}) and,
     * when it looked them up in memory, the persons its records were ({@code former}; else null: read by scope).
     */
    private record RunScope(PersonStore.Scope scope, PersonStore.Held held, Map<Long, Long> former) {
    }

    /**
     * Adds to {@code affected} the records of the persons its records are among {@code resolved} (every record
     * resolved: a few), and returns the persons its records were.
     */
    private static Map<Long, Long> withMates(Set<Long> affected, Map<Long, Long> resolved) {
        Set<Long> persons = new HashSet<>();
        resolved.forEach((victim, person) -> {
            if (affected.contains(victim)) {
                persons.add(person);
            }
        });
        Map<Long, Long> former = new HashMap<>();
        resolved.forEach((victim, person) -> {
            if (persons.contains(person)) {
                affected.add(victim);
                former.put(victim, person);
            }
        });
        return former;
    }

    /**
     * Clusters the records (all of the run's scope; every record when it is null) from their scored pairs
     * and the decisions, and stores what came out; a first load's block keys written {@code aside} (null when
     * none) put in place before the run ends.
     */
    private Outcome link(long run, List<VictimReport> reports, Map<Long, Integer> versions, LinkageHashes hashes,
            RunScope of, LinkageModel model, List<ScoredPair> scoredPairs, BlockKeysAside aside, Phases phases) {
        PersonStore.Scope scope = of.scope();
        List<ScoredPair> pairs = new ArrayList<>(scoredPairs);
        Map<VictimPair, Decision> decisions = store.decisions(scope, of.held());
        decisions.keySet().removeIf(pair -> !versions.containsKey(pair.a()) || !versions.containsKey(pair.b()));
        Set<VictimPair> scored = new HashSet<>();
        pairs.forEach(pair -> scored.add(pair.pair()));
        // a decided pair counts even when the blocking rules or the model no longer make it a candidate
        List<VictimPair> unscored = decisions.keySet().stream().filter(pair -> !scored.contains(pair)).toList();
        if (!unscored.isEmpty()) {
            Map<Long, VictimReport> byId = new HashMap<>();
            reports.forEach(report -> byId.put(report.victimId(), report));
            unscored.forEach(pair -> pairs.add(linkage.score(byId.get(pair.a()), byId.get(pair.b()), model)));
        }
        phases.done("score");
        Clusters clusters = linkage.cluster(reports, pairs, decisions);
        phases.done("cluster");

        Map<Long, Long> former = of.former() != null ? of.former() : store.formerPersons(scope);
        List<StableIds.Outcome> outcomes = StableIds.assign(clusters.clusters(), former);
        // a new person numbered by her first record, as the reports read ahead of the run expect her to be
        long[] fresh = store.newPersons(outcomes.stream().filter(o -> o.keptId() == null)
                .mapToLong(o -> o.members().stream().mapToLong(Long::longValue).min().getAsLong()).toArray());
        int nextFresh = 0;
        // each record's person and cluster by its place in reports (not boxed maps of 100,000 ids: a first load's)
        Positions positions = new Positions(reports);
        long[] personOf = new long[reports.size()];
        int[] clusterOf = new int[reports.size()];
        Set<Long> touched = new HashSet<>(former.values());
        for (int i = 0; i < outcomes.size(); i++) {
            StableIds.Outcome outcome = outcomes.get(i);
            long person = outcome.keptId() != null ? outcome.keptId() : fresh[nextFresh++];
            touched.add(person);
            for (long victim : outcome.members()) {
                int at = positions.of(victim);
                personOf[at] = person;
                clusterOf[at] = i;
            }
            for (long merged : outcome.merged()) {
                store.merge(person, merged, run);
            }
            for (long splitFrom : outcome.splitFrom()) {
                store.split(splitFrom, person, run);
            }
        }
        // on every core: each hash writes the record's fields out as text
        long[] hashed = reports.parallelStream().mapToLong(hashes::of).toArray();
        int[] versionAt = new int[reports.size()];
        for (int i = 0; i < versionAt.length; i++) {
            versionAt[i] = versions.get(reports.get(i).victimId());
        }
        phases.done("new persons");

        double match = linkage.settings().matchProbability();
        List<ScoredPair> links = pairs.stream()
                .filter(pair -> clusterOf[positions.of(pair.victimA())] == clusterOf[positions.of(pair.victimB())])
                .filter(pair -> decisions.get(pair.pair()) == Decision.SAME
                        || decisions.get(pair.pair()) == null && pair.probability() >= match)
                .toList();
        Set<VictimPair> decided = new HashSet<>();
        links.stream().map(ScoredPair::pair).filter(decisions::containsKey).forEach(decided::add);
        store.replaceLinks(scope, links, decided, run, of.held());
        phases.done("store links");
        store.queue(scope, clusters.review(), run, of.held());
        phases.done("store queue");
        // each record's person written after the links and the queue: a first load's write drops the table's foreign
        // key to the victims, which waits for every transaction that has read them to end (the reports read ahead
        // beside the run held it 1.0-1.2 s at load 8-9 when this came before the links and the queue); nothing written
        // above reads it
        store.assign(positions.ids(), personOf, versionAt, hashed, scope == null);
        phases.done("store persons");

        ResolutionSummary summary = new ResolutionSummary(scope == null, reports.size(), outcomes.size(), links.size(),
                clusters.review().size(), clusters.notQueued(), 0, 0);
        store.forgetResolved();
        store.finishRun(run, summary);
        phases.done("pending list emptied");
        if (aside != null) {
            // last: the run's own writes are made while the keys' indexes are built on the other connection (with the
            // persons stored after this wait, a first load of 100,000 records waited 0.3-0.7 s here, its server process
            // idle); in the same transaction, the keys count with the run or not at all
            aside.putInPlace();
            phases.done("block keys put in place");
        }
        phases.log(summary);
        return new Outcome(summary, touched, scope == null);
    }

    static VictimReport report(LinkableVictim victim) {
        return new VictimReport(victim.id(), victim.officeCode(), victim.caseNumber(), victim.name(), victim.nik(),
                victim.sex(), victim.birthDate(), victim.age(), victim.reportDate(), victim.birthPlace(),
                victim.originRegencyCode(), victim.originDistrictCode(), victim.originVillageCode(), victim.address());
    }

    /** The report of a record, its codes, sex, birth place and dates taken from {@code shared} when another had them. */
    private static VictimReport report(LinkableVictim victim, Map<Object, Object> shared) {
        return new VictimReport(victim.id(), one(victim.officeCode(), shared), victim.caseNumber(), victim.name(),
                victim.nik(), one(victim.sex(), shared), one(victim.birthDate(), shared), victim.age(),
                one(victim.reportDate(), shared), one(victim.birthPlace(), shared), one(victim.originRegencyCode(), shared),
                one(victim.originDistrictCode(), shared), one(victim.originVillageCode(), shared), victim.address());
    }

    @SuppressWarnings("unchecked")
    private static <T> T one(T value, Map<Object, Object> shared) {
        return value == null ? null : (T) shared.computeIfAbsent(value, v -> v);
    }

    private record Outcome(ResolutionSummary summary, Set<Long> personIds, boolean all) {
    }

    /** The place of each record in a list of reports, by its id: the ids sorted, searched by halves. */
    private static final class Positions {

        private final long[] ids;
        private final long[] sorted;
        /** The place in the list of each of {@link #sorted}; null when the list is in id order (as read). */
        private final int[] at;

        Positions(List<VictimReport> reports) {
            ids = new long[reports.size()];
            boolean ordered = true;
            for (int i = 0; i < ids.length; i++) {
                ids[i] = reports.get(i).victimId();
                ordered &= i == 0 || ids[i - 1] < ids[i];
            }
            if (ordered) {
                sorted = ids;
                at = null;
                return;
            }
            Integer[] order = new Integer[ids.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingLong(i -> ids[i]));
            sorted = new long[ids.length];
            at = new int[ids.length];
            for (int k = 0; k < order.length; k++) {
                sorted[k] = ids[order[k]];
                at[k] = order[k];
            }
        }

        /** The records' ids in the list's order. */
        long[] ids() {
            return ids;
        }

        int of(long victim) {
            int k = Arrays.binarySearch(sorted, victim);
            if (k < 0) {
                throw new IllegalArgumentException("record " + victim + " is not among the run's records");
            }
            return at == null ? k : at[k];
        }
    }

    /** How long each phase of a run took, logged once at its end (counts only, no personal data). */
    static final class Phases {

        private final long run;
        private final StringBuilder took = new StringBuilder();
        private long last;
        private long lastCpu;

        Phases(long run) {
            this(run, System.nanoTime(), cpu());
        }

        /** Phases whose first one began at {@code startedAt} ({@link System#nanoTime}), {@code startedCpu} ({@link #cpu}). */
        Phases(long run, long startedAt, long startedCpu) {
            this.run = run;
            this.last = startedAt;
            this.lastCpu = startedCpu;
        }

        /** The phase's wall seconds and the CPU seconds the whole process spent in it (every thread). */
        void done(String phase) {
            done(phase, System.nanoTime(), cpu());
        }

        /** {@link #done(String)} of a phase that ended at {@code now} ({@link System#nanoTime}), {@code nowCpu}. */
        void done(String phase, long now, long nowCpu) {
            took.append(took.isEmpty() ? "" : ", ").append(phase).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f s (cpu %.2f s)", (now - last) / 1e9,
                            (nowCpu - lastCpu) / 1e9));
            last = now;
            lastCpu = nowCpu;
        }

        static long cpu() {
            return ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
        }

        void log(ResolutionSummary summary) {
            if (summary.pairsNotQueued() > 0) {
                log.warn("Resolution run {}: {} uncertain pairs beyond max-review-pairs were not queued for review"
                        + " (the {} most probable were)", run, summary.pairsNotQueued(), summary.pairsQueued());
            }
            log.info("Resolution run {}: {} records, {} persons, {} links, {} pairs queued, {} not queued; {}", run,
                    summary.victims(), summary.persons(), summary.links(), summary.pairsQueued(), summary.pairsNotQueued(),
                    took);
        }
    }
}
