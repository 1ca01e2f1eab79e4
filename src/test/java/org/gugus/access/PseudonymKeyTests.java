package org.gugus.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymKeyTests {

    @TempDir
    Path home;

    @Test
    void generatesAKeyOnlyItsOwnerCanReadAndKeepsItAcrossStarts() throws Exception {
        Path file = home.resolve("keys/pseudonym.key");

        PseudonymKey first = new PseudonymKey("", file);
        PseudonymKey again = new PseudonymKey("", file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(again.pseudonym("NIK:6472014107900001")).isEqualTo(first.pseudonym("NIK:6472014107900001"));
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
    }

    @Test
    void differentKeysGiveDifferentPseudonymsOfTheSameText() {
        PseudonymKey one = PseudonymKey.generate();
        PseudonymKey other = PseudonymKey.generate();

        assertThat(one.pseudonym("NIK:6472014107900001")).hasSize(64)
                .isNotEqualTo(other.pseudonym("NIK:6472014107900001"));
        assertThat(one.fingerprint()).isNotEqualTo(other.fingerprint());
    }

    @Test
    void takesAConfiguredKeyBeforeTheFileAndWritesNoFile() {
        String configured = Base64.getEncoder().encodeToString(new byte[32]);
        Path file = home.resolve("keys/pseudonym.key");

        PseudonymKey key = new PseudonymKey(configured, file);

        assertThat(key.pseudonym("x")).isEqualTo(PseudonymKey.of(new byte[32]).pseudonym("x"));
        assertThat(file).doesNotExist();
        assertThat(key.rotatable()).isFalse();
    }

    @Test
    void pseudonymsAreTheHmacSha256OfJavaxCryptoForTextsOfEveryLengthAndKeysOfEverySize() throws Exception {
        Random random = new Random(13);
        for (int keyBytes : new int[] {32, 63, 64, 65, 100, 200}) {
            byte[] secret = new byte[keyBytes];
            random.nextBytes(secret);
            PseudonymKey key = PseudonymKey.of(secret);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            for (int length = 0; length < 300; length++) {
                StringBuilder text = new StringBuilder("identity\u001f64.72\u001f");
                for (int i = 0; i < length; i++) {
                    text.append((char) (random.nextInt(4) == 0 ? 0x80 + random.nextInt(0x2000) : 0x20 + random.nextInt(0x5f)));
                }
                String value = text.toString();

                assertThat(key.pseudonym(value)).as("key of %d bytes, text of %d characters", keyBytes, length)
                        .isEqualTo(HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8))));
            }
        }
    }

    @Test
    void givesTheSamePseudonymsOnSeveralThreadsAtOnce() throws Exception {
        PseudonymKey key = PseudonymKey.generate();
        List<String> texts = IntStream.range(0, 2_000).mapToObj(i -> "person\u001fNIK:64720142028" + (10_000 + i)).toList();
        List<String> alone = texts.stream().map(key::pseudonym).toList();

        List<String> together = texts.parallelStream().map(key::pseudonym).toList();

        assertThat(together).isEqualTo(alone);
    }

    @Test
    void refusesAKeyShorterThan32Bytes() {
        String configured = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> new PseudonymKey(configured, home.resolve("k"))).hasMessageContaining("32");
    }

    @Test
    void replacingTheKeyWritesTheNewOneToTheFile() {
        Path file = home.resolve("keys/pseudonym.key");
        PseudonymKey key = new PseudonymKey("", file);
        PseudonymKey next = PseudonymKey.generate();

        key.replaceWith(next);

        assertThat(key.fingerprint()).isEqualTo(next.fingerprint());
        assertThat(new PseudonymKey("", file).fingerprint()).isEqualTo(next.fingerprint());
    }
}
