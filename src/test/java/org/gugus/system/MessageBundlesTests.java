package org.gugus.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundles whose texts have all moved out of the code stay complete: each key in both languages
 * with the same arguments, each key used by the code, each key the code names present. The files
 * are read as they are: through {@code ResourceBundle} a key missing in English would quietly fall
 * back to the Indonesian text. A module's bundle joins the list once its texts live only there.
 */
class MessageBundlesTests {

    private static final Path CODE = Path.of("src/main/java");
    private static final int MOST_ARGUMENTS = 10;

    @ParameterizedTest
    @ValueSource(strings = { "ingest", "intake", "warehouse", "feedback" })
    void holdsTheSameKeysInBothLanguages(String bundle) {
        assertThat(keys(bundle, "_en")).as("English keys of %s", bundle).isEqualTo(keys(bundle, ""));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ingest", "intake", "warehouse", "feedback" })
    void givesEveryKeyTheSameArgumentsInBothLanguages(String bundle) {
        Properties indonesian = load(bundle, "");
        Properties english = load(bundle, "_en");
        for (String key : indonesian.stringPropertyNames()) {
            assertThat(arguments(english.getProperty(key, ""))).as("arguments of %s in English", key)
                    .isEqualTo(arguments(indonesian.getProperty(key)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "ingest", "intake", "warehouse", "feedback" })
    void writesEveryQuoteDoubled(String bundle) {
        for (String language : new String[] { "", "_en" }) {
            load(bundle, language).forEach((key, text) -> assertThat(text.toString().replace("''", ""))
                    .as("%s%s: a single quote starts a literal section in MessageFormat; write ''", key, language)
                    .doesNotContain("'"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "ingest", "intake", "warehouse" })
    void holdsOnlyKeysTheCodeUses(String bundle) {
        assertThat(namedInCode(bundle)).as("keys of %s named in %s", bundle, CODE).containsAll(keys(bundle, ""));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ingest", "intake", "warehouse" })
    void holdsEveryKeyTheCodeNames(String bundle) {
        assertThat(keys(bundle, "")).as("keys of %s", bundle).containsAll(namedInCode(bundle));
    }

    /** The arguments a text inserts: each argument given as a marker, the markers found in the result. */
    private static Set<Integer> arguments(String pattern) {
        Object[] markers = IntStream.range(0, MOST_ARGUMENTS).mapToObj(i -> "\u0001" + i + "\u0002").toArray();
        String text = new MessageFormat(pattern, Locale.ROOT).format(markers);
        Set<Integer> used = new TreeSet<>();
        for (int i = 0; i < MOST_ARGUMENTS; i++) {
            if (text.contains((String) markers[i])) {
                used.add(i);
            }
        }
        return used;
    }

    /** String literals of the code that are keys of the bundle. */
    private static Set<String> namedInCode(String bundle) {
        Pattern literal = Pattern.compile("\"(" + Pattern.quote(bundle) + "\\.[A-Za-z0-9_.-]*[A-Za-z0-9_-])\"");
        Set<String> keys = new HashSet<>();
        try (Stream<Path> files = Files.walk(CODE)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                Matcher matcher = literal.matcher(read(file));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static Set<String> keys(String bundle, String language) {
        return new TreeSet<>(load(bundle, language).stringPropertyNames());
    }

    private static Properties load(String bundle, String language) {
        String file = "messages/" + bundle + language + ".properties";
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
