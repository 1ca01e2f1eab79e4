import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gugus.persons.linkage.Clusters;
import org.gugus.persons.linkage.Linkage;
import org.gugus.persons.linkage.LinkageModel;
import org.gugus.persons.linkage.LinkageSettings;
import org.gugus.persons.linkage.PreparedReports;
import org.gugus.persons.linkage.ScoredPair;
import org.gugus.persons.linkage.SyntheticVictims;
import org.gugus.persons.linkage.VictimReport;

/**
 * What a cap on the blocks of the weak blocking rules ({@code max-weak-block-size}) does on the data
 * of {@code PersonsBench} (the same generator, seed and sizes), in memory, without a database: for
 * each cap given, how many candidate records the bench's 1,000-row file pulls (its keys' blocks over
 * the N records and the file, as an incremental run finds them), and the pairwise precision and
 * recall of a run over the N records (estimate, score, cluster, as {@code persons resolve --all}).
 * Usage (classpath as in run.sh): {@code java BlockCaps [RECORDS [CAP,CAP,... [candidates]]]}, e.g.
 * {@code 1000000 200,100}; a cap of 0, or {@code candidates} as the third argument, counts the
 * candidates only (seconds instead of minutes).
 */
public class BlockCaps {

    public static void main(String[] args) {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int[] caps = args.length > 1 ? java.util.Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {200, 100};
        boolean quality = !(args.length > 2 && args[2].equals("candidates"));
        int fileRows = 1_000;
        SyntheticVictims generator = new SyntheticVictims(11);
        SyntheticVictims.Data data = generator.generate((int) ((records + fileRows) / 1.45), 0.70);
        List<VictimReport> base = List.copyOf(data.reports().subList(0, records));
        List<VictimReport> later = List.copyOf(data.reports().subList(records, records + fileRows));
        Map<Long, Integer> personOf = data.personOf();
        System.out.printf("%,d records, %,d in the file%n", base.size(), later.size());

        Linkage keys = new Linkage(LinkageSettings.defaults());
        // the blocks of the file's keys over the records and the file (what the database holds then)
        Map<String, List<Long>> holders = new HashMap<>();
        List<Map<String, Integer>> laterKeys = later.stream().map(keys::cappedBlockingKeys).toList();
        laterKeys.forEach(k -> k.keySet().forEach(key -> holders.put(key, new ArrayList<>())));
        List<VictimReport> all = new ArrayList<>(base);
        all.addAll(later);
        List<Set<String>> allKeys = all.parallelStream().map(keys::blockingKeys).toList();
        Map<String, Map<Integer, Integer>> sizes = new TreeMap<>();
        Map<String, Integer> blockCount = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            for (String key : allKeys.get(i)) {
                List<Long> list = holders.get(key);
                if (list != null) {
                    list.add(all.get(i).victimId());
                }
                blockCount.merge(key, 1, Integer::sum);
            }
        }
        allKeys = null;
        // the distribution of block sizes per rule (keys held by at least two records)
        blockCount.forEach((key, n) -> {
            if (n > 1) {
                String rule = key.substring(0, key.indexOf(':'));
                int bucket = n <= 4 ? n : n <= 25 ? 25 : n <= 50 ? 50 : n <= 75 ? 75 : n <= 100 ? 100 : n <= 150 ? 150
                        : n <= 200 ? 200 : 201;
                sizes.computeIfAbsent(rule, r -> new TreeMap<>()).merge(bucket, 1, Integer::sum);
            }
        });
        blockCount = null;
        sizes.forEach((rule, buckets) -> System.out.println("blocks of " + rule + " by size (up to): " + buckets));
        // the file's keys by rule and size of their block
        Map<String, long[]> byRule = new TreeMap<>();
        for (Map<String, Integer> k : laterKeys) {
            k.keySet().forEach(key -> {
                long[] count = byRule.computeIfAbsent(key.substring(0, key.indexOf(':')), r -> new long[4]);
                int n = holders.get(key).size();
                count[n <= 100 ? 0 : n <= 150 ? 1 : n <= 200 ? 2 : 3] += n;
            });
        }
        byRule.forEach((rule, c) -> System.out.printf("file's keys of %s: records in blocks <=100 %,d, 101-150 %,d,"
                + " 151-200 %,d, >200 %,d%n", rule, c[0], c[1], c[2], c[3]));

        for (int cap : caps) {
            int weakCap = cap == 0 ? 200 : cap;
            LinkageSettings settings = LinkageSettings.defaults().withMaxBlockSizes(200, weakCap);
            Linkage linkage = new Linkage(settings);
            Set<Long> candidates = new HashSet<>();
            for (VictimReport report : later) {
                linkage.cappedBlockingKeys(report).forEach((key, max) -> {
                    List<Long> block = holders.get(key);
                    if (block.size() <= max) {
                        candidates.addAll(block);
                    }
                });
            }
            System.out.printf("max-weak-block-size %d: %,d candidate records for the file%n", weakCap, candidates.size());
            if (cap == 0 || !quality) {
                continue;
            }
            long started = System.nanoTime();
            PreparedReports prepared = linkage.prepare(base);
            LinkageModel model = linkage.estimate(prepared, 8);
            List<ScoredPair> pairs = linkage.score(prepared, model);
            Clusters clusters = linkage.cluster(base, pairs, Map.of());
            long found = 0;
            long right = 0;
            for (Set<Long> cluster : clusters.clusters()) {
                found += (long) cluster.size() * (cluster.size() - 1) / 2;
                Map<Integer, Integer> perPerson = new HashMap<>();
                cluster.forEach(id -> perPerson.merge(personOf.get(id), 1, Integer::sum));
                for (int k : perPerson.values()) {
                    right += (long) k * (k - 1) / 2;
                }
            }
            Map<Integer, Integer> persons = new HashMap<>();
            base.forEach(r -> persons.merge(personOf.get(r.victimId()), 1, Integer::sum));
            long truth = persons.values().stream().mapToLong(k -> (long) k * (k - 1) / 2).sum();
            long links = pairs.stream().filter(p -> p.probability() >= settings.matchProbability()).count();
            System.out.printf("max-weak-block-size %d: run over %,d records in %.1f s: %,d pairs scored, %,d from the"
                    + " match probability, %,d persons, %,d to review; pairs true %,d, found %,d, right %,d:"
                    + " precision %.4f, recall %.4f%n", weakCap, base.size(), (System.nanoTime() - started) / 1e9,
                    pairs.size(), links, clusters.clusters().size(), clusters.review().size(), truth, found, right,
                    found == 0 ? 1 : (double) right / found, (double) right / truth);
        }
    }
}
