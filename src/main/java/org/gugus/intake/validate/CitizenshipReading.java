package org.gugus.intake.validate;

import java.util.List;
import java.util.Optional;
import org.gugus.intake.mapping.MatchKey;
import org.gugus.intake.mapping.Template;
import org.gugus.intake.mapping.Vocabulary;
import org.gugus.workbook.CellValue;

/**
 * What a citizenship cell was read as: WNI, or WNA with the country when it is written ("WNA
 * Malaysia", "WNA (Filipina)", "Malaysia (WNA)", or the country alone). An Indonesian is WNI with
 * country ID.
 */
public sealed interface CitizenshipReading {

    String WNI = "WNI";
    String WNA = "WNA";
    String INDONESIA = "ID";

    record Blank() implements CitizenshipReading {
    }

    /** @param country ISO 3166-1 alpha-2 code; {@code null} for a WNA whose country is not written */
    record Valid(String status, String country) implements CitizenshipReading {
    }

    record Unknown() implements CitizenshipReading {
    }

    static CitizenshipReading read(CellValue cell, Template template) {
        if (template.isBlank(cell)) {
            return new Blank();
        }
        String text = cell.text();
        // Status and country together first: "WNA (Filipina)" must not be read as a bare "WNA".
        List<String> words = MatchKey.words(text);
        for (int split = 1; split < words.size(); split++) {
            String head = String.join(" ", words.subList(0, split));
            String tail = String.join(" ", words.subList(split, words.size()));
            Optional<Vocabulary.Term> headStatus = template.citizenship().match(head);
            Optional<String> tailCountry = template.countries().code(tail);
            if (headStatus.isPresent() && tailCountry.isPresent()) {
                return combined(headStatus.get().code(), tailCountry.get());
            }
            Optional<Vocabulary.Term> tailStatus = template.citizenship().match(tail);
            Optional<String> headCountry = template.countries().code(head);
            if (tailStatus.isPresent() && headCountry.isPresent()) {
                return combined(tailStatus.get().code(), headCountry.get());
            }
        }
        Optional<Vocabulary.Term> status = template.citizenship().match(text);
        if (status.isPresent()) {
            return status.get().code().equals(WNI) ? new Valid(WNI, INDONESIA) : new Valid(WNA, null);
        }
        Optional<String> country = template.countries().code(text);
        if (country.isPresent()) {
            return combined(country.get().equals(INDONESIA) ? WNI : WNA, country.get());
        }
        return new Unknown();
    }

    private static CitizenshipReading combined(String status, String country) {
        if (WNI.equals(status) && INDONESIA.equals(country)) {
            return new Valid(WNI, INDONESIA);
        }
        if (WNA.equals(status) && !INDONESIA.equals(country)) {
            return new Valid(WNA, country);
        }
        return new Unknown();
    }
}
