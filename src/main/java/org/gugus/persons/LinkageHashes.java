package org.gugus.persons;

import org.gugus.persons.linkage.Linkage;
import org.gugus.persons.linkage.LinkageModel;
import org.gugus.persons.linkage.LinkageSettings;
import org.gugus.persons.linkage.VictimReport;

/**
 * A keyed 64-bit hash of what linkage compares of a record, under given settings and model: every field of
 * its {@link VictimReport} but its id, with the settings and the model, behind the block keys' secret salt
 * ({@link BlockKeys#salt}). Two equal hashes say the record would be compared and blocked exactly as when it
 * was resolved, so a record re-delivered with only other fields changed keeps its person. Stored in
 * {@code persons.victim_person.linkage_hash}; not reversible to a name or NIK without the pseudonym key.
 */
final class LinkageHashes {

    private static final char SEPARATOR = '\u001f';

    /** The hash's state after the prefix: the salt, the settings and the model. */
    private final long prefix;

    LinkageHashes(LinkageSettings settings, LinkageModel model, String salt) {
        // records' texts (their components' names and values), stable across processes
        this.prefix = Linkage.keyHashStart(salt + ':' + Linkage.keyHash(settings + "|" + model) + ':');
    }

    /**
     * The hash of the prefix, then each field's text (a null as U+0000) followed by U+001F, hashed as it goes: the
     * text of the whole record is not built (100,000 of them in a first load, each copied twice more for its bytes).
     */
    long of(VictimReport report) {
        long hash = prefix;
        hash = field(hash, report.officeCode());
        hash = field(hash, report.caseNumber());
        hash = field(hash, report.name());
        hash = field(hash, report.nik());
        hash = field(hash, report.sex());
        hash = field(hash, report.birthDate());
        hash = field(hash, report.age());
        hash = field(hash, report.reportDate());
        hash = field(hash, report.birthPlace());
        hash = field(hash, report.originRegencyCode());
        hash = field(hash, report.originDistrictCode());
        hash = field(hash, report.originVillageCode());
        hash = field(hash, report.address());
        return Linkage.keyHashEnd(hash);
    }

    private static long field(long hash, Object field) {
        // a null apart from any text
        long text = field == null ? Linkage.keyHashNext(hash, '\u0000') : Linkage.keyHashNext(hash, field.toString());
        return Linkage.keyHashNext(text, SEPARATOR);
    }
}
