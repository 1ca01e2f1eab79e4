import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gugus.persons.linkage.Clusters;
import org.gugus.persons.linkage.Linkage;
import org.gugus.persons.linkage.LinkageModel;
import org.gugus.persons.linkage.PreparedReports;
import org.gugus.persons.linkage.LinkageSettings;
import org.gugus.persons.linkage.ScoredPair;
import org.gugus.persons.linkage.VictimReport;
import org.gugus.persons.linkage.SyntheticVictims;

/**
 * Benchmark of the record-linkage engine in memory: a full run (estimate, score, cluster) over N
 * synthetic victim records (default 1,000,000), then an incremental run: 1,000 records held out of
 * the full run, their candidates found through a blocking-key index of the others (as the persons
 * store finds them), scored against them and clustered. Prints each step's seconds and the peak heap.
 */
public class LinkageBenchmark {

    public static void main(String[] args) {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int fresh = 1_000;
        long start = System.nanoTime();
        SyntheticVictims.Data data = new SyntheticVictims(7).generate((int) (records / 1.87));
        List<VictimReport> all = data.reports();
        List<VictimReport> base = new ArrayList<>(all.subList(0, Math.min(records, all.size() - fresh)));
        List<VictimReport> added = all.subList(base.size(), base.size() + fresh);
        System.out.printf("generated %,d records (+%,d held out) in %.1f s; heap used %,d MB%n", base.size(), fresh,
                seconds(start), usedMb());

        Linkage linkage = new Linkage(LinkageSettings.defaults());
        double cpuStart = cpu();
        long t = System.nanoTime();
        PreparedReports prepared = linkage.prepare(base);
        double prepare = seconds(t);
        System.out.printf("prepare:  %.1f s (every record normalised once, for estimate, keys and score)%n", prepare);
        t = System.nanoTime();
        LinkageModel model = linkage.estimate(prepared, 7);
        double estimate = seconds(t);
        System.out.printf("estimate: %.1f s (%,d blocked pairs sampled for EM, %d iterations, prior %.1f bits)%n",
                estimate, model.blockedPairs(), model.emIterations(), model.priorWeight());
        t = System.nanoTime();
        List<ScoredPair> pairs = linkage.score(prepared, model);
        prepared = null;
        double score = seconds(t);
        System.out.printf("score:    %.1f s (%,d pairs from the review probability up)%n", score, pairs.size());
        t = System.nanoTime();
        Clusters clusters = linkage.cluster(base, pairs, Map.of());
        double cluster = seconds(t);
        System.out.printf("cluster:  %.1f s (%,d persons, %,d pairs to review)%n", cluster, clusters.clusters().size(),
                clusters.review().size());
        double fullCpu = cpu() - cpuStart;
        System.out.printf("full run: %.1f s for %,d records (%.1f CPU seconds, %d cores, load average %.1f); peak heap %,d MB"
                + " (max %,d MB)%n", prepare + estimate + score + cluster, base.size(), fullCpu,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), peakMb(),
                Runtime.getRuntime().maxMemory() >> 20);

        // the store's index: hash of each blocking key -> the records holding it
        t = System.nanoTime();
        Map<Long, List<VictimReport>> index = new HashMap<>();
        for (VictimReport report : base) {
            for (String key : linkage.blockingKeys(report)) {
                index.computeIfAbsent(Linkage.keyHash(key), k -> new ArrayList<>(2)).add(report);
            }
        }
        System.out.printf("key index of %,d records: %.1f s (%,d keys; the persons store keeps it in PostgreSQL)%n",
                base.size(), seconds(t), index.size());
        t = System.nanoTime();
        double incrementalCpu = cpu();
        Set<VictimReport> candidates = new LinkedHashSet<>();
        for (VictimReport report : added) {
            for (String key : linkage.blockingKeys(report)) {
                List<VictimReport> holders = index.getOrDefault(Linkage.keyHash(key), List.of());
                if (holders.size() <= linkage.settings().maxBlockSize()) {
                    candidates.addAll(holders);
                }
            }
        }
        List<ScoredPair> newPairs = linkage.scoreAgainst(added, candidates, model);
        List<VictimReport> affected = new ArrayList<>(added);
        affected.addAll(candidates);
        Clusters newClusters = linkage.cluster(affected, newPairs, Map.of());
        System.out.printf("incremental: %,d new records, %,d candidates, %,d pairs, %,d persons: %.2f s (%.2f CPU s)%n",
                added.size(), candidates.size(), newPairs.size(), newClusters.clusters().size(), seconds(t),
                cpu() - incrementalCpu);
        System.out.printf("records=%d full=%.1fs full-cpu=%.1fs estimate=%.1fs score=%.1fs cluster=%.1fs peak-heap=%dMB%n",
                base.size(), prepare + estimate + score + cluster, fullCpu, estimate, score, cluster, peakMb());
    }

    /** CPU seconds this process has used so far (all threads): wall time on a quiet machine is about this over the cores. */
    private static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static long usedMb() {
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }

    private static long peakMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
