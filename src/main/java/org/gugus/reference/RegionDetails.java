package org.gugus.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The districts and villages of one edition (91,000 of its 91,599 regions), with their names indexed under
 * their regency and district. {@link Regions} reads them at their first use, not with the provinces and
 * regencies: most files name no district nor village, and reading them at every start of a command took about
 * half a second of CPU before the first row and 40–50 MB of its resident size (issue 13). Immutable once read.
 */
final class RegionDetails {

    private final Map<String, Region> byCode = new HashMap<>(128_000);
    /** Per parent code (regency or district): its children by name key. */
    private final Map<String, Map<String, List<Region>>> childrenByKey = new HashMap<>();
    /** Per regency code: its villages by name key, for a village written without its district. */
    private final Map<String, Map<String, List<Region>>> villagesOfRegency = new HashMap<>();

    private RegionDetails() {
    }

    /** The districts and villages of the edition's file (its lines below the regencies). */
    static RegionDetails read(String file) {
        RegionDetails details = new RegionDetails();
        ReferenceCsv.read(file, line -> !Regions.isRegencyOrAbove(line), row -> details.add(row.get(0), row.get(1)));
        return details;
    }

    /** A district or village by its dotted code. */
    Optional<Region> byCode(String dotted) {
        return Optional.ofNullable(byCode.get(dotted));
    }

    /** The districts of a regency, or the villages of a district, by name key; null when it has none. */
    Map<String, List<Region>> children(String parentCode) {
        return childrenByKey.get(parentCode);
    }

    /** The villages of a regency by name key, whatever their district; null when it has none. */
    Map<String, List<Region>> villagesOfRegency(String regencyCode) {
        return villagesOfRegency.get(regencyCode);
    }

    private void add(String code, String name) {
        Region region = new Region(code, name, Region.Level.ofCode(code));
        byCode.put(code, region);
        if (region.level() == Region.Level.DISTRICT) {
            index(childrenByKey, region.parentCode(), RegionNames.keyWithout(name, RegionNames.DISTRICT_WORDS), region);
        } else if (region.level() == Region.Level.VILLAGE) {
            String key = RegionNames.keyWithout(name, RegionNames.VILLAGE_WORDS);
            index(childrenByKey, region.parentCode(), key, region);
            index(villagesOfRegency, code.substring(0, 5), key, region);
        }
    }

    private static void index(Map<String, Map<String, List<Region>>> index, String parent, String key,
            Region region) {
        index.computeIfAbsent(parent, code -> new HashMap<>()).computeIfAbsent(key, k -> new ArrayList<>(1)).add(region);
    }
}
