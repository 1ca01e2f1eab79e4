package org.gugus.intake.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gugus.workbook.CellValue;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A case template as loaded from its file ({@code jobs/templates/korban-v1.yaml}): the header
 * aliases and required fields, the value vocabularies, list separators, country spellings,
 * citizenship values, month names and the words of total and signature rows. Immutable and
 * safe to share between threads.
 */
public final class Template {

    /** The fields whose values come from a vocabulary of the same name. */
    public static final Set<Field> CODED_FIELDS = Collections.unmodifiableSet(
            EnumSet.of(Field.SEX, Field.EXPLOITATION, Field.RECRUITMENT, Field.CASE_STAGE, Field.SERVICES));

    private final String name;
    private final int version;
    private final int headerSearchRows;
    private final int candidateMinFields;
    private final Map<Field, List<String>> aliases;
    private final Map<String, Field> fieldsByHeaderKey;
    private final Set<Field> required;
    private final List<Set<Field>> requiredOneOf;
    private final ListSeparators separators;
    private final Set<String> blankValueKeys;
    private final Map<Field, Vocabulary> vocabularies;
    private final Vocabulary citizenship;
    private final Countries countries;
    private final DateReader dates;
    private final List<List<String>> totalWords;
    private final List<List<String>> signatureWords;

    private Template(YamlTree root) {
        this.name = root.text("template");
        this.version = root.number("version");
        YamlTree header = root.tree("header");
        this.headerSearchRows = header.number("search_rows");
        this.candidateMinFields = header.number("candidate_min_fields");

        Map<Field, List<String>> aliasesByField = new EnumMap<>(Field.class);
        Map<String, Field> byKey = new HashMap<>();
        Set<Field> requiredFields = EnumSet.noneOf(Field.class);
        YamlTree fields = root.tree("fields");
        for (String key : fields.keys()) {
            Field field = field(key, fields.path(key));
            YamlTree definition = fields.tree(key);
            if (definition.has("required") && definition.bool("required")) {
                requiredFields.add(field);
            }
            List<String> fieldAliases = definition.texts("aliases");
            for (String alias : fieldAliases) {
                Field earlier = byKey.putIfAbsent(MatchKey.of(alias), field);
                if (earlier != null && earlier != field) {
                    throw new InvalidTemplateException(fields.path(key) + ".aliases: '" + alias
                            + "' is also an alias of " + earlier.key() + "; keep it under one field only.");
                }
            }
            aliasesByField.put(field, List.copyOf(fieldAliases));
        }
        for (Field field : Field.values()) {
            if (!aliasesByField.containsKey(field) || aliasesByField.get(field).isEmpty()) {
                throw new InvalidTemplateException("fields." + field.key() + ": missing, or without aliases; "
                        + "give the field at least one header alias.");
            }
        }
        this.aliases = Collections.unmodifiableMap(aliasesByField);
        this.fieldsByHeaderKey = Map.copyOf(byKey);
        this.required = Collections.unmodifiableSet(requiredFields);

        List<Set<Field>> groups = new ArrayList<>();
        if (root.has("required_one_of")) {
            for (List<String> group : root.textLists("required_one_of")) {
                Set<Field> members = EnumSet.noneOf(Field.class);
                group.forEach(key -> members.add(field(key, root.path("required_one_of"))));
                groups.add(Collections.unmodifiableSet(members));
            }
        }
        this.requiredOneOf = List.copyOf(groups);

        YamlTree listSeparators = root.tree("list_separators");
        this.separators = new ListSeparators(listSeparators.texts("characters"), listSeparators.texts("words"));
        Set<String> blankKeys = new HashSet<>();
        if (root.has("blank_values")) {
            root.texts("blank_values").forEach(value -> blankKeys.add(MatchKey.of(value)));
        }
        this.blankValueKeys = Set.copyOf(blankKeys);

        Map<Field, Vocabulary> lists = new EnumMap<>(Field.class);
        YamlTree vocabularyTrees = root.tree("vocabularies");
        for (String key : vocabularyTrees.keys()) {
            Field field = field(key, vocabularyTrees.path(key));
            if (!CODED_FIELDS.contains(field)) {
                throw new InvalidTemplateException(vocabularyTrees.path(key) + ": field " + key
                        + " takes no value list; value lists exist for " + keys(CODED_FIELDS) + ".");
            }
            lists.put(field, vocabulary(key, vocabularyTrees.trees(key)));
        }
        for (Field field : CODED_FIELDS) {
            if (!lists.containsKey(field)) {
                throw new InvalidTemplateException("vocabularies." + field.key() + ": missing; the template needs "
                        + "a value list for each of " + keys(CODED_FIELDS) + ".");
            }
        }
        this.vocabularies = Collections.unmodifiableMap(lists);
        this.citizenship = vocabulary("citizenship", root.trees("citizenship"));
        for (String code : List.of("WNI", "WNA")) {
            if (citizenship.terms().stream().noneMatch(term -> term.code().equals(code))) {
                throw new InvalidTemplateException("citizenship: code " + code + " is missing; keep WNI and WNA.");
            }
        }

        Map<String, List<String>> countryAliases = new LinkedHashMap<>();
        YamlTree countryTree = root.tree("countries");
        countryTree.keys().forEach(code -> countryAliases.put(code, countryTree.texts(code)));
        this.countries = new Countries(countryAliases);

        YamlTree dateTree = root.tree("dates");
        YamlTree monthTree = dateTree.tree("months");
        Map<String, Integer> months = new HashMap<>();
        for (String number : monthTree.keys()) {
            int month = YamlTree.parseNumber(number, monthTree.path(number));
            if (month < 1 || month > 12) {
                throw new InvalidTemplateException(monthTree.path(number) + ": months are numbered 1 to 12.");
            }
            monthTree.texts(number).forEach(spelling -> months.put(MatchKey.of(spelling), month));
        }
        Set<String> weekdays = new HashSet<>();
        if (dateTree.has("weekdays")) {
            dateTree.texts("weekdays").forEach(day -> weekdays.add(MatchKey.of(day)));
        }
        this.dates = new DateReader(this::isBlank, months, weekdays);

        YamlTree rows = root.tree("rows");
        this.totalWords = phrases(rows.texts("total_words"));
        this.signatureWords = phrases(rows.texts("signature_words"));
    }

    /** Loads a template from YAML; the stream is read but not closed. */
    public static Template load(InputStream yaml) {
        return load(yaml, "template");
    }

    /** Loads a template file, e.g. {@code jobs/templates/korban-v1.yaml}. */
    public static Template load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        }
        catch (IOException e) {
            throw new InvalidTemplateException("Template file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Template load(InputStream yaml, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml parser = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, new TextOnlyResolver());
        try {
            Object document = parser.load(yaml);
            return new Template(new YamlTree(document, ""));
        }
        catch (YAMLException e) {
            throw new InvalidTemplateException(source + " is not valid YAML: " + e.getMessage(), e);
        }
        catch (InvalidTemplateException e) {
            throw new InvalidTemplateException(source + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    /** How many rows from the top of a sheet are searched for the header. */
    public int headerSearchRows() {
        return headerSearchRows;
    }

    /** Matched fields from which a row that lacks required columns still counts as the header. */
    public int candidateMinFields() {
        return candidateMinFields;
    }

    public List<String> aliases(Field field) {
        return aliases.get(field);
    }

    /** The name of a field in messages to offices: its first alias, e.g. "Tanggal Lapor". */
    public String displayName(Field field) {
        return aliases.get(field).get(0);
    }

    public boolean isRequired(Field field) {
        return required.contains(field);
    }

    public Set<Field> requiredFields() {
        return required;
    }

    /** Groups of fields of which at least one must be filled in, e.g. [birth_date, age]. */
    public List<Set<Field>> requiredOneOf() {
        return requiredOneOf;
    }

    /** The field a header cell names, if any; brackets are dropped when the whole header matches nothing. */
    public Optional<Field> fieldOfHeader(String header) {
        Field field = fieldsByHeaderKey.get(MatchKey.of(header));
        if (field == null) {
            field = fieldsByHeaderKey.get(MatchKey.withoutBrackets(header));
        }
        return Optional.ofNullable(field);
    }

    /** The value list of a coded field ({@link #CODED_FIELDS}). */
    public Vocabulary vocabulary(Field field) {
        Vocabulary vocabulary = vocabularies.get(field);
        if (vocabulary == null) {
            throw new IllegalArgumentException(field.key() + " has no value list");
        }
        return vocabulary;
    }

    public Vocabulary citizenship() {
        return citizenship;
    }

    public Countries countries() {
        return countries;
    }

    public ListSeparators separators() {
        return separators;
    }

    public DateReader dates() {
        return dates;
    }

    /** Whether a cell holds nothing: empty, only punctuation such as "-", or one of the template's blank values. */
    public boolean isBlank(CellValue cell) {
        if (cell == null || cell.isBlank()) {
            return true;
        }
        if (cell.kind() == CellValue.Kind.NUMBER || cell.kind() == CellValue.Kind.DATE) {
            return false;
        }
        return isBlank(cell.text());
    }

    /** Whether a text means nothing (see {@link #isBlank(CellValue)}). */
    public boolean isBlank(String text) {
        String key = MatchKey.of(text);
        return key.isEmpty() || blankValueKeys.contains(key);
    }

    /** Whether a text starts a total row ("Jumlah", "Total"). */
    public boolean isTotalLabel(String text) {
        List<String> words = MatchKey.words(text);
        return totalWords.stream().anyMatch(phrase -> MatchKey.startsWithWords(words, phrase));
    }

    /** Whether a text starts a signature block ("Mengetahui", "Kepala Dinas", "NIP"). */
    public boolean isSignatureLabel(String text) {
        List<String> words = MatchKey.words(text);
        return signatureWords.stream().anyMatch(phrase -> MatchKey.startsWithWords(words, phrase));
    }

    private static List<List<String>> phrases(List<String> texts) {
        return texts.stream().map(MatchKey::words).filter(words -> !words.isEmpty()).map(List::copyOf).toList();
    }

    private static Vocabulary vocabulary(String name, List<YamlTree> entries) {
        List<Vocabulary.Term> terms = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (YamlTree entry : entries) {
            String code = entry.text("code");
            if (!codes.add(code)) {
                throw new InvalidTemplateException(entry.path("code") + ": code " + code + " appears twice in list "
                        + name + "; merge the two entries.");
            }
            terms.add(new Vocabulary.Term(code, entry.text("label_id"), entry.text("label_en"),
                    entry.has("synonyms") ? entry.texts("synonyms") : List.of()));
        }
        try {
            return new Vocabulary(name, terms);
        }
        catch (InvalidTemplateException e) {
            throw new InvalidTemplateException("vocabularies." + name + ": " + e.getMessage(), e);
        }
    }

    private static Field field(String key, String path) {
        try {
            return Field.ofKey(key);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidTemplateException(path + ": '" + key + "' is not a field of the template; the fields are "
                    + keys(EnumSet.allOf(Field.class)) + ".");
        }
    }

    private static String keys(Set<Field> fields) {
        return String.join(", ", fields.stream().map(Field::key).toList());
    }

    /** Reads every YAML scalar as text, so a steward may write No, Yes, On or 1 without quotes. */
    private static final class TextOnlyResolver extends Resolver {

        @Override
        protected void addImplicitResolvers() {
        }
    }
}
