package org.gugus.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryCopyTests {

    @Test
    void writesEachTextAsItsUtf8BytesAfterItsLengthShortOrLongAsciiOrNot() throws Exception {
        List<String> texts = List.of("", "Siti", "Jl. Contoh No. 12", "Anisa Rahmawati binti Ahmad Usman", "José",
                "Ñoño Pérez dari Kecamatan Sungai Kunjang", "Dewi’s", "a".repeat(300) + "é");
        BinaryCopy copy = new BinaryCopy();
        copy.row(texts.size());
        for (String text : texts) {
            copy.text(text);
        }
        ByteBuffer encoded = ByteBuffer.wrap(copy.take());

        assertThat(encoded.getShort()).isEqualTo((short) texts.size());
        List<String> read = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            byte[] value = new byte[encoded.getInt()];
            encoded.get(value);
            read.add(new String(value, StandardCharsets.UTF_8));
        }
        assertThat(read).isEqualTo(texts);
        assertThat(encoded.hasRemaining()).isFalse();
    }

    @Test
    void writesTextsJoinedAsTheOneTextTheyJoinToNullOnesAsTheMarker() throws Exception {
        String[] cells = {"1", "José", null, "", "Anisa Rahmawati binti Ahmad Usman", "Dewi’s"};
        BinaryCopy copy = new BinaryCopy();
        copy.row(2);
        copy.joinedText(cells, '\u001f', '\u001e');
        copy.joinedText(new String[0], '\u001f', '\u001e');
        ByteBuffer encoded = ByteBuffer.wrap(copy.take());

        assertThat(encoded.getShort()).isEqualTo((short) 2);
        byte[] value = new byte[encoded.getInt()];
        encoded.get(value);
        assertThat(new String(value, StandardCharsets.UTF_8))
                .isEqualTo("1\u001fJosé\u001f\u001e\u001f\u001fAnisa Rahmawati binti Ahmad Usman\u001fDewi’s");
        assertThat(encoded.getInt()).isZero();
        assertThat(encoded.hasRemaining()).isFalse();
    }
}
