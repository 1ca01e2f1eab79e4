package org.gugus.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

@ExtendWith(OutputCaptureExtension.class)
class OutcomeJsonAheadTests {

    private static JsonMapper mapper() {
        return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    }

    @Test
    void aMapperMadeReadyWritesAndReadsAFilesOutcomeAsAnUnpreparedOneDoes() {
        JsonMapper prepared = mapper();
        OutcomeJsonAhead.prepare(prepared);
        FileOutcome loaded = new FileOutcome("paser-juli.xlsx", 7, "64.01", "ab12", "XLSX", LoadStatus.LOADED, 10, 6, 1,
                0, 1, 2, 0, 3, Map.of("R_NIK", 2L), Map.of("W_SEX", 3L), List.of("Catatan"), null, null);
        FileOutcome quarantined = FileOutcome.quarantined("paser-juli.xlsx", 8, "64.01", "ab12", "XLSX",
                new FileError("F_NO_HEADER", "Tidak ada judul kolom", "No header row"));

        for (FileOutcome outcome : List.of(loaded, quarantined)) {
            String json = prepared.writeValueAsString(outcome);
            assertThat(json).isEqualTo(mapper().writeValueAsString(outcome));
            assertThat(prepared.readValue(json, FileOutcome.class)).isEqualTo(outcome);
        }
    }

    @Test
    void aMapperThatCannotWriteAnOutcomeIsLoggedWithItsCauseAndTheStartGoesOn(CapturedOutput output) {
        JsonMapper failing = JsonMapper.builder().addModule(new SimpleModule().addSerializer(FileOutcome.class,
                new ValueSerializer<FileOutcome>() {
                    @Override
                    public void serialize(FileOutcome value, JsonGenerator generator, SerializationContext context) {
                        throw new IllegalStateException("no writer of outcomes");
                    }
                })).build();

        OutcomeJsonAhead.prepare(failing);

        assertThat(output).contains("The outcome's JSON not made ready ahead", "no writer of outcomes");
    }
}
