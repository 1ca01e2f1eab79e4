package org.gugus.intake.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gugus.access.PseudonymKey;
import org.gugus.access.PseudonymKeys;
import org.gugus.intake.validate.VictimIdentity;
import org.junit.jupiter.api.Test;

class IdentityKeysTests {

    private static final String NIK = "6472014107900001";

    private final PseudonymKey key = PseudonymKeys.random();

    @Test
    void keysAreNotThePlainSha256OfTheNikOrOfTheIdentity() throws Exception {
        VictimIdentity identity = VictimIdentity.of("TPPO/SMD/0001", "Siti", NIK, null, 17);

        IdentityKeys keys = IdentityKeys.of("64.72", identity, key);

        assertThat(keys.personKey()).isNotEqualTo(sha256("NIK:" + NIK)).isNotEqualTo(sha256(NIK));
        assertThat(keys.identityKey()).isNotEqualTo(sha256("64.72\u001f" + identity.key()));
        assertThat(keys.identityKey()).isNotEqualTo(keys.personKey()).hasSize(64);
    }

    @Test
    void anotherKeyGivesOtherKeysForTheSameVictim() {
        VictimIdentity identity = VictimIdentity.of("TPPO/SMD/0001", "Siti", NIK, null, 17);

        assertThat(IdentityKeys.of("64.72", identity, PseudonymKeys.random()).personKey())
                .isNotEqualTo(IdentityKeys.of("64.72", identity, key).personKey());
    }

    @Test
    void theStoredNormalisedRowGivesTheKeysItWasLoadedWith() {
        Map<String, Object> caseRow = new LinkedHashMap<>();
        caseRow.put("case_number", "TPPO/SMD/0002");
        caseRow.put("victim_name", "Nur Aini");
        caseRow.put("nik", null);
        caseRow.put("birth_date", "2008-03-01");
        caseRow.put("age", 16);

        IdentityKeys stored = IdentityKeys.of("64.72", caseRow, key);
        IdentityKeys loaded = IdentityKeys.of("64.72",
                VictimIdentity.of("tppo/smd/0002 ", "NUR  AINI", null, LocalDate.of(2008, 3, 1), 16), key);

        assertThat(stored).isEqualTo(loaded);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
