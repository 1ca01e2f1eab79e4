package org.gugus.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gugus.reference.RegencyOffice;
import org.gugus.reference.RegencyOffices;

/**
 * The arguments of {@code gugus rejections ...} and {@code gugus flags ...}: a sub-command, an id,
 * options with a value ({@code --file 12}, {@code --regency=64.72}), {@code --set COLUMN=VALUE}
 * (repeatable) and {@code --json}.
 */
final class ReviewArguments {

    private static final List<String> VALUED = List.of("--file", "--regency", "--status", "--code", "--by", "--note",
            "--limit", "--set");

    final List<String> words = new ArrayList<>();
    final Map<String, String> options = new LinkedHashMap<>();
    final Map<String, String> changes = new LinkedHashMap<>();
    boolean json;

    static ReviewArguments parse(List<String> arguments) {
        ReviewArguments parsed = new ReviewArguments();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            String name = argument.contains("=") && argument.startsWith("--") ? argument.substring(0, argument.indexOf('='))
                    : argument;
            if (argument.equals("--json")) {
                parsed.json = true;
            } else if (VALUED.contains(name)) {
                String value;
                if (!name.equals(argument)) {
                    value = argument.substring(name.length() + 1);
                } else if (i + 1 < arguments.size()) {
                    value = arguments.get(++i);
                } else {
                    throw new IllegalArgumentException("Opsi " + name + " perlu nilai / option " + name + " needs a value");
                }
                if (name.equals("--set")) {
                    int equals = value.indexOf('=');
                    if (equals <= 0) {
                        throw new IllegalArgumentException("--set perlu KOLOM=NILAI, mis. --set \"NIK=6472014507900001\" / "
                                + "--set needs COLUMN=VALUE");
                    }
                    parsed.changes.put(value.substring(0, equals).strip(), value.substring(equals + 1));
                } else {
                    parsed.options.put(name, value);
                }
            } else if (argument.startsWith("--")) {
                throw new IllegalArgumentException("Opsi tidak dikenal / unknown option: " + argument);
            } else {
                parsed.words.add(argument);
            }
        }
        return parsed;
    }

    String word(int index) {
        return index < words.size() ? words.get(index) : null;
    }

    long id(int index, String what) {
        String word = word(index);
        try {
            return Long.parseLong(word);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("Sebutkan nomor " + what + ", mis. 12 / give the " + what + " number, e.g. 12");
        }
    }

    Long file() {
        String file = options.get("--file");
        try {
            return file == null ? null : Long.valueOf(file.replace("#", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--file perlu nomor berkas, mis. 12 / --file needs a file number, e.g. 12");
        }
    }

    /** The office, as {@code 64.72} whether written so or {@code 6472}. */
    String regency() {
        String regency = options.get("--regency");
        if (regency == null) {
            return null;
        }
        return RegencyOffices.byCode(regency).map(RegencyOffice::code)
                .orElseThrow(() -> new IllegalArgumentException("Kode kantor tidak dikenal / unknown office code: " + regency
                        + ". Kantor / offices: " + RegencyOffices.all().stream().map(o -> o.code() + " " + o.name()).toList()));
    }

    int limit() {
        return Integer.parseInt(options.getOrDefault("--limit", String.valueOf(ReviewRows.DEFAULT_LIMIT)));
    }

    void requireScope() {
        if (file() == null && regency() == null) {
            throw new IllegalArgumentException("Sebutkan --file ID atau --regency KODE / name --file ID or --regency CODE");
        }
    }
}
