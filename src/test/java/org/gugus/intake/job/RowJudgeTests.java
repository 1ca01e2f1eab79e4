package org.gugus.intake.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Random;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gugus.access.PseudonymKeys;
import org.gugus.intake.IntakeTemplate;
import org.gugus.intake.IntakeTemplates;
import org.gugus.intake.mapping.Field;
import org.gugus.intake.mapping.MappedRow;
import org.gugus.intake.validate.CaseRow;
import org.gugus.warehouse.StagedCase;
import org.gugus.workbook.CellValue;
import org.junit.jupiter.api.Test;

class RowJudgeTests {

    private static final IntakeTemplate TEMPLATE = IntakeTemplates.provincial();

    @Test
    void rowHashIsTheMurmurHashOfTheFingerprintTheSheetsHeadersAndTheCellsForEveryRowOfEverySheet() throws Exception {
        RowJudge judge = new RowJudge(1, "64.72", LocalDate.of(2024, 6, 10), TEMPLATE, PseudonymKeys.random(),
                ContentHashFunction.MURMUR3);
        Map<Field, String> sheetOne = headers("Nama Korban", "NIK");
        Map<Field, String> sheetTwo = headers("Nama", "No. KTP");
        MappedRow first = row(sheetOne, "Siti Aminah", "6472014507900001");
        MappedRow second = row(sheetOne, "Nur Aini", "6472014507900002");
        MappedRow other = row(sheetTwo, "Siti Aminah", "6472014507900001");

        assertThat(judge.rowHash(first)).isEqualTo(asSpecified(first));
        assertThat(judge.rowHash(second)).isEqualTo(asSpecified(second)).isNotEqualTo(asSpecified(first));
        assertThat(judge.rowHash(other)).isEqualTo(asSpecified(other)).isNotEqualTo(asSpecified(first));
        assertThat(judge.rowHash(first)).isEqualTo(asSpecified(first));
    }

    @Test
    void stagesEachCodeListWithEachCodeOnceInOrder() {
        Random random = new Random(5);
        String[] codes = {"SEKSUAL", "PRT", "ABK", "KERJA_PAKSA", "LAINNYA"};
        for (int i = 0; i < 2_000; i++) {
            List<String> exploitation = new ArrayList<>();
            for (int c = random.nextInt(7); c > 0; c--) {
                exploitation.add(codes[random.nextInt(codes.length)]);
            }
            List<String> services = new ArrayList<>(exploitation);
            Collections.reverse(services);
            StagedCase staged = RowJudge.staged(new CaseRow("TPPO/1", LocalDate.of(2024, 6, 5), null, "Nama", null, "P",
                    null, null, 20, "Samarinda", "64.72", null, null, null, null, null, "WNI", "ID", null, exploitation,
                    List.of(), "MY", null, null, services, null));
            List<String> expected = exploitation.stream().distinct().sorted().toList();
            assertThat(staged.exploitation()).as(exploitation.toString()).isEqualTo(expected);
            assertThat(staged.services()).isEqualTo(expected);
            assertThat(staged.recruitment()).isEmpty();
        }
    }

    /**
     * MurmurHash3 x64 128 under the two seeds of the version tag, the SHA-256 of the template's
     * fingerprint and the digest of the sheet's headers, then the cells' encoding.
     */
    private static byte[] asSpecified(MappedRow row) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(TEMPLATE.fingerprint());
        digest.update(RowHashInput.headersDigest(row.headers()));
        RowHashInput input = new RowHashInput().clear().sheet(digest.digest());
        for (Field field : Field.values()) {
            input.cell(row.values().get(field));
        }
        return input.hash();
    }

    private static Map<Field, String> headers(String name, String nik) {
        Map<Field, String> headers = new EnumMap<>(Field.class);
        headers.put(Field.VICTIM_NAME, name);
        headers.put(Field.NIK, nik);
        return headers;
    }

    private static MappedRow row(Map<Field, String> headers, String name, String nik) {
        Map<Field, CellValue> values = new EnumMap<>(Field.class);
        values.put(Field.VICTIM_NAME, CellValue.text(name));
        values.put(Field.NIK, CellValue.text(nik));
        Map<String, String> original = new LinkedHashMap<>();
        original.put(headers.get(Field.VICTIM_NAME), name);
        original.put(headers.get(Field.NIK), nik);
        return new MappedRow("Sheet1", 2, values, headers, original);
    }
}
