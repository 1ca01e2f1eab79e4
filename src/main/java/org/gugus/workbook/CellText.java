package org.gugus.workbook;

/** How text from any format becomes the text of a {@link CellValue}. */
final class CellText {

    private CellText() {
    }

    /**
     * Trims the text, counting non-breaking spaces as spaces: Excel and web forms put them where a
     * person typed a space, and they would otherwise survive trimming and break comparisons.
     */
    static String clean(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        return raw.replace('\u00A0', ' ').replace('\u2007', ' ').replace('\u202F', ' ').strip();
    }

    static CellValue text(String raw) {
        return CellValue.text(clean(raw));
    }
}
