package org.gugus.intake.corrections;

import org.gugus.access.PseudonymKey;
import org.gugus.intake.job.ContentHashFunction;
import org.gugus.intake.job.DataRow;
import org.gugus.intake.job.RowJudge;

import org.gugus.intake.IntakeTemplate;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gugus.warehouse.CorrectionPublisher;
import org.gugus.warehouse.OfficeContentHashes;
import org.gugus.warehouse.StagedRow;
import org.gugus.intake.mapping.Field;
import org.gugus.intake.mapping.MappedRow;
import org.gugus.intake.mapping.MatchKey;
import org.gugus.system.Messages;
import org.gugus.workbook.CellValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrected rows: merged from what the office wrote and what staff changed, judged by the same
 * rules as a file row ({@link RowJudge}), and published by the same plan ({@code publish_plan}) with
 * the same identity and update semantics.
 */
@Service
public class RowCorrections {

    private final IntakeTemplate template;
    private final CorrectionPublisher publisher;
    private final PseudonymKey key;
    private final OfficeContentHashes contentHashes;

    RowCorrections(IntakeTemplate template, CorrectionPublisher publisher, PseudonymKey key,
            OfficeContentHashes contentHashes) {
        this.template = template;
        this.publisher = publisher;
        this.key = key;
        this.contentHashes = contentHashes;
    }

    /**
     * The row as written with the changes applied. A change names its column by the header as written
     * in the row, by any header alias of the template, or by the field name ({@code nik}); a field the
     * row had no column for is added under the name given.
     *
     * @throws IllegalArgumentException when a change names no column of the row and no field of the template
     */
    public Map<String, String> merge(Map<String, String> original, Map<String, String> changes) {
        Map<String, String> merged = new LinkedHashMap<>(original);
        changes.forEach((column, value) -> {
            String target = merged.keySet().stream().filter(header -> header.equals(column)).findFirst()
                    .or(() -> merged.keySet().stream().filter(header -> MatchKey.of(header).equals(MatchKey.of(column)))
                            .findFirst())
                    .or(() -> field(column).flatMap(field -> merged.keySet().stream()
                            .filter(header -> field(header).equals(Optional.of(field))).findFirst()))
                    .orElseGet(() -> {
                        if (field(column).isEmpty()) {
                            throw new IllegalArgumentException(
                                    Messages.get("intake.correction.unknown-column", column).both());
                        }
                        return column;
                    });
            merged.put(target, value == null ? "" : value);
        });
        return merged;
    }

    /**
     * Judges a corrected row and, when no error remains, publishes it in the caller's transaction.
     *
     * @throws CorrectionConflictException when a corrected flagged victim would become another record of the office
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CorrectionOutcome publish(CorrectedRow row) {
        // hashed as the office's records are, so an unchanged correction compares equal to its record
        RowJudge judge = new RowJudge(row.fileId(), row.officeCode(), row.receivedOn(), template, key,
                ContentHashFunction.ofOffice(contentHashes, row.officeCode()));
        StagedRow staged = judge.process(new DataRow(0, mapped(row)));
        if (staged.rejected()) {
            return new CorrectionOutcome(CorrectionOutcome.Outcome.REJECTED, null, staged.findingsJson());
        }
        CorrectionPublisher.Published published;
        try {
            published = publisher.publish(staged, row.correctionId(), row.officeCode(), row.replacingVictimId());
        } catch (CorrectionPublisher.IdentityTakenException e) {
            throw new CorrectionConflictException(e.getMessage(), e.holder());
        }
        return new CorrectionOutcome(CorrectionOutcome.Outcome.valueOf(published.outcome()), published.victimId(),
                staged.findingsJson());
    }

    private MappedRow mapped(CorrectedRow row) {
        Map<Field, CellValue> values = new EnumMap<>(Field.class);
        Map<Field, String> headers = new EnumMap<>(Field.class);
        row.values().forEach((header, value) -> field(header).filter(field -> field != Field.ROW_NUMBER)
                .filter(field -> !headers.containsKey(field) || template.template().isBlank(values.get(field)))
                .ifPresent(field -> {
                    headers.put(field, header);
                    values.put(field, CellValue.text(value));
                }));
        Map<String, String> original = new LinkedHashMap<>(row.values());
        return new MappedRow(row.sheet(), row.rowNumber(), values, headers, original);
    }

    private Optional<Field> field(String header) {
        Optional<Field> byHeader = template.template().fieldOfHeader(header);
        if (byHeader.isPresent()) {
            return byHeader;
        }
        for (Field field : Field.values()) {
            if (field.key().equals(header)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
