package org.gugus.intake.job;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gugus.access.PseudonymHolder;
import org.gugus.access.PseudonymKey;
import org.gugus.warehouse.VictimKeys;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recomputes the identity and person keys of every victim record and staged row from the
 * normalised row each keeps, with the key given: how a key rotation (or the move from the plain
 * SHA-256 keys) reaches the data while identities stay what they were.
 */
@Component
class IdentityPseudonyms implements PseudonymHolder {

    private final VictimKeys victims;
    private final JsonMapper json;

    IdentityPseudonyms(VictimKeys victims, JsonMapper json) {
        this.victims = victims;
        this.json = json;
    }

    @Override
    @SuppressWarnings("unchecked")
    public long rekey(PseudonymKey key) {
        return victims.rekey((officeCode, caseRow) -> {
            IdentityKeys keys = IdentityKeys.of(officeCode, json.readValue(caseRow, LinkedHashMap.class), key);
            return new VictimKeys.Keys(keys.identityKey(), keys.personKey());
        });
    }
}
