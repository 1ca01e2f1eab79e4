package org.gugus.warehouse;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finds, among the rows of a publish plan that match no victim record by identity, those that
 * continue a record of the same office and case under another identity, and gives that record the
 * new identity so that the row updates it instead of adding a second victim: a NIK added to a victim
 * first reported without one, a mistyped NIK corrected (same name and birth date, at most two digits
 * apart), a name corrected (same birth date, or same age when neither gives one; the names at most two
 * letters apart, or one containing every word of the other, as when "binti ..." is added).
 * <p>
 * Only unambiguous continuations are taken: one row for one record, the record not delivered again
 * under its own identity in the same file. Anything else stays a new record; linkage into persons
 * decides later whether it is the same human being.
 */
final class VictimContinuation {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern APOSTROPHES = Pattern.compile("['`\u2019]");
    private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}]+");

    private VictimContinuation() {
    }

    /** One row of the plan and one record of its case that it might continue. */
    record Candidate(String identityKey, Victim row, long victimId, Victim record) {
    }

    /** What decides a continuation, of a row or a record. */
    record Victim(String name, String nik, LocalDate birthDate, Integer age) {
    }

    /**
     * Rekeys the continued records and points their plan rows at them; returns how many. A record that
     * a thin row of the file repeats (in {@code warehouse.staged_run}) is delivered under its own
     * identity and continues nothing.
     */
    static int apply(JdbcClient jdbc, long fileId, String officeCode) {
        List<Candidate> candidates = jdbc.sql("""
                select p.identity_key, p.victim_name as row_name, p.nik as row_nik,
                       p.birth_date::date as row_birth, p.age::integer as row_age,
                       v.id, v.victim_name, v.nik, v.birth_date, v.age
                  from publish_plan p
                  join warehouse.tppo_case c on c.office_code = ? and c.case_number = p.case_number
                  join warehouse.victim v on v.case_id = c.id
                 where p.victim_id is null
                   and not exists (select 1 from publish_plan q where q.identity_key = v.identity_key)
                   and not exists (select 1 from plan_winner w where w.victim_id = v.id)
                """).param(officeCode).query((rs, n) -> new Candidate(rs.getString(1),
                        new Victim(rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                                (Integer) rs.getObject(5)),
                        rs.getLong(6), new Victim(rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class),
                                (Integer) rs.getObject(10))))
                .list();
        Set<Long> repeated = repeatedThin(jdbc, fileId, candidates);
        List<Candidate> continuations = unambiguous(candidates.stream()
                .filter(c -> !repeated.contains(c.victimId()) && continues(c.row(), c.record())).toList());
        for (Candidate continuation : continuations) {
            jdbc.sql("update warehouse.victim set identity_key = ? where id = ?")
                    .params(continuation.identityKey(), continuation.victimId()).update();
            jdbc.sql("""
                    update publish_plan p set victim_id = v.id, old_hash = v.content_hash,
                           changed = v.content_hash is distinct from p.content_hash
                      from warehouse.victim v where v.id = ? and p.identity_key = ?
                    """).params(continuation.victimId(), continuation.identityKey()).update();
        }
        return continuations.size();
    }

    /**
     * The candidates' records that a thin row of the file repeats: looked for only when there are
     * candidates (a re-delivery's thin rows are not unfolded otherwise).
     */
    private static Set<Long> repeatedThin(JdbcClient jdbc, long fileId, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        Long[] records = candidates.stream().map(Candidate::victimId).distinct().toArray(Long[]::new);
        return Set.copyOf(jdbc.sql("""
                select distinct t.victim_id
                  from warehouse.staged_run u
                 cross join lateral unnest(u.victim_ids) t(victim_id)
                  join unnest(?::bigint[]) c(victim_id) on c.victim_id = t.victim_id
                 where u.file_id = ?
                """).params(records, fileId).query(Long.class).list());
    }

    /** Whether a row is the same victim of the same case as a record that has another identity. */
    static boolean continues(Victim row, Victim record) {
        String rowName = name(row.name());
        String recordName = name(record.name());
        if (row.nik() != null && record.nik() == null) {
            return rowName.equals(recordName) && sameBirth(row, record, true);
        }
        if (row.nik() != null) {
            return rowName.equals(recordName) && row.birthDate() != null && row.birthDate().equals(record.birthDate())
                    && digitsApart(row.nik(), record.nik()) <= 2;
        }
        if (record.nik() != null) {
            return false;
        }
        return sameBirth(row, record, false) && (editDistance(rowName, recordName) <= 2 || wordsWithin(rowName, recordName));
    }

    private static List<Candidate> unambiguous(List<Candidate> continuations) {
        Map<String, Integer> perRow = new HashMap<>();
        Map<Long, Integer> perRecord = new HashMap<>();
        for (Candidate c : continuations) {
            perRow.merge(c.identityKey(), 1, Integer::sum);
            perRecord.merge(c.victimId(), 1, Integer::sum);
        }
        return continuations.stream()
                .filter(c -> perRow.get(c.identityKey()) == 1 && perRecord.get(c.victimId()) == 1)
                .toList();
    }

    /**
     * Same birth: equal birth dates; or, when neither gives one, equal ages; a NIK added may also
     * fill in a birth date or an age that the first report lacked ({@code lenient}).
     */
    private static boolean sameBirth(Victim row, Victim record, boolean lenient) {
        if (row.birthDate() != null && record.birthDate() != null) {
            return row.birthDate().equals(record.birthDate());
        }
        if (row.birthDate() == null && record.birthDate() == null) {
            if (row.age() != null && record.age() != null) {
                return row.age().equals(record.age());
            }
            return lenient;
        }
        return lenient;
    }

    private static boolean wordsWithin(String a, String b) {
        Set<String> wordsA = Set.of(a.split(" "));
        Set<String> wordsB = Set.of(b.split(" "));
        return !a.isEmpty() && !b.isEmpty() && (wordsA.containsAll(wordsB) || wordsB.containsAll(wordsA));
    }

    private static int digitsApart(String a, String b) {
        if (a.length() != b.length()) {
            return Integer.MAX_VALUE;
        }
        int apart = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                apart++;
            }
        }
        return apart;
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** A name as identities compare it: capitals, accents and punctuation dropped. */
    static String name(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        return PUNCTUATION.matcher(APOSTROPHES.matcher(decomposed).replaceAll("")).replaceAll(" ").strip()
                .toUpperCase(Locale.ROOT);
    }
}
