package org.gugus.persons.linkage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Labelled synthetic victim records, seeded: persons with Indonesian names (Javanese, Banjar, Bugis,
 * Dayak, Kutai and Arabic-derived, with the common SITI, NUR, MUHAMMAD), each reported one to four
 * times by the ten offices of Kalimantan Timur, each report varying as real ones do (old spellings,
 * abbreviations, a dropped patronymic, typos, a mistyped or missing NIK, day and month swapped, only
 * an age, other report dates), and hard negatives: twins (same birth date, address and father, other
 * given name, same or other sex), siblings, namesakes born the same year elsewhere, and persons with
 * the same common name and age.
 */
public final class SyntheticVictims {

    /** The records and, for each record, the person it is about. */
    public record Data(List<VictimReport> reports, Map<Long, Integer> personOf) {
    }

    static final List<String> OFFICES = List.of("64.01", "64.02", "64.03", "64.07", "64.08", "64.09", "64.11", "64.71",
            "64.72", "64.74");

    /** Regencies outside the province victims come from: Lombok, Sulawesi Selatan, Jawa Timur, Banjarmasin. */
    private static final List<String> ELSEWHERE = List.of("52.01", "52.03", "52.02", "73.08", "73.71", "73.13", "35.07",
            "35.78", "63.71", "63.03");

    private static final String[] FEMALE = ("AMINAH FATIMAH AISYAH KHADIJAH ZAINAB MARYAM HALIMAH RABIATUL ADAWIYAH "
            + "SUMARNI SUMIATI SUPARMI SRI WAHYUNI SUGIARTI PARTINI SUKARSIH WARSINAH TUMINAH SUWARNI RATNA "
            + "DEWI LESTARI PUSPITA KARTIKA WULANDARI RAHMAWATI NURHAYATI HASANAH JUBAIDAH MASNAH NORLIANI "
            + "MASITAH ARBAIYAH NORHASANAH RUSMILAWATI RAHMAH SALMAH HADIJAH ASMAH JUMRIAH NURDIANA HASNAWATI "
            + "MULIATI SUKMAWATI IRAWATI ANDI_TENRI BESSE INDO MEGAWATI YULIANA MARIA MAGDALENA YOHANA ELISABET "
            + "RINA LUSIANA DAYANG AWANG_SARI NURJANAH YULIANTI ANGGRAINI FITRIANI RISKA NOVITA SELVI MELATI "
            + "PUTRI AYU INDAH KURNIASIH TITIN ROSTINA HERLINA SITI_ROHANI SAFITRI ERNAWATI HARTATI MARLINA").split(" ");

    private static final String[] MALE = ("AHMAD ABDULLAH RAHMAN HASAN HUSAIN RIZKI FAJAR HIDAYAT SUPRIADI SUGENG "
            + "SLAMET BAMBANG JOKO TRIYONO WAHYU ARIF RUSLAN IRWAN SYAHRIAL ANSARI GUSTI_RUSDI JUMBRI SAPRUDIN "
            + "MAHYUDIN BASRI ARMAN AMIRUDDIN SUDIRMAN SAHABUDDIN HAERUDDIN ANDI_MAPPA LAMBANG YOSEF PAULUS "
            + "STEFANUS ANTONIUS LAHANG JULIUS ADITYA DENI REZA FIRMAN HENDRA AGUS YUSUF SULAIMAN ISMAIL ILHAM "
            + "KHAIRUL ZULKIFLI DJOKO SOEPARMAN").split(" ");

    private static final String[] FATHERS = ("ABDULLAH AHMAD HASAN BASRI MAHMUD SULAIMAN ISMAIL YUSUF IBRAHIM RAHMAN "
            + "JAMALUDDIN SYAMSUDDIN KARIM SALEH HAMZAH MUHAMMAD_ALI SAMSUDIN LATIF RASYID HAMID KADIR USMAN "
            + "ARSYAD MAHYUDIN NAWAWI ANSARI RAMLI JUHRI SAHRANI DARMANSYAH BADARUDDIN TAMRIN MANSYUR").split(" ");

    private static final String[] FAMILY = ("LAHANG IBAU NYURANG ANYIK BELAWAN DJUANG LEDJU TAMBUNAN SIMANJUNTAK "
            + "DAENG_MASSIKI PARENRENGI LATIEF MAPPIASSE TANRI WIJAYA KUSUMA SANTOSO PURNOMO HARDIANTO SETIAWAN "
            + "HIDAYAT NUGROHO SAPUTRA PRATAMA KURNIAWAN HASIBUAN AJI_PANGERAN AWANG").split(" ");

    private static final String[] STREETS = ("MERDEKA PAHLAWAN GAJAH_MADA SUDIRMAN AHMAD_YANI DIPONEGORO PRAMUKA "
            + "SIRADJ_SALMAN JUANDA KESUMA_BANGSA P_ANTASARI BHAYANGKARA SLAMET_RIYADI KADRIE_OENING M_YAMIN "
            + "PANGERAN_SURYANATA RE_MARTADINATA SULTAN_HASANUDDIN CIPTOMANGUNKUSUMO MULAWARMAN").split(" ");

    private final SplittableRandom random;
    private final List<String[]> villages;
    private final List<String[]> elsewhere;
    private final Map<String, String> regencyNames;
    private long nextVictim = 1;

    public SyntheticVictims(long seed) {
        this.random = new SplittableRandom(seed);
        Map<String, String> names = new HashMap<>();
        List<String[]> kaltim = new ArrayList<>();
        List<String[]> other = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                SyntheticVictims.class.getResourceAsStream("/reference/wilayah_kemendagri_2025.csv.gz")),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] cells = line.split(",");
                if (cells.length < 3) {
                    continue;
                }
                String code = cells[0];
                if (cells[2].equals("kabupaten_kota")) {
                    names.put(code, cells[1].replace("Kabupaten ", "").replace("Kota ", "").toUpperCase(Locale.ROOT));
                }
                if (cells[2].equals("desa_kelurahan")) {
                    String regency = code.substring(0, 5);
                    String[] village = {regency, code.substring(0, 8), code, cells[1].toUpperCase(Locale.ROOT)};
                    if (regency.startsWith("64.")) {
                        kaltim.add(village);
                    } else if (ELSEWHERE.contains(regency)) {
                        other.add(village);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.villages = kaltim;
        this.elsewhere = other;
        this.regencyNames = names;
    }

    /** The name of a regency by its code (e.g. 64.72: SAMARINDA), or the code when unknown. */
    public String regencyName(String code) {
        return regencyNames.getOrDefault(code, code);
    }

    /** One person as she is, before any report writes her down. */
    private record Person(int id, String given, String father, String family, boolean binti, int sex, LocalDate born,
            String[] village, String nik, String birthPlace, String address) {
    }

    /** About {@code persons} persons (twins and siblings included), each reported 1–4 times, 45 % once. */
    public Data generate(int persons) {
        return generate(persons, 0.45);
    }

    /**
     * About {@code persons} persons (twins and siblings included), each reported 1–4 times: that share
     * {@code once} once, the others 2, 3 or 4 times in the proportions 30 : 15 : 10.
     */
    public Data generate(int persons, double once) {
        double twice = once + (1 - once) * 30 / 55;
        double thrice = 1 - (1 - once) * 10 / 55;
        List<Person> people = new ArrayList<>();
        while (people.size() < persons) {
            Person person = person(people.size());
            people.add(person);
            double kind = random.nextDouble();
            if (kind < 0.05) {
                people.add(twin(person, people.size()));
            } else if (kind < 0.10) {
                people.add(sibling(person, people.size()));
            } else if (kind < 0.14) {
                people.add(namesake(person, people.size(), true));
            } else if (kind < 0.17) {
                people.add(namesake(person, people.size(), false));
            }
        }
        List<VictimReport> reports = new ArrayList<>();
        Map<Long, Integer> personOf = new TreeMap<>();
        for (Person person : people) {
            double r = random.nextDouble();
            int times = r < once ? 1 : r < twice ? 2 : r < thrice ? 3 : 4;
            for (int k = 0; k < times; k++) {
                VictimReport report = report(person);
                reports.add(report);
                personOf.put(report.victimId(), person.id());
            }
        }
        Collections.shuffle(reports, new Random(random.nextLong()));
        return new Data(reports, personOf);
    }

    private Person person(int id) {
        int sex = random.nextDouble() < 0.75 ? 2 : 1;
        String given = givenName(sex);
        String father = random.nextDouble() < 0.5 ? pick(FATHERS).replace('_', ' ') : coined(1);
        String family = random.nextDouble() < 0.3 ? pick(FAMILY).replace('_', ' ') : null;
        LocalDate born = LocalDate.of(1970, 1, 1).plusDays(random.nextInt(365 * 38));
        String[] village = random.nextDouble() < 0.8 ? pick(villages) : pick(elsewhere);
        return new Person(id, given, father, family, random.nextDouble() < 0.5, sex, born, village,
                nik(village, born, sex), birthPlace(village), address());
    }

    /** Javanese-style names are coined from syllables (SU-MAR-NI, TRI-WA-HYUNI): thousands of them. */
    private static final String[] FIRST = ("SU SRI TRI PUR SUK WAR PAR RAH SAR KAR DAR MUL JU TU WI HAR NUR AR RU "
            + "SAM KUS BUD YU IN ER AN MAS").split(" ");
    private static final String[] MIDDLE = "MAR MI KAR WA YA TI NA RI LA SE DI RO HA GI MIN TAR JA SU LIA BA".split(" ");
    private static final String[] FEMALE_END = "NI TI YAH NAH SIH YATI WATI NINGSIH NENG NGSIH ASIH".split(" ");
    private static final String[] MALE_END = "NO TO DI JO MAN YONO DIN SON WANTO".split(" ");

    private String coined(int sex) {
        return pick(FIRST) + pick(MIDDLE) + pick(sex == 2 ? FEMALE_END : MALE_END);
    }

    private String givenName(int sex) {
        String[] pool = sex == 2 ? FEMALE : MALE;
        String name = random.nextDouble() < 0.6 ? coined(sex) : pick(pool).replace('_', ' ');
        double r = random.nextDouble();
        if (sex == 2 && r < 0.22) {
            name = "SITI " + name;
        } else if (sex == 2 && r < 0.30) {
            name = "NUR " + name;
        } else if (sex == 1 && r < 0.25) {
            name = "MUHAMMAD " + name;
        } else if (r < 0.55) {
            String second = pick(pool).replace('_', ' ');
            if (!second.equals(name)) {
                name = name + " " + second;
            }
        }
        return name;
    }

    /** A twin: same birth date, village, address and father; another given name; same sex or not. */
    private Person twin(Person of, int id) {
        int sex = random.nextBoolean() ? of.sex() : 3 - of.sex();
        String given;
        do {
            given = givenName(sex);
        } while (given.equals(of.given()));
        return new Person(id, given, of.father(), of.family(), of.binti(), sex, of.born(), of.village(),
                nik(of.village(), of.born(), sex), of.birthPlace(), of.address());
    }

    /** A sibling: same father, village and address, born one to ten years apart. */
    private Person sibling(Person of, int id) {
        int sex = random.nextDouble() < 0.7 ? 2 : 1;
        String given;
        do {
            given = givenName(sex);
        } while (given.equals(of.given()));
        LocalDate born = of.born().plusDays((random.nextBoolean() ? 1 : -1) * (365L + random.nextInt(3300)));
        return new Person(id, given, of.father(), of.family(), of.binti(), sex, born, of.village(),
                nik(of.village(), born, sex), of.birthPlace(), of.address());
    }

    /** Someone else with the same name: born the same year in another regency, or the same age and place. */
    private Person namesake(Person of, int id, boolean otherRegency) {
        String[] village = otherRegency ? otherRegency(of.village()[0]) : otherVillage(of.village());
        LocalDate born = LocalDate.of(of.born().getYear(), 1, 1).plusDays(random.nextInt(365));
        String father;
        do {
            father = pick(FATHERS).replace('_', ' ');
        } while (father.equals(of.father()));
        return new Person(id, of.given(), father, null, of.binti(), of.sex(), born,
                village, nik(village, born, of.sex()), birthPlace(village), address());
    }

    private String[] otherRegency(String regency) {
        String[] village;
        do {
            village = random.nextDouble() < 0.6 ? pick(villages) : pick(elsewhere);
        } while (village[0].equals(regency));
        return village;
    }

    /** Another village of the same regency. */
    private String[] otherVillage(String[] of) {
        String[] village;
        do {
            village = pick(of[0].startsWith("64.") ? villages : elsewhere);
        } while (!village[0].equals(of[0]) || village[1].equals(of[1]));
        return village;
    }

    private VictimReport report(Person person) {
        LocalDate reported = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(365 * 6 + 300));
        if (reported.isBefore(person.born().plusYears(12))) {
            reported = person.born().plusYears(12 + random.nextInt(5));
        }
        String office = random.nextDouble() < 0.5 && OFFICES.contains(person.village()[0]) ? person.village()[0]
                : pick(OFFICES.toArray(String[]::new));
        String nik = null;
        if (random.nextDouble() < 0.6) {
            nik = random.nextDouble() < 0.06 ? typo(person.nik()) : person.nik();
        }
        LocalDate born = null;
        Integer age = null;
        double d = random.nextDouble();
        if (d < 0.68) {
            born = person.born();
            double v = random.nextDouble();
            if (v < 0.05 && born.getDayOfMonth() <= 12 && born.getDayOfMonth() != born.getMonthValue()) {
                born = LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue());
            } else if (v < 0.09) {
                born = born.plusDays(random.nextInt(1, 20) * (random.nextBoolean() ? 1 : -1));
            }
        } else if (d < 0.97) {
            age = (int) ChronoUnit.YEARS.between(person.born(), reported);
            if (random.nextDouble() < 0.12) {
                age += random.nextBoolean() ? 1 : -1;
            }
        }
        String sex = random.nextDouble() < 0.98 ? (person.sex() == 1 ? "L" : "P") : null;
        String[] village = person.village();
        double o = random.nextDouble();
        String regency = o < 0.96 ? village[0] : null;
        String district = regency != null && random.nextDouble() < 0.8 ? village[1] : null;
        String villageCode = district != null && random.nextDouble() < 0.7 ? village[2] : null;
        String birthPlace = random.nextDouble() < 0.55 ? spell(person.birthPlace()) : null;
        String address = random.nextDouble() < 0.65 ? address(person.address()) : null;
        return new VictimReport(nextVictim++, office, office + "/" + reported.getYear() + "/" + random.nextInt(1, 999),
                writeName(person), nik, sex, born, age, reported, birthPlace, regency, district, villageCode, address);
    }

    /** The name as one officer writes it down. */
    private String writeName(Person person) {
        String name = person.given();
        if (person.family() != null) {
            name = name + " " + person.family();
        } else if (random.nextDouble() < (person.binti() ? 0.6 : 0.1)) {
            name = name + " " + (person.sex() == 2 ? pick("BINTI", "BINTI", "BT.", "Binti") : pick("BIN", "BIN", "BN."))
                    + " " + person.father();
        }
        double v = random.nextDouble();
        if (v < 0.30) {
            name = spell(name);
        }
        if (random.nextDouble() < 0.08) {
            name = typo(name);
        }
        if (random.nextDouble() < 0.03) {
            name = (person.sex() == 2 ? "Hj. " : "H. ") + name;
        }
        if (random.nextDouble() < 0.02 && name.contains(" ")) {
            int space = name.indexOf(' ');
            name = name.substring(space + 1) + " " + name.substring(0, space);
        }
        return random.nextDouble() < 0.5 ? titleCase(name) : name;
    }

    /** An old or variant spelling of some part of a name or place. */
    private String spell(String text) {
        String[][] variants = {{"J", "DJ"}, {"C", "TJ"}, {"U", "OE"}, {"SITI ", "ST. "}, {"SITI ", "SITTI "},
                {"MUHAMMAD ", "MOH. "}, {"MUHAMMAD ", "MUH. "}, {"MUHAMMAD ", "MOCHAMAD "}, {"NUR ", "NOOR "},
                {"NUR ", "NURUL "}, {"AH ", "A "}, {"AH", "A"}, {"ABDUL", "ABD."}, {"KH", "CH"}, {"SY", "SJ"},
                {"MM", "M"}, {"DD", "D"}, {"L", "LL"}, {"S", "SS"}, {"F", "P"}, {"Y", "I"}, {"IE", "I"}};
        for (int attempt = 0; attempt < 6; attempt++) {
            String[] variant = variants[random.nextInt(variants.length)];
            int at = text.indexOf(variant[0], 1);
            if (at >= 0) {
                return text.substring(0, at) + variant[1] + text.substring(at + variant[0].length());
            }
        }
        return text;
    }

    /** One letter changed, dropped or doubled, or two swapped — never the first. */
    private String typo(String text) {
        if (text.length() < 4) {
            return text;
        }
        int at = random.nextInt(1, text.length() - 1);
        char[] c = text.toCharArray();
        if (Character.isDigit(c[at])) {
            if (random.nextBoolean()) {
                c[at] = (char) ('0' + (c[at] - '0' + random.nextInt(1, 10)) % 10);
            } else {
                char t = c[at];
                c[at] = c[at + 1];
                c[at + 1] = t;
            }
            return new String(c);
        }
        if (c[at] == ' ' || c[at - 1] == ' ' || c[at + 1] == ' ') {
            return text;
        }
        return switch (random.nextInt(4)) {
            case 0 -> text.substring(0, at) + "AEIOUNRS".charAt(random.nextInt(8)) + text.substring(at + 1);
            case 1 -> text.substring(0, at) + text.substring(at + 1);
            case 2 -> text.substring(0, at) + c[at] + text.substring(at);
            default -> {
                char t = c[at];
                c[at] = c[at + 1];
                c[at + 1] = t;
                yield new String(c);
            }
        };
    }

    private String nik(String[] village, LocalDate born, int sex) {
        String region = village[1].replace(".", "");
        int day = born.getDayOfMonth() + (sex == 2 ? 40 : 0);
        return region + String.format("%02d%02d%02d%04d", day, born.getMonthValue(), born.getYear() % 100,
                random.nextInt(1, 9999));
    }

    private String birthPlace(String[] village) {
        return random.nextDouble() < 0.6 ? regencyNames.getOrDefault(village[0], village[3]) : village[3];
    }

    private String address() {
        return "JL. " + pick(STREETS).replace('_', ' ') + " RT " + String.format("%02d", random.nextInt(1, 40)) + " NO. "
                + random.nextInt(1, 200);
    }

    private String address(String address) {
        double v = random.nextDouble();
        if (v < 0.2) {
            return address.replace("JL. ", "JALAN ");
        }
        if (v < 0.35) {
            return address.replaceAll(" NO\\. \\d+", "");
        }
        if (v < 0.45) {
            return address.replaceAll(" RT \\d+", "");
        }
        return address;
    }

    private static String titleCase(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean start = true;
        for (char c : name.toCharArray()) {
            out.append(start ? c : Character.toLowerCase(c));
            start = !Character.isLetter(c);
        }
        return out.toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }
}
