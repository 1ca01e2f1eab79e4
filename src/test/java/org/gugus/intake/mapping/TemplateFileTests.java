package org.gugus.intake.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The template bound to records: a malformed file is refused with the path of the key to fix, in both languages. */
class TemplateFileTests {

    @Test
    void namesTheKeyWhereAListWasExpected() {
        assertRefused(template().replace("aliases: [Keterangan, Catatan, Ket., Notes]", "aliases: Keterangan"),
                "fields.notes.aliases: expected a list such as [a, b], found 'Keterangan'",
                "fields.notes.aliases: seharusnya daftar seperti [a, b], ditemukan 'Keterangan'");
    }

    @Test
    void namesAnUnknownKeyAndTheKeysKnownThere() {
        assertRefused(template().replace("aliases: [Keterangan, Catatan, Ket., Notes]", "alias: [Keterangan]"),
                "fields.notes: unknown key 'alias'; the keys here are aliases, required",
                "fields.notes: kunci 'alias' tidak dikenal di sini");
    }

    @Test
    void namesAMissingLabelByItsEntry() {
        assertRefused(template().replace("      label_en: Female\n", ""), "vocabularies.sex[1].label_en: missing",
                "vocabularies.sex[1].label_en: tidak ada");
    }

    @Test
    void namesANumberThatIsNotOne() {
        assertRefused(template().replace("search_rows: 30", "search_rows: tiga puluh"),
                "header.search_rows: expected a whole number, found 'tiga puluh'",
                "header.search_rows: seharusnya bilangan bulat, ditemukan 'tiga puluh'");
    }

    @Test
    void namesAMonthOutsideTheYear() {
        assertRefused(template().replace("    12: [Desember", "    13: [Desember"), "dates.months.13: months are numbered 1 to 12",
                "dates.months.13: bulan bernomor 1 sampai 12");
    }

    @Test
    void namesAnEmptyAliasByItsIndex() {
        assertRefused(template().replace("aliases: [Keterangan, Catatan, Ket., Notes]", "aliases: [Keterangan, '']"),
                "fields.notes.aliases[1]: expected a text, found ''", "fields.notes.aliases[1]: seharusnya sebuah teks");
    }

    private static void assertRefused(String yaml, String english, String indonesian) {
        assertThatExceptionOfType(InvalidTemplateException.class)
                .isThrownBy(() -> Template.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .satisfies(e -> assertThat(e.text().en()).startsWith("template: ").contains(english))
                .satisfies(e -> assertThat(e.text().id()).startsWith("template: ").contains(indonesian));
    }

    private static String template() {
        try {
            return Files.readString(TemplateTests.TEMPLATE_FILE);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
