package org.gugus.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
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
