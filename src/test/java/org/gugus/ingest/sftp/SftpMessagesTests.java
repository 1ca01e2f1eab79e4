package org.gugus.ingest.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.gugus.system.Messages;
import org.junit.jupiter.api.Test;

class SftpMessagesTests {

    @Test
    void saysEveryTextInIndonesianAndInEnglish() throws IOException {
        Properties indonesian = bundle("messages/sftp.properties");
        Properties english = bundle("messages/sftp_en.properties");

        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(indonesian.stringPropertyNames());
        for (String key : indonesian.stringPropertyNames()) {
            var message = Messages.get(key, "A", "B", "C", "D", "E", "F");
            assertThat(message.id()).as(key).isNotBlank().doesNotContain("{");
            assertThat(message.en()).as(key).isNotBlank().doesNotContain("{").isNotEqualTo(message.id());
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = SftpMessagesTests.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(in);
        }
        return properties;
    }
}
