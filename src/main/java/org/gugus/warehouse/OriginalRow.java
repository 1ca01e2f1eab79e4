package org.gugus.warehouse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import org.gugus.system.BinaryCopy;

/**
 * A row as written, staged and kept as its cells' texts under a list of headers that a sheet's rows
 * share, kept once ({@code warehouse.row_header}, found by {@code headersKey}): the headers go to the
 * server once instead of once per row (issue 13). {@code warehouse.victim_original(v)} puts a
 * record's together again as {@code {"header": "value", ...}}, and the publish a rejected row's. The
 * cells go as one text ({@link #joinable()}) where they can, an array otherwise (V106).
 *
 * @param headersKey the headers' hash (their SHA-256's first 8 bytes), which the file's rows stage them under
 * @param headers    every column's header as the row gave it, in column order, one object for the rows of a sheet
 * @param values     each column's text, in the order of the headers
 */
public record OriginalRow(long headersKey, List<String> headers, String[] values) {

    /**
     * The row's cells under their headers; {@code last} (of the row before, or null) gives its headers
     * and their key again when the row's headers are the same, as a sheet's rows' are.
     */
    public static OriginalRow of(Map<String, String> cells, OriginalRow last) {
        String[] values = new String[cells.size()];
        boolean same = last != null && last.headers.size() == values.length;
        int i = 0;
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            same = same && cell.getKey().equals(last.headers.get(i));
            values[i++] = cell.getValue();
        }
        if (same) {
            return new OriginalRow(last.headersKey, last.headers, values);
        }
        List<String> headers = List.copyOf(cells.keySet());
        return new OriginalRow(key(headers), headers, values);
    }

    /**
     * The cells given as their headers and values (a sheet's rows' headers one list); {@code last} gives the headers
     * and their key again when they are the same.
     */
    public static OriginalRow of(List<String> headers, String[] values, OriginalRow last) {
        if (last != null && (last.headers == headers || last.headers.equals(headers))) {
            return new OriginalRow(last.headersKey, last.headers, values);
        }
        List<String> kept = List.copyOf(headers);
        return new OriginalRow(key(kept), kept, values);
    }

    /** Between two cells joined ({@link #joinable()}). */
    static final char CELL_SEPARATOR = '\u001f';
    /** A cell without a value among cells joined ({@link #joinable()}). */
    static final char NO_VALUE = '\u001e';

    /**
     * Whether the cells go as one text, as {@code warehouse.row_cells} splits them back: joined by {@link
     * #CELL_SEPARATOR}, a cell without a value as {@link #NO_VALUE} ({@link BinaryCopy#joinedText}); not when that
     * would not give them back (a cell holding either character, or one cell only that is empty), and the row keeps
     * them as an array.
     */
    boolean joinable() {
        if (values.length == 1 && "".equals(values[0])) {
            return false;
        }
        for (String value : values) {
            if (value != null && (value.indexOf(CELL_SEPARATOR) >= 0 || value.indexOf(NO_VALUE) >= 0)) {
                return false;
            }
        }
        return true;
    }

    static long key(List<String> headers) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String header : headers) {
                digest.update(header.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            byte[] hash = digest.digest();
            long key = 0;
            for (int b = 0; b < 8; b++) {
                key = (key << 8) | (hash[b] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
