package org.gugus.warehouse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import org.gugus.system.Messages;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes one corrected row by the same plan as a file ({@link WarehousePublisher#applyPlan}):
 * upsert by identity (code lists in the record's {@code case_row}), history of the replaced version, flags,
 * with lineage to the correction and to the file row it corrects.
 */
@Component
public class CorrectionPublisher {

    /** How a passed correction changed the warehouse, and the victim record it wrote or matched. */
    public record Published(String outcome, long victimId) {
    }

    /** The corrected row's normalised values as parameters, each under its staged column's name and type. */
    private static final String CASE_VALUES = Arrays.stream(StagedCase.COLUMNS.split(", "))
            .map(column -> switch (column) {
                case "age" -> "?::smallint as age";
                case "exploitation", "recruitment", "services" -> "?::text[] as " + column;
                default -> "?::text as " + column;
            })
            .collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final WarehousePublisher publisher;
    private final ApplicationEventPublisher events;

    CorrectionPublisher(JdbcClient jdbc, WarehousePublisher publisher, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.events = events;
    }

    /**
     * @param replacingVictimId the flagged victim this row corrects, or {@code null} for a rejected row. When the
     *                          correction changes the victim's identity (a corrected NIK), that record takes the new
     *                          identity, unless another record of the office holds it already.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Published publish(StagedRow row, long correctionId, String officeCode, Long replacingVictimId) {
        OfficeLock.hold(jdbc, officeCode);
        OfficeIdentityIndex identities = new OfficeIdentityIndex(officeCode);
        if (replacingVictimId != null) {
            rekey(replacingVictimId, row.identityKey(), identities);
        }
        jdbc.sql("drop table if exists publish_plan").update();
        jdbc.sql("insert into warehouse.row_header (key, headers) values (?, ?) on conflict do nothing")
                .params(row.original().headersKey(), row.original().headers().toArray(String[]::new)).update();
        StagedCase values = row.caseValues();
        List<Object> params = new ArrayList<>(List.of(row.fileId(), row.ordinal(), row.sheet(), row.rowNumber(),
                row.identityKey(), row.personKey(), row.contentHash()));
        for (Object value : values.values()) {
            params.add(value instanceof List<?> codes ? codes.toArray(String[]::new) : value);
        }
        params.add(row.original().headersKey());
        params.add(row.original().values());
        params.add(row.findingsJson());
        params.add(correctionId);
        jdbc.sql("""
                create temporary table publish_plan on commit drop as
                select w.*, v.id as victim_id, v.content_hash as old_hash, v.content_hash is distinct from w.content_hash as changed
                  from (select ?::bigint as file_id, ?::integer as ordinal, ?::text as sheet, ?::integer as row_number,
                               false as rejected, ?::char(64) as identity_key, ?::char(64) as person_key,
                               ?::char(64) as content_hash, """ + CASE_VALUES + """
                               , null::jsonb as original, ?::bigint as original_headers,
                               ?::text[] as original_values, null::text as original_cells, ?::jsonb as findings,
                               null::bytea as row_hash, null::bigint as known_victim_id, ?::bigint as correction_id) w
                  left join warehouse.victim v on %s and v.identity_key = w.identity_key
                """.formatted(identities.records("v"))).params(params).update();
        Map<String, Long> counts = publisher.applyPlan(officeCode);
        String outcome = counts.get("inserted") > 0 ? "INSERTED" : counts.get("updated") > 0 ? "UPDATED" : "UNCHANGED";
        long victimId = identities.recordOf(jdbc, row.identityKey()).orElseThrow();
        events.publishEvent(VictimsPublished.ofCorrection(correctionId, officeCode));
        return new Published(outcome, victimId);
    }

    private void rekey(long victimId, String identityKey, OfficeIdentityIndex identities) {
        Optional<Long> holder = identities.recordOf(jdbc, identityKey);
        if (holder.isPresent() && holder.get() != victimId) {
            throw new IdentityTakenException(victimId, holder.get());
        }
        jdbc.sql("update warehouse.victim set identity_key = ? where id = ? and office_code = ?")
                .params(identityKey, victimId, identities.officeCode()).update();
    }

    /** The corrected row is another victim record of the office already. */
    public static final class IdentityTakenException extends IllegalStateException {

        private final long holder;

        IdentityTakenException(long victimId, long holder) {
            super(Messages.get("warehouse.correction.identity-taken", victimId, holder).both());
            this.holder = holder;
        }

        public long holder() {
            return holder;
        }
    }
}
