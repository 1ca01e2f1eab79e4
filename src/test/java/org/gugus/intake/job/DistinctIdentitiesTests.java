package org.gugus.intake.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gugus.warehouse.StagedCase;
import org.gugus.warehouse.StagedRow;
import org.junit.jupiter.api.Test;

/**
 * Whether an identity repeats among a file's valid rows, how many there are and whether a case gives two report dates,
 * as the stage step tells it block after block.
 */
class DistinctIdentitiesTests {

    @Test
    void tellsAFileWhoseValidRowsRepeatNoIdentityAcrossItsBlocksAndHowManyThereAre() {
        DistinctIdentities identities = new DistinctIdentities();

        identities.add(block(valid(1, "a"), valid(2, "b"), rejected(3)));
        identities.add(block(rejected(4), valid(5, "c")));

        assertThat(identities.seen()).hasValue(new DistinctIdentities.Seen(3, true, true));
    }

    @Test
    void tellsAFileWhoseIdentityRepeatsInALaterBlockAndHowManyValidRowsItHas() {
        DistinctIdentities identities = new DistinctIdentities();

        identities.add(block(valid(1, "a"), valid(2, "b")));
        identities.add(block(valid(3, "c"), valid(4, "a")));

        assertThat(identities.seen()).hasValue(new DistinctIdentities.Seen(4, false, true));
    }

    @Test
    void countsNoRejectedRowAsAnIdentity() {
        DistinctIdentities identities = new DistinctIdentities();

        identities.add(block(rejected(1), rejected(2), valid(3, "a")));

        assertThat(identities.seen()).hasValue(new DistinctIdentities.Seen(1, true, true));
    }

    @Test
    void tellsNothingOfAStageRestartedPastTheFilesFirstRow() {
        DistinctIdentities identities = new DistinctIdentities();

        identities.add(block(valid(6, "f"), valid(7, "g")));

        assertThat(identities.seen()).as("rows 1-5 were staged before a kill, unseen here").isEmpty();
    }

    @Test
    void tellsNothingOfAFileWithARowRepeatingARecordsRow() {
        DistinctIdentities identities = new DistinctIdentities();

        identities.add(block(valid(1, "a"), StagedRow.repeating(7, 2, "Data", 3, new byte[32], 41L)));

        assertThat(identities.seen()).as("a thin row's identity is its record's, not in the file").isEmpty();
    }

    @Test
    void tellsNothingOfRowsMissedBetweenBlocks() {
        DistinctIdentities identities = new DistinctIdentities();

        identities.add(block(valid(1, "a")));
        identities.add(block(valid(3, "c")));

        assertThat(identities.seen()).isEmpty();
    }

    @Test
    void keepsTheHashOfAnEncodedRowsIdentity() {
        StagedRow row = valid(1, "a");

        assertThat(row.encoded().identityHash()).isEqualTo(row.identityHash()).isNotEqualTo(valid(2, "b").identityHash());
    }

    @Test
    void tellsWhetherTheValidRowsOfEachCaseAgreeOnItsReportDateAcrossBlocks() {
        DistinctIdentities agreeing = new DistinctIdentities();
        agreeing.add(block(valid(1, "a", "TPPO/1", "2024-06-05"), valid(2, "b", "TPPO/2", "2024-06-05")));
        agreeing.add(block(rejected(3), valid(4, "c", "TPPO/1", "2024-06-05"), valid(5, "d", "TPPO/3", "2024-06-06")));
        DistinctIdentities twoDates = new DistinctIdentities();
        twoDates.add(block(valid(1, "a", "TPPO/1", "2024-06-05"), valid(2, "b", "TPPO/2", "2024-06-05")));
        twoDates.add(block(valid(3, "c", "TPPO/3", "2024-06-05"), valid(4, "d", "TPPO/1", "2024-07-05")));

        assertThat(agreeing.seen()).hasValue(new DistinctIdentities.Seen(4, true, true));
        assertThat(twoDates.seen()).as("case TPPO/1 on 5 June and 5 July")
                .hasValue(new DistinctIdentities.Seen(4, true, false));
    }

    @Test
    void vouchesForNoCaseDateOfARowWhoseReportDateIsNotInIsoForm() {
        DistinctIdentities identities = new DistinctIdentities();

        identities.add(block(valid(1, "a", "TPPO/1", "2024-06-05"), valid(2, "b", "TPPO/1", "5/6/2024")));

        assertThat(identities.seen()).hasValue(new DistinctIdentities.Seen(2, true, false));
    }

    @Test
    void keepsTheCaseDateOfAnEncodedRowOneNumberForEachCaseAndDay() {
        StagedRow row = valid(1, "a", "TPPO/1", "2024-06-05");

        assertThat(row.encoded().caseDate()).isEqualTo(row.caseDate())
                .isEqualTo(valid(2, "b", "TPPO/1", "2024-06-05").caseDate())
                .isNotEqualTo(valid(3, "c", "TPPO/1", "2024-06-06").caseDate())
                .isNotEqualTo(valid(4, "d", "TPPO/1", "2024-07-05").caseDate())
                .isNotEqualTo(valid(5, "e", "TPPO/1", "2025-06-05").caseDate())
                .isNotEqualTo(valid(6, "f", "TPPO/2", "2024-06-05").caseDate());
        assertThat(rejected(7).caseDate()).isEqualTo(StagedRow.NO_CASE_DATE);
    }

    private static StagedRows block(StagedRow... rows) {
        return new StagedRows(List.of(rows));
    }

    /** A valid row of a case of its own, reported on 5 June 2024. */
    private static StagedRow valid(int ordinal, String key) {
        return valid(ordinal, key, "TPPO/" + ordinal, "2024-06-05");
    }

    private static StagedRow valid(int ordinal, String key, String caseNumber, String reportDate) {
        StagedCase values = new StagedCase(caseNumber, reportDate, null, "Korban " + ordinal, null, "P", null,
                "1990-01-02", 34, "Samarinda", "64.72", null, null, null, null, null, "WNI", null, null,
                List.of("SEKSUAL"), List.of(), null, null, "P21", List.of(), null);
        return new StagedRow(7, ordinal, "Data", ordinal + 1, false, key.repeat(64), "p".repeat(64), "c".repeat(64),
                values, null, "[]");
    }

    private static StagedRow rejected(int ordinal) {
        return new StagedRow(7, ordinal, "Data", ordinal + 1, true, null, null, null, null, null,
                "[{\"code\":\"E_REQUIRED\",\"field\":\"victim_name\",\"column\":\"Nama\"}]");
    }
}
