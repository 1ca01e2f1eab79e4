package org.gugus.reference;

/**
 * A province, regency/city, district or village of Indonesia.
 *
 * @param code  the Kemendagri code as published: {@code 64}, {@code 64.72}, {@code 64.72.01}, {@code 64.72.01.1001}
 * @param name  the name as published, e.g. {@code Kota Samarinda}
 * @param level how far down the code goes
 */
public record Region(String code, String name, Level level) {

    public enum Level {
        PROVINCE, REGENCY, DISTRICT, VILLAGE;

        static Level ofCode(String code) {
            return switch (code.split("\\.").length) {
                case 1 -> PROVINCE;
                case 2 -> REGENCY;
                case 3 -> DISTRICT;
                default -> VILLAGE;
            };
        }
    }

    /** The code of the region this one lies in; {@code null} for a province. */
    public String parentCode() {
        int dot = code.lastIndexOf('.');
        return dot < 0 ? null : code.substring(0, dot);
    }

    /** The province code, the first two digits. */
    public String provinceCode() {
        return code.substring(0, 2);
    }

    /** "64.72 Kota Samarinda", as messages show a region. */
    public String label() {
        return code + " " + name;
    }
}
