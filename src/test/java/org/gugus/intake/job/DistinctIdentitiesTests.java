package org.gugus.intake.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gugus.warehouse.StagedRow;
import org.junit.jupiter.api.Test;

/** Whether an identity repeats among a file's valid rows, and how many, as the stage step tells it block after block. */
class DistinctIdentitiesTests {

    @Test
    void tellsAFileWhoseValidRowsRepeatNoIdentityAcrossItsBlocksAndHowManyThereAre() {
        DistinctIdentities identities = new DistinctIdentities();

        identities.add(block(valid(1, "a"), valid(2, "b"), rejected(3)));
        identities.add(block(rejected(4), valid(5, "c")));

        assertThat(identities.seen()).hasValue(new DistinctIdentities.Seen(3, true));
    }

    @Test
    void tellsAFileWhoseIdentityRepeatsInALaterBlockAndHowManyValidRowsItHas() {
        DistinctIdentities identities = new DistinctIdentities();

        identities.add(block(valid(1, "a"), valid(2, "b")));
        identities.add(block(valid(3, "c"), valid(4, "a")));

        assertThat(identities.seen()).hasValue(new DistinctIdentities.Seen(4, false));
    }

    @Test
    void countsNoRejectedRowAsAnIdentity() {
        DistinctIdentities identities = new DistinctIdentities();

        identities.add(block(rejected(1), rejected(2), valid(3, "a")));

        assertThat(identities.seen()).hasValue(new DistinctIdentities.Seen(1, true));
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

    private static StagedRows block(StagedRow... rows) {
        return new StagedRows(List.of(rows));
    }

    private static StagedRow valid(int ordinal, String key) {
        return new StagedRow(7, ordinal, "Data", ordinal + 1, false, key.repeat(64), "p".repeat(64), "c".repeat(64),
                null, null, "[]");
    }

    private static StagedRow rejected(int ordinal) {
        return new StagedRow(7, ordinal, "Data", ordinal + 1, true, null, null, null, null, null,
                "[{\"code\":\"E_REQUIRED\",\"field\":\"victim_name\",\"column\":\"Nama\"}]");
    }
}
