package org.gugus.intake.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.commons.codec.digest.MurmurHash3;
import org.gugus.warehouse.StagedCase;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

class CaseRowTextTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void writesTheBytesJacksonsTextGaveForEveryCharacter() {
        CaseRowText text = new CaseRowText();
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            every.append(c);
            if (every.length() == 512) {
                assertSameText(text, row(every.toString(), every.reverse().toString(), List.of(every.toString())));
                every.setLength(0);
            }
        }
        assertSameText(text, row(every.toString(), "\uffff", List.of()));
    }

    @Test
    void writesTheBytesJacksonsTextGaveForSurrogatesPairedAndAlone() {
        CaseRowText text = new CaseRowText();
        for (String value : List.of("\ud83d\ude00", "a\ud83d", "\ude00b", "\ude00\ud83d", "\ud83d\ud83d\ude00",
                "\ud800", "\udfff", "x\udbff\udfffy", "\ud83d\ude00\ude00")) {
            assertSameText(text, row(value, value, List.of(value, "KODE")));
        }
    }

    @Test
    void writesTheBytesJacksonsTextGaveForRandomRows() {
        CaseRowText text = new CaseRowText();
        Random random = new Random(13);
        char[] pool = "aZ09 /\\\"'\0\b\t\n\f\r\u001f\u007f\u0080\u00a0\u00e9\u07ff\u0800\u2028\ufffd\uffff\ud83d\ude00"
                .toCharArray();
        for (int i = 0; i < 2_000; i++) {
            String[] values = new String[3];
            for (int v = 0; v < values.length; v++) {
                StringBuilder value = new StringBuilder();
                for (int length = random.nextInt(40); length > 0; length--) {
                    value.append(pool[random.nextInt(pool.length)]);
                }
                values[v] = random.nextInt(8) == 0 ? null : value.toString();
            }
            List<String> codes = new ArrayList<>();
            for (int code = random.nextInt(4); code > 0; code--) {
                codes.add(values[1] == null ? "" : values[1]);
            }
            assertSameText(text, new StagedCase(values[0], "2024-06-05", null, values[1], null, "P", values[2],
                    null, random.nextBoolean() ? null : random.nextInt(-5, 200), values[2], null, null, null, null,
                    null, values[0], "WNI", "ID", null, codes, List.of(), "MY", values[1], "P21", codes, values[2]));
        }
    }

    @Test
    void contentHashOfAnOfficeWithSha256RecordsIsTheSha256OfTheTextInHex() throws Exception {
        StagedCase row = row("TPPO/0001", "Siti \"Ani\" Aminah", List.of("PRT", "SEKSUAL"));

        String hash = new CaseRowText().contentHash(row, ContentHashFunction.SHA_256);

        assertThat(hash).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(jackson(row).getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void contentHashByMurmurHashIsMarkedAndTheTwoSeedsHashesOfTheTextInHex() {
        StagedCase row = row("TPPO/0001", "Siti \"Ani\" Aminah", List.of("PRT", "SEKSUAL"));
        byte[] text = jackson(row).getBytes(StandardCharsets.UTF_8);
        long[] first = MurmurHash3.hash128x64(text, 0, text.length, 0x636f6e74);
        long[] second = MurmurHash3.hash128x64(text, 0, text.length, 0x656e7432);

        String hash = new CaseRowText().contentHash(row, ContentHashFunction.MURMUR3);

        HexFormat hex = HexFormat.of();
        assertThat(hash).hasSize(64).isEqualTo("m" + hex.toHexDigits(first[0]).substring(1)
                + hex.toHexDigits(first[1]) + hex.toHexDigits(second[0]) + hex.toHexDigits(second[1]));
        assertThat(new CaseRowText().contentHash(row("TPPO/0001", "Siti Aminah", List.of("PRT", "SEKSUAL")),
                ContentHashFunction.MURMUR3)).isNotEqualTo(hash);
    }

    @Test
    void anOfficeKeepsTheFunctionItsRecordsCarryAndAnOfficeWithoutRecordsTakesMurmurHash() {
        StagedCase row = row("TPPO/0001", "Siti Aminah", List.of("PRT"));
        String sha256 = new CaseRowText().contentHash(row, ContentHashFunction.SHA_256);
        String murmur = new CaseRowText().contentHash(row, ContentHashFunction.MURMUR3);

        assertThat(ContentHashFunction.ofStored(Optional.of(sha256))).isEqualTo(ContentHashFunction.SHA_256);
        assertThat(ContentHashFunction.ofStored(Optional.of("0".repeat(64)))).isEqualTo(ContentHashFunction.SHA_256);
        assertThat(ContentHashFunction.ofStored(Optional.of(murmur))).isEqualTo(ContentHashFunction.MURMUR3);
        assertThat(ContentHashFunction.ofStored(Optional.empty())).isEqualTo(ContentHashFunction.MURMUR3);
    }

    private static void assertSameText(CaseRowText text, StagedCase row) {
        assertThat(text.text(row)).isEqualTo(jackson(row).getBytes(StandardCharsets.UTF_8));
    }

    private static StagedCase row(String text, String other, List<String> codes) {
        return new StagedCase(text, "2024-06-05", "2024-05-01", other, "6472014202810001", "P", text, "1981-02-02", 43,
                other, "64.72", text, "64.72.01", other, "64.72.01.1001", text, "WNI", "ID", other, codes, List.of(),
                "MY", text, "P21", codes, other);
    }

    /** The normalised row's text as the stored content hashes were made of it: Jackson's generator, then UTF-8. */
    private static String jackson(StagedCase row) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            text(json, "case_number", row.caseNumber());
            text(json, "report_date", row.reportDate());
            text(json, "incident_date", row.incidentDate());
            text(json, "victim_name", row.victimName());
            text(json, "nik", row.nik());
            text(json, "sex", row.sex());
            text(json, "birth_place", row.birthPlace());
            text(json, "birth_date", row.birthDate());
            json.writeName("age");
            if (row.age() == null) {
                json.writeNull();
            } else {
                json.writeNumber(row.age().intValue());
            }
            text(json, "origin_regency", row.originRegency());
            text(json, "origin_regency_code", row.originRegencyCode());
            text(json, "origin_district", row.originDistrict());
            text(json, "origin_district_code", row.originDistrictCode());
            text(json, "origin_village", row.originVillage());
            text(json, "origin_village_code", row.originVillageCode());
            text(json, "address", row.address());
            text(json, "citizenship", row.citizenship());
            text(json, "citizenship_country", row.citizenshipCountry());
            text(json, "education", row.education());
            codes(json, "exploitation", row.exploitation());
            codes(json, "recruitment", row.recruitment());
            text(json, "destination_country", row.destinationCountry());
            text(json, "destination_area", row.destinationArea());
            text(json, "case_stage", row.caseStage());
            codes(json, "services", row.services());
            text(json, "notes", row.notes());
            json.writeEndObject();
        }
        return text.toString();
    }

    private static void text(JsonGenerator json, String name, String value) {
        json.writeName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeString(value);
        }
    }

    private static void codes(JsonGenerator json, String name, List<String> codes) {
        json.writeName(name);
        json.writeStartArray();
        for (String code : codes) {
            json.writeString(code);
        }
        json.writeEndArray();
    }
}
