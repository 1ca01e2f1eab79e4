package org.gugus.persons.linkage;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@link Clustering} of many records in arrays: each record only its id, valid NIK (as a number) and
 * sex, the persons a union-find over their indexes; the pairs are offered one at a time, the heaviest
 * first, so that they need not be held. Gives the persons {@link Linkage#cluster} gives for the same
 * records, pairs and decisions.
 */
public final class CompactClustering {

    private final LinkageSettings settings;
    private final long[] ids;
    private final int[] parent;
    private final int[] size;
    /** Each person's first valid NIK (0: none), at her root; her others in {@link #moreNiks}. */
    private final long[] nik;
    private final byte[] sexes;
    private final Map<Integer, long[]> moreNiks = new HashMap<>();
    /** The records (indexes) each person, at her root, must never be joined with. */
    private final Map<Integer, Set<Integer>> never = new HashMap<>();

    /**
     * @param ids the records' ids, ascending; {@link #member} gives each one's NIK and sex
     */
    public CompactClustering(long[] ids, LinkageSettings settings) {
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] <= ids[i - 1]) {
                throw new IllegalArgumentException("ids must be ascending and distinct");
            }
        }
        this.settings = settings;
        this.ids = ids;
        this.parent = new int[ids.length];
        this.size = new int[ids.length];
        this.nik = new long[ids.length];
        this.sexes = new byte[ids.length];
        for (int i = 0; i < ids.length; i++) {
            parent[i] = i;
            size[i] = 1;
        }
    }

    /** A record's valid NIK as a number (0: none): what {@link #member} takes. */
    public static long nikOf(String nik) {
        String valid = Nik.valid(nik);
        return valid == null ? 0 : Long.parseLong(valid);
    }

    /** A record's sex as {@link #member} takes it: 1 male, 2 female, 0 unknown. */
    public static byte sexOf(String sex) {
        return (byte) Prepared.sexOf(sex);
    }

    /** The NIK ({@link #nikOf}) and sex ({@link #sexOf}) of the record at this index. */
    public void member(int index, long validNik, byte sex) {
        nik[index] = validNik;
        sexes[index] = (byte) (sex == 0 ? 0 : 1 << (sex - 1));
    }

    /** The index of a record, or a negative number when it is not one of these. */
    public int indexOf(long id) {
        return Arrays.binarySearch(ids, id);
    }

    public int size() {
        return ids.length;
    }

    /** Reviewers' decisions between these records: DIFFERENT forbids a join, SAME joins (unless forbidden). */
    public void decisions(Map<VictimPair, Decision> decisions) {
        decisions.forEach((pair, decision) -> {
            int a = indexOf(pair.a());
            int b = indexOf(pair.b());
            if (decision == Decision.DIFFERENT && a >= 0 && b >= 0) {
                never.computeIfAbsent(a, k -> new HashSet<>()).add(b);
                never.computeIfAbsent(b, k -> new HashSet<>()).add(a);
            }
        });
        decisions.entrySet().stream().filter(e -> e.getValue() == Decision.SAME)
                .sorted(Map.Entry.comparingByKey(Comparator.comparingLong(VictimPair::a).thenComparingLong(VictimPair::b)))
                .forEach(e -> {
                    int a = indexOf(e.getKey().a());
                    int b = indexOf(e.getKey().b());
                    if (a >= 0 && b >= 0) {
                        int ra = find(a);
                        int rb = find(b);
                        if (ra != rb && !forbidden(ra, rb)) {
                            join(ra, rb);
                        }
                    }
                });
    }

    /**
     * An undecided pair, offered heaviest first (then by ids): joins its two persons when it reaches
     * the match probability, its names do not disagree and nothing forbids or conflicts.
     */
    public void offer(long a, long b, double probability, boolean namesDisagree) {
        if (probability < settings.matchProbability() || namesDisagree) {
            return;
        }
        int x = indexOf(a);
        int y = indexOf(b);
        if (x < 0 || y < 0) {
            return;
        }
        int ra = find(x);
        int rb = find(y);
        if (ra != rb && !forbidden(ra, rb) && !conflict(ra, rb)) {
            join(ra, rb);
        }
    }

    /** The person (an index of one of her records) of the record at this index. */
    public int personOf(int index) {
        return find(index);
    }

    /** Whether two of these records ended in one person. */
    public boolean samePerson(long a, long b) {
        return find(indexOf(a)) == find(indexOf(b));
    }

    private int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private boolean forbidden(int ra, int rb) {
        Set<Integer> notA = never.get(ra);
        if (notA != null) {
            for (int other : notA) {
                if (find(other) == rb) {
                    return true;
                }
            }
        }
        Set<Integer> notB = never.get(rb);
        if (notB != null) {
            for (int other : notB) {
                if (find(other) == ra) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean conflict(int ra, int rb) {
        if ((sexes[ra] | sexes[rb]) == 3) {
            return true;
        }
        for (long x : niks(ra)) {
            for (long y : niks(rb)) {
                if (Nik.conflict(Long.toString(x), Long.toString(y))) {
                    return true;
                }
            }
        }
        return false;
    }

    private long[] niks(int root) {
        long[] more = moreNiks.get(root);
        if (more != null) {
            return more;
        }
        return nik[root] == 0 ? new long[0] : new long[] {nik[root]};
    }

    private void join(int ra, int rb) {
        int into = size[ra] >= size[rb] ? ra : rb;
        int from = into == ra ? rb : ra;
        parent[from] = into;
        size[into] += size[from];
        sexes[into] |= sexes[from];
        long[] intoNiks = niks(into);
        long[] fromNiks = niks(from);
        moreNiks.remove(from);
        if (fromNiks.length > 0) {
            long[] joined = Arrays.copyOf(intoNiks, intoNiks.length + fromNiks.length);
            int n = intoNiks.length;
            for (long other : fromNiks) {
                boolean known = false;
                for (int k = 0; k < n; k++) {
                    known |= joined[k] == other;
                }
                if (!known) {
                    joined[n++] = other;
                }
            }
            if (n == 1) {
                nik[into] = joined[0];
                moreNiks.remove(into);
            } else if (n > 1) {
                nik[into] = joined[0];
                moreNiks.put(into, Arrays.copyOf(joined, n));
            }
        }
        Set<Integer> fromNever = never.remove(from);
        if (fromNever != null) {
            never.computeIfAbsent(into, k -> new HashSet<>()).addAll(fromNever);
        }
    }
}
