package org.gugus.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gugus.intake.mapping.Field;
import org.gugus.intake.mapping.HeaderDetector;
import org.gugus.intake.mapping.HeaderLayout;
import org.gugus.intake.mapping.HeaderSearch;
import org.gugus.intake.mapping.MappedRow;
import org.gugus.intake.mapping.Template;
import org.gugus.workbook.SheetRow;
import org.gugus.intake.validate.RowValidator;
import org.gugus.intake.validate.ValidatedRow;
import org.gugus.reference.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The provincial template in force: header aliases, vocabularies and rules, read at start-up from
 * the steward-editable file {@code jobs/templates/korban-v1.yaml} (or the copy inside Gugus when
 * that file is absent); regions are checked against the reference edition in force.
 */
@Component
public class IntakeTemplate {

    private static final Logger log = LoggerFactory.getLogger(IntakeTemplate.class);
    private static final String BUNDLED = "/jobs/templates/korban-v1.yaml";

    private final Template template;
    private final HeaderDetector headerDetector;
    private final RowValidator validator;
    private final Regions regions;
    private final byte[] fingerprint;

    IntakeTemplate(@Value("${gugus.intake.template:jobs/templates/korban-v1.yaml}") Path file, Regions regions) {
        this.template = load(file);
        this.fingerprint = fingerprint(file, regions);
        this.headerDetector = new HeaderDetector(template);
        this.validator = new RowValidator(template, regions);
        this.regions = regions;
    }

    public Template template() {
        return template;
    }

    public int headerSearchRows() {
        return template.headerSearchRows();
    }

    public HeaderSearch detectHeader(List<SheetRow> firstRows) {
        return headerDetector.detect(firstRows);
    }

    /**
     * Readies what the rows under a header found are checked against: the districts and villages, read on a thread
     * of their own, when it has a district or village column.
     */
    public void prepareFor(HeaderLayout layout) {
        if (layout.has(Field.ORIGIN_DISTRICT) || layout.has(Field.ORIGIN_VILLAGE)) {
            regions.readDetailsInBackground();
        }
    }

    /** The sheet's template header among its first rows, as a load finds it; empty when it has none. */
    public Optional<SheetHeader> findHeader(List<SheetRow> firstRows) {
        if (!(detectHeader(firstRows) instanceof HeaderSearch.Found found)) {
            return Optional.empty();
        }
        Map<String, Integer> columns = new HashMap<>();
        found.layout().fieldsByColumn().forEach((column, field) -> columns.put(field.key(), column));
        return Optional.of(new SheetHeader(found.layout().sheet(), found.layout().headerRowNumber(), columns));
    }

    /**
     * What a row's judgement depends on besides its cells: the template's text and the reference
     * edition, hashed; a re-delivered row is judged again when either changed.
     */
    public byte[] fingerprint() {
        return fingerprint.clone();
    }

    private static byte[] fingerprint(Path file, Regions regions) {
        try (InputStream text = Files.isRegularFile(file) ? Files.newInputStream(file)
                : IntakeTemplate.class.getResourceAsStream(BUNDLED)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(text.readAllBytes());
            digest.update(String.valueOf(regions.edition()).getBytes(StandardCharsets.UTF_8));
            return digest.digest();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the template " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public ValidatedRow validate(MappedRow row, LocalDate receivedOn) {
        return validator.validate(row, receivedOn);
    }

    private static Template load(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                log.info("Template loaded from {}", file.toAbsolutePath());
                return Template.load(file);
            }
            try (InputStream bundled = IntakeTemplate.class.getResourceAsStream(BUNDLED)) {
                if (bundled == null) {
                    throw new IllegalStateException("Template " + file + " not found, and no bundled copy");
                }
                log.info("Template {} not found; using the copy bundled with Gugus", file);
                return Template.load(bundled);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the template " + file, e);
        }
    }
}
