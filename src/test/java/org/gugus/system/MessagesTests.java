package org.gugus.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessagesTests {

    @Test
    void givesBothLanguagesWithNumbersAsWritten() {
        Message message = Messages.get("system.command.failed", 2000000);

        assertThat(message.id()).isEqualTo("Gugus gagal: 2000000");
        assertThat(message.en()).isEqualTo("Gugus failed: 2000000");
        assertThat(message.both()).isEqualTo("Gugus gagal: 2000000 / Gugus failed: 2000000");
    }

    @Test
    void insertsAPartWordedInBothLanguagesInTheLanguageBeingWritten() {
        Message message = Messages.get("system.command.failed", new Message("berkas kosong", "empty file"));

        assertThat(message.both()).isEqualTo("Gugus gagal: berkas kosong / Gugus failed: empty file");
    }

    @Test
    void fallsBackToIndonesianForOtherLanguages() {
        assertThat(Messages.text(Locale.FRENCH, "system.command.failed", "x")).isEqualTo("Gugus gagal: x");
    }

    @Test
    void refusesAKeyWithoutText() {
        assertThatThrownBy(() -> Messages.get("system.no-such-key"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("system.no-such-key");
    }
}
