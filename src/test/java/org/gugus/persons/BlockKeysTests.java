package org.gugus.persons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

class BlockKeysTests {

    @Test
    void hashesManyKeysUnderOneSaltAsEachSaltedKeyIsHashed() {
        String salt = "c2FsdCDDqSDwn5iA";
        ToLongFunction<String> hashing = BlockKeys.hashing(salt);
        for (String key : List.of("", "nby:SUMARNI:1990", "name:AMINAH SITI", "bds:7305:2", "nby:ÉLODIE:1990",
                "nby:محمد:1988", "name:😀 SITI", "nby:\ud800X:1990", "nby:X\udc00", "nby:X\ud800")) {
            assertThat(hashing.applyAsLong(key)).as(key).isEqualTo(BlockKeys.hash(key, salt));
        }
    }
}
