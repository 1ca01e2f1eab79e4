package org.gugus.access;

import java.util.List;
import java.util.Optional;
import org.gugus.system.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every stored pseudonym made with the current key. At start-up, before any route or load
 * runs, a key whose fingerprint differs from the one recorded ({@code access.pseudonym_key}) has
 * every {@link PseudonymHolder} recompute its pseudonyms from the data it keeps, in one transaction
 * with the new fingerprint: on the first start after the plain SHA-256 keys, after a rotation, or
 * when a key is restored. A rotation does the same with a new key and then puts the key file in place.
 */
@Service
public class PseudonymRekeying implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PseudonymRekeying.class);

    private final PseudonymKey key;
    private final List<PseudonymHolder> holders;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Audit audit;

    PseudonymRekeying(PseudonymKey key, List<PseudonymHolder> holders, JdbcClient jdbc,
            TransactionTemplate transaction, Audit audit) {
        this.key = key;
        this.holders = holders;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.audit = audit;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (key.problem().isPresent()) {
            return; // readiness reports it (PseudonymKeyCheck); rows are keyed once the key is there
        }
        if (!key.fingerprint().equals(applied().orElse(null))) {
            long rows = rekey(key, false);
            log.info(Messages.get("access.keys.rekeyed", rows).both());
        }
    }

    /**
     * Replaces the key with a new random one and recomputes every pseudonym with it; returns how
     * many rows were rewritten. Should the key file not be replaced after the commit, the next
     * start finds the old key and recomputes everything with it: the keys stay consistent either way.
     */
    public long rotate() {
        if (!key.rotatable()) {
            throw new IllegalStateException(Messages.get("access.keys.not-rotatable").both());
        }
        PseudonymKey next = PseudonymKey.generate();
        long rows = rekey(next, true);
        key.replaceWith(next);
        audit.change("KEY_ROTATED", "pseudonym-key " + next.fingerprint(), List.of());
        return rows;
    }

    private long rekey(PseudonymKey with, boolean always) {
        return transaction.execute(status -> {
            jdbc.sql("lock table access.pseudonym_key in exclusive mode").update();
            if (!always && with.fingerprint().equals(applied().orElse(null))) {
                return 0L; // another Gugus process starting at the same time did it
            }
            long rows = holders.stream().mapToLong(holder -> holder.rekey(with)).sum();
            jdbc.sql("""
                    insert into access.pseudonym_key (fingerprint) values (?)
                    on conflict (id) do update set fingerprint = excluded.fingerprint, applied_at = now()
                    """).param(with.fingerprint()).update();
            return rows;
        });
    }

    private Optional<String> applied() {
        return jdbc.sql("select fingerprint from access.pseudonym_key").query(String.class).optional();
    }
}
