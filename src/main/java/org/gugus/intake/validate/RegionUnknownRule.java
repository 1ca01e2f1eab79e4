package org.gugus.intake.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.gugus.intake.mapping.Field;
import org.gugus.reference.RegencyMatch;
import org.gugus.reference.Region;
import org.gugus.system.Message;

/**
 * E_REGION_UNKNOWN: origin_regency names no regency/city of Indonesia, or a name that fits more
 * than one (the candidates are in the message). A former code (64.04) or a BPS code is not read as
 * a regency, because a Kaltim office writing 6404 may mean BPS Kutai Timur as well as the former
 * Bulungan: the message names both readings.
 */
final class RegionUnknownRule implements RowRule {

    @Override
    public List<Finding> check(RowUnderCheck row) {
        if (row.isBlank(Field.ORIGIN_REGENCY)) {
            return List.of();
        }
        String value = RowUnderCheck.shown(row.written(Field.ORIGIN_REGENCY));
        String column = RowUnderCheck.shown(row.header(Field.ORIGIN_REGENCY));
        RegencyMatch match = row.originRegency();
        if (match instanceof RegencyMatch.Ambiguous ambiguous) {
            String candidates = ambiguous.candidates().stream()
                    .map(regency -> regency.label() + " (" + province(row, regency) + ")")
                    .collect(Collectors.joining(", "));
            return List.of(row.finding(RuleText.REGENCY_AMBIGUOUS, Field.ORIGIN_REGENCY, value, column, candidates));
        }
        return match instanceof RegencyMatch.NotFound notFound ? List.of(notFound(row, notFound, value, column)) : List.of();
    }

    private static Finding notFound(RowUnderCheck row, RegencyMatch.NotFound notFound, String value, String column) {
        List<Message> readings = new ArrayList<>();
        if (notFound.formerCode() != null) {
            Region now = notFound.formerCode().current();
            readings.add(RuleText.REGENCY_FORMER_CODE.with(notFound.formerCode().code(), now.name(), now.code()));
        }
        if (notFound.bpsCodeOf() != null) {
            Region bps = notFound.bpsCodeOf();
            readings.add(RuleText.REGENCY_BPS_CODE.with(value, bps.name(), bps.code()));
        }
        if (notFound.province() != null) {
            readings.add(RuleText.REGENCY_PROVINCE.with(notFound.province().name()));
        }
        return row.finding(RuleText.REGENCY_NOT_FOUND, Field.ORIGIN_REGENCY, value, column, row.regions().edition(),
                sentences(readings));
    }

    /** Sentences that follow another, each after a space; nothing when there are none. */
    private static Message sentences(List<Message> sentences) {
        StringBuilder id = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (Message sentence : sentences) {
            id.append(' ').append(sentence.id());
            en.append(' ').append(sentence.en());
        }
        return new Message(id.toString(), en.toString());
    }

    private static String province(RowUnderCheck row, Region regency) {
        return row.regions().province(regency).map(Region::name).orElse(regency.provinceCode());
    }
}
