package org.gugus.persons.linkage;

import java.time.LocalDate;

/** Builds victim records for tests: a woman from Samarinda reported in 2024 unless told otherwise. */
final class Report {

    private final long id;
    private String office = "64.72";
    private String name = "SITI AMINAH";
    private String nik;
    private String sex = "P";
    private LocalDate birthDate;
    private Integer age;
    private LocalDate reportDate = LocalDate.of(2024, 6, 1);
    private String birthPlace;
    private String regency = "64.72";
    private String district;
    private String village;
    private String address;

    private Report(long id) {
        this.id = id;
    }

    static Report id(long id) {
        return new Report(id);
    }

    Report name(String value) {
        name = value;
        return this;
    }

    Report nik(String value) {
        nik = value;
        return this;
    }

    Report sex(String value) {
        sex = value;
        return this;
    }

    Report born(String value) {
        birthDate = value == null ? null : LocalDate.parse(value);
        return this;
    }

    Report age(Integer value, String reported) {
        age = value;
        reportDate = LocalDate.parse(reported);
        return this;
    }

    Report birthPlace(String value) {
        birthPlace = value;
        return this;
    }

    Report origin(String regencyCode, String districtCode, String villageCode) {
        regency = regencyCode;
        district = districtCode;
        village = villageCode;
        return this;
    }

    Report address(String value) {
        address = value;
        return this;
    }

    VictimReport build() {
        return new VictimReport(id, office, office + "/2024/" + id, name, nik, sex, birthDate, age, reportDate, birthPlace,
                regency, district, village, address);
    }
}
