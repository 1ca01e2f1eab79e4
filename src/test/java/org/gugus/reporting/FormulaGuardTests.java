package org.gugus.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormulaGuardTests {

    @Test
    void prefixesAQuoteToEveryCellAFormulaCouldBeginWith() {
        assertThat(FormulaGuard.csv("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(FormulaGuard.csv("+62 812")).isEqualTo("'+62 812");
        assertThat(FormulaGuard.csv("-1+1")).isEqualTo("'-1+1");
        assertThat(FormulaGuard.csv("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(FormulaGuard.csv("\tcmd")).isEqualTo("'\tcmd");
        assertThat(FormulaGuard.csv("\rcmd")).isEqualTo("'\rcmd");
    }

    @Test
    void leavesOtherTextAsItIs() {
        assertThat(FormulaGuard.csv("samarinda-06.xlsx")).isEqualTo("samarinda-06.xlsx");
        assertThat(FormulaGuard.csv("<5")).isEqualTo("<5");
        assertThat(FormulaGuard.csv("")).isEmpty();
        assertThat(FormulaGuard.risky(null)).isFalse();
    }
}
