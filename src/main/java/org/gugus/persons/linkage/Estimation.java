package org.gugus.persons.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One estimation of the model: u from random pairs, m by expectation-maximisation over the
 * comparison patterns of (a sample of) the blocked pairs, the prior from the deterministic rules.
 */
final class Estimation {

    /** No level's u is taken to be below this. */
    private static final double FLOOR = 1e-6;

    /**
     * No level's m is taken to be below this: a level never seen among matches weighs about -10,
     * not minus infinity (data entry errors happen).
     */
    private static final double M_FLOOR = 1e-3;

    /** With at least this many pairs of equal valid NIK, the name's m is taken from them, not from EM. */
    private static final int NAME_M_FROM_NIK_PAIRS = 30;

    private final LinkageSettings settings;
    private final List<Prepared> records;
    private final Supplier<Candidates> candidates;
    private final long seed;
    private final int[] radix;
    private final int patterns;

    Estimation(LinkageSettings settings, List<Prepared> records, Supplier<Candidates> candidates, long seed) {
        this.settings = settings;
        this.records = records;
        this.candidates = candidates;
        this.seed = seed;
        this.radix = Arrays.stream(Comparison.ALL).mapToInt(c -> c.levels.size() + 1).toArray();
        this.patterns = Arrays.stream(radix).reduce(1, (x, y) -> x * y);
    }

    LinkageModel model() {
        LinkageModel initial = LinkageModel.initial();
        int n = records.size();
        if (n < 2) {
            return initial;
        }
        double[][] u = randomPairs();
        AtomicLongArray counts = new AtomicLongArray(patterns);
        AtomicLong visited = new AtomicLong();
        AtomicLongArray namesOfEqualNik = new AtomicLongArray(Comparison.NAME.levels.size());
        Candidates candidates = this.candidates.get();
        double share = Math.min(1, settings.emMaxPairs() / (double) Math.max(1, candidates.pairsWithRepeats()));
        candidates.forEachPair((i, j) -> {
            Prepared a = records.get(i);
            Prepared b = records.get(j);
            visited.incrementAndGet();
            counts.incrementAndGet(pattern(a, b));
            if (a.nik != null && a.nik.equals(b.nik)) {
                int level = Comparison.NAME.level(a, b);
                if (level >= 0) {
                    namesOfEqualNik.incrementAndGet(level);
                }
            }
        }, share, seed);
        long deterministic = deterministicPairs();
        double[][] m = mFrom(initial);
        int name = Comparison.NAME.ordinal();
        long labelled = 0;
        for (int l = 0; l < namesOfEqualNik.length(); l++) {
            labelled += namesOfEqualNik.get(l);
        }
        boolean nameFixed = labelled >= NAME_M_FROM_NIK_PAIRS;
        if (nameFixed) {
            // pairs of one valid NIK are one person's reports (near enough): how her name varies
            for (int l = 0; l < m[name].length; l++) {
                m[name][l] = Math.max(M_FLOOR, (namesOfEqualNik.get(l) + 0.5) / (labelled + 0.5 * m[name].length));
            }
        }
        double[][] blockedU = copy(u);
        double lambda = 0.05;
        int iterations = 0;
        long[] patternCounts = new long[patterns];
        for (int p = 0; p < patterns; p++) {
            patternCounts[p] = counts.get(p);
        }
        int[][] levelsOf = new int[patterns][];
        for (int p = 0; p < patterns; p++) {
            if (patternCounts[p] > 0) {
                levelsOf[p] = levels(p);
            }
        }
        while (iterations < settings.emMaxIterations() && visited.get() > 0) {
            iterations++;
            double[][] mSum = zeros();
            double[][] uSum = zeros();
            double matched = 0;
            double total = 0;
            for (int p = 0; p < patterns; p++) {
                if (patternCounts[p] == 0) {
                    continue;
                }
                int[] levels = levelsOf[p];
                double match = lambda;
                double nonMatch = 1 - lambda;
                for (int c = 0; c < levels.length; c++) {
                    if (levels[c] >= 0) {
                        match *= m[c][levels[c]];
                        nonMatch *= blockedU[c][levels[c]];
                    }
                }
                double posterior = match / (match + nonMatch);
                double count = patternCounts[p];
                matched += posterior * count;
                total += count;
                for (int c = 0; c < levels.length; c++) {
                    if (levels[c] >= 0) {
                        mSum[c][levels[c]] += posterior * count;
                        uSum[c][levels[c]] += (1 - posterior) * count;
                    }
                }
            }
            double change = 0;
            for (int c = 0; c < m.length; c++) {
                blockedU[c] = normalise(uSum[c], FLOOR);
                if (c == name && nameFixed) {
                    continue;
                }
                double[] next = normalise(mSum[c], M_FLOOR);
                for (int l = 0; l < next.length; l++) {
                    change = Math.max(change, Math.abs(next[l] - m[c][l]));
                }
                m[c] = next;
            }
            lambda = Math.min(1 - FLOOR, Math.max(FLOOR, matched / total));
            if (change < 1e-5) {
                break;
            }
        }
        double allPairs = n * (n - 1.0) / 2;
        double prior = deterministic > 0
                ? deterministic / settings.priorRecall() / allPairs
                : lambda * visited.get() / share / allPairs;
        prior = Math.min(0.5, Math.max(1e-12, prior));
        List<TokenFrequency> common = new ArrayList<>();
        double rare = tokenFrequencies(common);
        return new LinkageModel(LinkageModel.log2(prior / (1 - prior)), LinkageModel.levels(m, u), common, rare, n,
                visited.get(), iterations);
    }

    /**
     * How many pairs the deterministic rules take for one person without a model: equal valid NIK, or
     * equal name, birth date and sex (counted by grouping, not by comparing pairs; a pair meeting both
     * counted once).
     */
    long deterministicPairs() {
        Map<String, Long> byNik = new HashMap<>();
        Map<Identity, Long> byIdentity = new HashMap<>();
        Map<Identity, Long> byBoth = new HashMap<>();
        for (Prepared r : records) {
            // keys of the record's own strings (their hashes are kept), no string built per record
            Identity identity = r.hasName() && r.birthDay != Prepared.NONE && r.sex != 0
                    ? new Identity(r.name, r.birthDay, r.sex, null) : null;
            if (r.nik != null) {
                byNik.merge(r.nik, 1L, Long::sum);
            }
            if (identity != null) {
                byIdentity.merge(identity, 1L, Long::sum);
            }
            if (r.nik != null && identity != null) {
                byBoth.merge(new Identity(r.name, r.birthDay, r.sex, r.nik), 1L, Long::sum);
            }
        }
        return pairs(byNik) + pairs(byIdentity) - pairs(byBoth);
    }

    /** Name, birth day and sex (and, for the pairs meeting both rules, the NIK) of a record. */
    private record Identity(String name, int birthDay, int sex, String nik) {
    }

    private static long pairs(Map<?, Long> groups) {
        return groups.values().stream().mapToLong(k -> k * (k - 1) / 2).sum();
    }

    /** u of every level: the shares among seeded random pairs (those missing a value left out). */
    private double[][] randomPairs() {
        int n = records.size();
        int chunks = 64;
        int perChunk = Math.max(1, settings.randomPairs() / chunks);
        long[][][] counts = IntStream.range(0, chunks).parallel().mapToObj(chunk -> {
            SplittableRandom random = new SplittableRandom(seed * 31 + chunk);
            long[][] local = new long[Comparison.ALL.length][];
            for (Comparison comparison : Comparison.ALL) {
                local[comparison.ordinal()] = new long[comparison.levels.size()];
            }
            for (int k = 0; k < perChunk; k++) {
                int i = random.nextInt(n);
                int j = random.nextInt(n - 1);
                if (j >= i) {
                    j++;
                }
                Prepared a = records.get(i);
                Prepared b = records.get(j);
                for (Comparison comparison : Comparison.ALL) {
                    int level = comparison.level(a, b);
                    if (level >= 0) {
                        local[comparison.ordinal()][level]++;
                    }
                }
            }
            return local;
        }).toArray(long[][][]::new);
        double[][] u = zeros();
        for (long[][] local : counts) {
            for (int c = 0; c < u.length; c++) {
                for (int l = 0; l < u[c].length; l++) {
                    u[c][l] += local[c][l];
                }
            }
        }
        for (int c = 0; c < u.length; c++) {
            double total = Arrays.stream(u[c]).sum();
            for (int l = 0; l < u[c].length; l++) {
                // add-one smoothing: a level no random pair fell in is rare, not impossible
                u[c][l] = Math.max(FLOOR, (u[c][l] + 1) / (total + u[c].length));
            }
        }
        return u;
    }

    /**
     * The common name tokens (carried by at least tf-min-records records, at most tf-max-tokens of
     * them) with the share of records carrying each; returns the frequency given to any other token:
     * the mean share of the tokens not kept.
     */
    private double tokenFrequencies(List<TokenFrequency> common) {
        Map<String, Long> counts = records.parallelStream().filter(Prepared::hasName)
                .flatMap(r -> Arrays.stream(r.sortedTokens))
                .collect(Collectors.groupingByConcurrent(Function.identity(), Collectors.counting()));
        long named = records.stream().filter(Prepared::hasName).count();
        if (named == 0) {
            return 1e-4;
        }
        List<Map.Entry<String, Long>> sorted = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        long rareRecords = 0;
        long rareTokens = 0;
        for (Map.Entry<String, Long> entry : sorted) {
            if (entry.getValue() >= settings.tfMinRecords() && common.size() < settings.tfMaxTokens()) {
                common.add(new TokenFrequency(entry.getKey(), entry.getValue() / (double) named));
            } else {
                rareRecords += entry.getValue();
                rareTokens++;
            }
        }
        common.sort(Comparator.comparing(TokenFrequency::token));
        return rareTokens == 0 ? 1.0 / named : rareRecords / (double) rareTokens / named;
    }

    private int pattern(Prepared a, Prepared b) {
        int pattern = 0;
        for (Comparison comparison : Comparison.ALL) {
            pattern = pattern * radix[comparison.ordinal()] + comparison.level(a, b) + 1;
        }
        return pattern;
    }

    private int[] levels(int pattern) {
        int[] levels = new int[Comparison.ALL.length];
        for (int c = Comparison.ALL.length - 1; c >= 0; c--) {
            levels[c] = pattern % radix[c] - 1;
            pattern /= radix[c];
        }
        return levels;
    }

    private static double[][] mFrom(LinkageModel model) {
        double[][] m = zeros();
        for (Comparison comparison : Comparison.ALL) {
            for (int l = 0; l < comparison.levels.size(); l++) {
                String level = comparison.levels.get(l);
                int c = comparison.ordinal();
                int at = l;
                model.levels().stream().filter(w -> w.comparison().equals(comparison.id) && w.level().equals(level))
                        .findFirst().ifPresent(w -> m[c][at] = w.m());
            }
        }
        return m;
    }

    private static double[][] zeros() {
        return Arrays.stream(Comparison.ALL).map(c -> new double[c.levels.size()]).toArray(double[][]::new);
    }

    private static double[][] copy(double[][] values) {
        return Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
    }

    private static double[] normalise(double[] sums, double floor) {
        double total = Arrays.stream(sums).sum();
        double[] shares = new double[sums.length];
        for (int l = 0; l < sums.length; l++) {
            shares[l] = total > 0 ? Math.max(floor, sums[l] / total) : 1.0 / sums.length;
        }
        return shares;
    }

    static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x;
    }
}
