package org.gugus.persons;

import static org.gugus.persons.PersonFiles.victim;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of deliveries whose records pair among them and with another office's, for the tests of records prepared
 * ahead: an office's first delivery of 30 records ({@link #firstDelivery}) and another office's 20 records of the same
 * persons, written otherwise ({@link #otherOffice}).
 */
final class PairedDeliveries {

    private static final String[] GIVEN = {"Aminah", "Bunga", "Citra", "Dahlia", "Erna", "Fatimah", "Gita", "Hartini"};
    /**
     * The family names of each test's records, by the hundred its records are numbered from: a test's pairs are its own
     * whatever ran before it in the same store (a pair of two earlier tests' records, closed or opened again by a later
     * test's run, changed what that test compared).
     */
    private static final String[][] FAMILIES = {{"Simanjuntak", "Lubis", "Hasibuan", "Nainggolan", "Saragih"},
            {"Siregar", "Harahap", "Pohan", "Daulay", "Nasution"},
            {"Panjaitan", "Hutapea", "Manurung", "Sinaga", "Situmorang"},
            {"Pangaribuan", "Gultom", "Silalahi", "Tobing", "Marpaung"},
            {"Damanik", "Sidabutar", "Rangkuti", "Matondang", "Batubara"}};

    private PairedDeliveries() {
    }

    /** An office's first delivery: 30 records numbered from {@code from} (a multiple of 100), pairs among them. */
    static List<List<String>> firstDelivery(int from) {
        List<List<String>> rows = new ArrayList<>();
        for (int n = from; n < from + 30; n++) {
            rows.add(victim("TPPO/N/%04d".formatted(n), n % 7 == 0 ? name(n).toUpperCase() : name(n),
                    n % 5 == 0 ? "" : nik(n), "P", birth(n), "", "Samarinda"));
        }
        return rows;
    }

    /** Another office's 20 records: the persons of the first 20 of {@link #firstDelivery}'s, written otherwise. */
    static List<List<String>> otherOffice(int from) {
        List<List<String>> rows = new ArrayList<>();
        for (int n = from; n < from + 20; n++) {
            rows.add(victim("TPPO/O/%04d".formatted(n), n % 2 == 0 ? name(n) : name(n).toUpperCase(),
                    n % 2 == 0 ? nik(n) : "", "P", n - from < 10 ? birth(n) : "", n - from < 10 ? "" : "30",
                    "Kota Samarinda"));
        }
        return rows;
    }

    private static String name(int n) {
        String[] family = FAMILIES[n / 100];
        return GIVEN[n % GIVEN.length] + " " + family[n / GIVEN.length % family.length];
    }

    /** A birth date, dd/MM/yyyy, of record {@code n}. */
    static String birth(int n) {
        return "%02d/%02d/%d".formatted(1 + n % 28, 1 + n % 12, 1980 + n % 25);
    }

    /** A NIK of record {@code n}, valid and of Samarinda. */
    static String nik(int n) {
        return "6472%02d%02d%02d%02d%04d".formatted(1 + n % 9, 41 + n % 28, 1 + n % 12, (80 + n % 25) % 100, n);
    }
}
