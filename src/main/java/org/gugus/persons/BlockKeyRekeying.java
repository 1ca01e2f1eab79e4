package org.gugus.persons;

import java.util.ArrayList;
import java.util.List;
import org.gugus.access.PseudonymHolder;
import org.gugus.access.PseudonymKey;
import org.gugus.persons.linkage.VictimReport;
import org.gugus.warehouse.LinkableVictims;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The hashed block keys are keyed pseudonyms: a new pseudonym key recomputes every one of them. It
 * runs first of the key holders and takes the resolution lock before any of them writes: a
 * resolution links records (locking victim rows for its foreign keys) while the rekeying rewrites
 * the victims' keys, and the two taking rows in different orders would deadlock.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BlockKeyRekeying implements PseudonymHolder {

    private final LinkableVictims victims;
    private final PersonStore store;
    private final BlockKeys blockKeys;

    BlockKeyRekeying(LinkableVictims victims, PersonStore store, BlockKeys blockKeys) {
        this.victims = victims;
        this.store = store;
        this.blockKeys = blockKeys;
    }

    @Override
    public long rekey(PseudonymKey key) {
        store.lock();
        List<VictimReport> reports = new ArrayList<>();
        victims.forEach(victim -> reports.add(PersonResolution.report(victim)));
        String salt = BlockKeys.salt(key);
        store.replaceAllBlockKeys(reports.stream().map(VictimReport::victimId).toList(),
                i -> blockKeys.hashes(reports.get(i), salt));
        return reports.size();
    }
}
