package org.gugus.intake.mapping;

import java.time.LocalDate;

/** What a date cell was read as: nothing, a date, or something that is not a date (and why). */
public sealed interface DateReading {

    record Blank() implements DateReading {
    }

    record Valid(LocalDate date) implements DateReading {
    }

    record Invalid(Problem problem) implements DateReading {
    }

    /** Why a value is not a date; each gets its own advice to the office. */
    enum Problem {
        /** No accepted date form. */
        UNREADABLE,
        /** Day and month written with a 2-digit year, e.g. 12/05/24. */
        TWO_DIGIT_YEAR,
        /** A year alone, e.g. 2024. */
        YEAR_ONLY,
        /** A day the calendar does not have, e.g. 31/02/2024 (or month first: 05/31/2024). */
        NO_SUCH_DAY,
        /** A year before 1900 or after 2999: a typing slip, or an empty Excel date. */
        YEAR_OUT_OF_RANGE
    }
}
