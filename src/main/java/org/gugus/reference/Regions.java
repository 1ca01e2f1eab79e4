package org.gugus.reference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Indonesia's provinces, regencies/cities, districts and villages of one Kepmendagri edition, and
 * how values as offices write them resolve to these. Safe to share; load an edition once
 * ({@link #edition(String)} caches it). The provinces and regencies are read with the edition, its districts and
 * villages ({@link RegionDetails}) at their first use.
 */
public final class Regions {

    /** The edition in force: Kepmendagri No 300.2.2-2138 Tahun 2025. */
    public static final String CURRENT_EDITION = "2025";

    private static final Pattern REGENCY_CODE = Pattern.compile("(\\d{2})\\s*[.\\-]?\\s*(\\d{2})");
    private static final Pattern DISTRICT_CODE = Pattern.compile("(\\d{2})\\.?(\\d{2})\\.?(\\d{2})");
    private static final Pattern VILLAGE_CODE = Pattern.compile("(\\d{2})\\.?(\\d{2})\\.?(\\d{2})\\.?(\\d{4})");
    private static final Map<String, Regions> EDITIONS = new ConcurrentHashMap<>();

    private final String edition;
    /** The provinces and regencies by code. */
    private final Map<String, Region> byCode = new HashMap<>(1024);
    private final Map<String, List<Region>> regenciesByKey = new HashMap<>();
    private final Map<String, Region> provincesByKey = new HashMap<>();
    private final Map<String, FormerRegency> formerCodes = new LinkedHashMap<>();
    private final RegencyCrosswalk crosswalk;
    private final String file;
    /** Read at the first call that needs a district or a village. */
    private volatile RegionDetails details;

    private Regions(String edition) {
        this.edition = edition;
        this.file = "wilayah_kemendagri_" + edition + ".csv.gz";
        ReferenceCsv.read(file, Regions::isRegencyOrAbove, row -> add(row.get(0), row.get(1)));
        ReferenceCsv.read("kode_lama_kabupaten_kota.csv", row -> {
            Region current = byCode.get(row.get(1));
            if (current != null && !byCode.containsKey(row.get(0))) {
                formerCodes.put(row.get(0), new FormerRegency(row.get(0), current, row.get(3)));
            }
        });
        this.crosswalk = RegencyCrosswalk.edition(edition);
    }

    /** An edition, loaded on first use; e.g. {@code 2025} for {@code reference/wilayah_kemendagri_2025.csv.gz}. */
    public static Regions edition(String edition) {
        return EDITIONS.computeIfAbsent(edition, Regions::new);
    }

    /**
     * Starts loading an edition on a thread of its own and returns at once: Gugus's start calls it
     * first thing, so the provinces and regencies are read on the second core while Spring builds its context
     * on the first, and {@link #edition(String)} then finds them loaded (or waits for the rest).
     * Should the load fail here, nothing is kept and the first use loads again and reports it.
     */
    public static void loadInBackground(String edition) {
        Thread loading = new Thread(() -> {
            try {
                edition(edition);
            } catch (RuntimeException e) {
                // the first use loads the edition again and fails with this where it can be reported
            }
        }, "reference-regions");
        loading.setDaemon(true);
        loading.start();
    }

    /**
     * Starts reading the districts and villages on a thread of their own, unless they are read already, and returns
     * at once: a load whose header has a district or village column calls it, so that its rows find them read (or
     * wait for the rest) instead of a judge reading them in its first row that names one.
     */
    public void readDetailsInBackground() {
        if (details != null) {
            return;
        }
        Thread reading = new Thread(() -> {
            try {
                details();
            } catch (RuntimeException e) {
                // the first use reads them again and fails with this where it can be reported
            }
        }, "reference-region-details");
        reading.setDaemon(true);
        reading.start();
    }

    /** The edition in force. */
    public static Regions current() {
        return edition(CURRENT_EDITION);
    }

    public String edition() {
        return edition;
    }

    /** A region by its Kemendagri code, dotted ({@code 64.72}) or not ({@code 6472}). */
    public Optional<Region> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String dotted = dotted(code.strip());
        if (dotted == null) {
            return Optional.empty();
        }
        return isRegencyOrAbove(dotted) ? Optional.ofNullable(byCode.get(dotted)) : details().byCode(dotted);
    }

    public Collection<Region> regencies() {
        return byCode.values().stream().filter(region -> region.level() == Region.Level.REGENCY)
                .sorted((a, b) -> a.code().compareTo(b.code())).toList();
    }

    /** The districts of a regency, by code. */
    public List<Region> districts(Region regency) {
        Map<String, List<Region>> districts = details().children(regency.code());
        return (districts == null ? Map.<String, List<Region>>of() : districts).values().stream().flatMap(List::stream)
                .sorted((a, b) -> a.code().compareTo(b.code())).toList();
    }

    /**
     * The regency/city a value names: a Kemendagri code ({@code 64.72}, {@code 6472}; a bare four-digit
     * code is Kemendagri, never BPS), or a name with or without "Kabupaten", "Kab." or "Kota", case and
     * spacing ignored. A name that fits several regencies is {@link RegencyMatch.Ambiguous}.
     */
    public RegencyMatch regency(String written) {
        if (written == null || written.isBlank()) {
            return new RegencyMatch.NotFound(null, null, null);
        }
        String text = written.strip();
        Matcher code = REGENCY_CODE.matcher(text);
        if (code.matches()) {
            String dotted = code.group(1) + "." + code.group(2);
            Region regency = byCode.get(dotted);
            if (regency != null) {
                return new RegencyMatch.Found(regency);
            }
            Region bps = crosswalk.kemendagriOfBps(code.group(1) + code.group(2)).flatMap(this::byCode).orElse(null);
            return new RegencyMatch.NotFound(formerCodes.get(dotted), bps, null);
        }
        List<Region> candidates = byName(text);
        if (candidates.isEmpty()) {
            String withoutBrackets = text.replaceAll("\\([^)]*\\)|\\[[^]]*]", " ");
            if (!withoutBrackets.equals(text)) {
                candidates = byName(withoutBrackets);
            }
        }
        if (candidates.size() == 1) {
            return new RegencyMatch.Found(candidates.get(0));
        }
        if (candidates.size() > 1) {
            return new RegencyMatch.Ambiguous(candidates);
        }
        String provinceKey = RegionNames.keyWithout(text, Set.of("provinsi", "prov"));
        return new RegencyMatch.NotFound(null, null, provincesByKey.get(provinceKey));
    }

    private List<Region> byName(String text) {
        List<String> words = RegionNames.words(text);
        if (words.isEmpty()) {
            return List.of();
        }
        String fullKey = RegionNames.key(words);
        boolean prefixed = words.size() > 1 && RegionNames.REGENCY_WORDS.contains(words.get(0));
        if (prefixed) {
            boolean city = RegionNames.CITY_WORDS.contains(words.get(0));
            String nameKey = RegionNames.key(RegionNames.withoutLeading(words, RegionNames.REGENCY_WORDS));
            List<Region> ofKind = regenciesByKey.getOrDefault(nameKey, List.of()).stream()
                    .filter(region -> isCity(region) == city).toList();
            if (!ofKind.isEmpty()) {
                return ofKind;
            }
        }
        // "Kotabaru" and "Kota Baru" both name Kabupaten Kotabaru: the whole text is tried as a name too.
        return regenciesByKey.getOrDefault(fullKey, List.of());
    }

    /**
     * The district a value names within a regency: by name (with or without "Kecamatan"/"Kec.") or
     * by its code.
     */
    public Optional<Region> district(Region regency, String written) {
        return child(regency, written, DISTRICT_CODE, RegionNames.DISTRICT_WORDS, details().children(regency.code()));
    }

    /**
     * The village (desa/kelurahan) a value names within a district, or within a regency when the
     * district is not known; by name (with or without "Desa"/"Kelurahan") or by its code.
     */
    public Optional<Region> village(Region regencyOrDistrict, String written) {
        Map<String, List<Region>> villages = regencyOrDistrict.level() == Region.Level.REGENCY
                ? details().villagesOfRegency(regencyOrDistrict.code())
                : details().children(regencyOrDistrict.code());
        return child(regencyOrDistrict, written, VILLAGE_CODE, RegionNames.VILLAGE_WORDS, villages);
    }

    private Optional<Region> child(Region parent, String written, Pattern codePattern, Set<String> kinds,
            Map<String, List<Region>> children) {
        if (written == null || written.isBlank() || children == null) {
            return Optional.empty();
        }
        String text = written.strip();
        if (codePattern.matcher(text).matches()) {
            return byCode(text).filter(region -> region.code().startsWith(parent.code() + "."));
        }
        List<String> words = RegionNames.words(text);
        for (String key : List.of(RegionNames.key(RegionNames.withoutLeading(words, kinds)), RegionNames.key(words))) {
            List<Region> found = children.get(key);
            if (found != null && !found.isEmpty()) {
                // Two villages of one name in a regency: the name is found; the first by code stands for it.
                return Optional.of(found.get(0));
            }
        }
        return Optional.empty();
    }

    /** What the first four digits of a NIK stand for. */
    public NikRegion nikRegion(String nikDigits) {
        String code = nikDigits.substring(0, 2) + "." + nikDigits.substring(2, 4);
        Region regency = byCode.get(code);
        if (regency != null) {
            return new NikRegion.Current(regency);
        }
        FormerRegency former = formerCodes.get(code);
        return former != null ? new NikRegion.Former(former) : new NikRegion.Unknown(code);
    }

    /** Codes of regencies/cities before a split, e.g. 64.04 (now 65.01). */
    public Collection<FormerRegency> formerRegencies() {
        return Collections.unmodifiableCollection(formerCodes.values());
    }

    public RegencyCrosswalk crosswalk() {
        return crosswalk;
    }

    /** The province a code begins with. */
    public Optional<Region> province(Region region) {
        return Optional.ofNullable(byCode.get(region.provinceCode()));
    }

    /** The districts and villages, read once at the first call that needs one (on any thread). */
    private RegionDetails details() {
        RegionDetails read = details;
        if (read == null) {
            synchronized (this) {
                read = details;
                if (read == null) {
                    read = RegionDetails.read(file);
                    details = read;
                }
            }
        }
        return read;
    }

    /**
     * Whether a line of the edition's file (or a dotted code) is a province's or a regency's: its code, up to the
     * first comma, is at most {@code 64.72} long.
     */
    static boolean isRegencyOrAbove(String line) {
        int comma = line.indexOf(',');
        return (comma < 0 ? line.length() : comma) <= 5;
    }

    private void add(String code, String name) {
        Region region = new Region(code, name, Region.Level.ofCode(code));
        byCode.put(code, region);
        if (region.level() == Region.Level.PROVINCE) {
            provincesByKey.put(RegionNames.keyWithout(name, Set.of("provinsi")), region);
        } else {
            regenciesByKey.computeIfAbsent(RegionNames.keyWithout(name, RegionNames.REGENCY_WORDS),
                    key -> new ArrayList<>(2)).add(region);
        }
    }

    private static boolean isCity(Region regency) {
        return regency.name().regionMatches(true, 0, "Kota ", 0, 5);
    }

    /** {@code 6472} as {@code 64.72}, {@code 647201} as {@code 64.72.01}; a dotted code as it is. */
    private static String dotted(String code) {
        if (code.contains(".")) {
            return code;
        }
        if (!code.matches("\\d+")) {
            return null;
        }
        return switch (code.length()) {
            case 2 -> code;
            case 4 -> code.substring(0, 2) + "." + code.substring(2);
            case 6 -> code.substring(0, 2) + "." + code.substring(2, 4) + "." + code.substring(4);
            case 10 -> code.substring(0, 2) + "." + code.substring(2, 4) + "." + code.substring(4, 6) + "."
                    + code.substring(6);
            default -> null;
        };
    }
}
