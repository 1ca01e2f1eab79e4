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

    private final String prefix;

    LinkageHashes(LinkageSettings settings, LinkageModel model, String salt) {
        // records' texts (their components' names and values), stable across processes
        this.prefix = salt + ':' + Linkage.keyHash(settings + "|" + model) + ':';
    }

    long of(VictimReport report) {
        StringBuilder text = new StringBuilder(prefix.length() + 160).append(prefix);
        Object[] fields = {report.officeCode(), report.caseNumber(), report.name(), report.nik(), report.sex(),
                report.birthDate(), report.age(), report.reportDate(), report.birthPlace(), report.originRegencyCode(),
                report.originDistrictCode(), report.originVillageCode(), report.address()};
        for (Object field : fields) {
            // a null apart from any text
            text.append(field == null ? "\u0000" : field.toString()).append(SEPARATOR);
        }
        return Linkage.keyHash(text.toString());
    }
}
