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
 * A case template as loaded from its file ({@code jobs/templates/korban-v1.yaml}), bound to
 * {@link TemplateFile} records and checked for meaning (known fields, one spelling in one place;
 * every complaint names its path in the file and is worded in the {@code template} bundle): the header
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
    private final KeySet blankValueKeys;
    private final Map<Field, Vocabulary> vocabularies;
    private final Vocabulary citizenship;
    private final CountrySpellings countries;
    private final DateReader dates;
    private final List<List<String>> totalWords;
    private final List<List<String>> signatureWords;

    private Template(TemplateFile file) {
        this.name = TemplateFile.text(file.template(), "template");
        this.version = TemplateFile.number(file.version(), "version");
        TemplateFile.Header header = TemplateFile.required(file.header(), "header");
        this.headerSearchRows = TemplateFile.number(header.searchRows(), "header.search_rows");
        this.candidateMinFields = TemplateFile.number(header.candidateMinFields(), "header.candidate_min_fields");

        Map<Field, List<String>> aliasesByField = new EnumMap<>(Field.class);
        Map<String, Field> byKey = new HashMap<>();
        Set<Field> requiredFields = EnumSet.noneOf(Field.class);
        TemplateFile.required(file.fields(), "fields").forEach((key, definition) -> {
            String path = "fields." + key;
            Field field = field(key, path);
            TemplateFile.required(definition, path);
            if (definition.required() != null && TemplateFile.bool(definition.required(), path + ".required")) {
                requiredFields.add(field);
            }
            List<String> fieldAliases = TemplateFile.texts(definition.aliases(), path + ".aliases");
            for (String alias : fieldAliases) {
                Field earlier = byKey.putIfAbsent(MatchKey.of(alias), field);
                if (earlier != null && earlier != field) {
                    throw InvalidTemplateException.of("template.field.alias-twice", path + ".aliases", alias,
                            earlier.key());
                }
            }
            aliasesByField.put(field, List.copyOf(fieldAliases));
        });
        for (Field field : Field.values()) {
            if (!aliasesByField.containsKey(field) || aliasesByField.get(field).isEmpty()) {
                throw InvalidTemplateException.of("template.field.no-aliases", field.key());
            }
        }
        this.aliases = Collections.unmodifiableMap(aliasesByField);
        this.fieldsByHeaderKey = Map.copyOf(byKey);
        this.required = Collections.unmodifiableSet(requiredFields);

        List<Set<Field>> groups = new ArrayList<>();
        List<List<String>> oneOf = file.requiredOneOf() == null ? List.of() : file.requiredOneOf();
        for (int i = 0; i < oneOf.size(); i++) {
            String path = "required_one_of[" + i + "]";
            Set<Field> members = EnumSet.noneOf(Field.class);
            TemplateFile.texts(oneOf.get(i), path).forEach(key -> members.add(field(key, path)));
            groups.add(Collections.unmodifiableSet(members));
        }
        this.requiredOneOf = List.copyOf(groups);

        TemplateFile.ListSeparatorWords listSeparators = TemplateFile.required(file.listSeparators(), "list_separators");
        this.separators = new ListSeparators(TemplateFile.texts(listSeparators.characters(), "list_separators.characters"),
                TemplateFile.texts(listSeparators.words(), "list_separators.words"));
        Set<String> blankKeys = new HashSet<>();
        if (file.blankValues() != null) {
            TemplateFile.texts(file.blankValues(), "blank_values").forEach(value -> blankKeys.add(MatchKey.of(value)));
        }
        this.blankValueKeys = new KeySet(blankKeys);

        Map<Field, Vocabulary> lists = new EnumMap<>(Field.class);
        TemplateFile.required(file.vocabularies(), "vocabularies").forEach((key, entries) -> {
            String path = "vocabularies." + key;
            Field field = field(key, path);
            if (!CODED_FIELDS.contains(field)) {
                throw InvalidTemplateException.of("template.vocabulary.not-coded", path, key, keys(CODED_FIELDS));
            }
            lists.put(field, vocabulary(key, path, entries));
        });
        for (Field field : CODED_FIELDS) {
            if (!lists.containsKey(field)) {
                throw InvalidTemplateException.of("template.vocabulary.missing", field.key(), keys(CODED_FIELDS));
            }
        }
        this.vocabularies = Collections.unmodifiableMap(lists);
        this.citizenship = vocabulary("citizenship", "citizenship", file.citizenship());
        for (String code : List.of("WNI", "WNA")) {
            if (citizenship.terms().stream().noneMatch(term -> term.code().equals(code))) {
                throw InvalidTemplateException.of("template.citizenship.code", code);
            }
        }

        Map<String, List<String>> countryAliases = new LinkedHashMap<>();
        TemplateFile.required(file.countries(), "countries")
                .forEach((code, spellings) -> countryAliases.put(code, TemplateFile.texts(spellings, "countries." + code)));
        this.countries = new CountrySpellings(countryAliases);

        TemplateFile.DateWords dateWords = TemplateFile.required(file.dates(), "dates");
        Map<String, Integer> months = new HashMap<>();
        TemplateFile.required(dateWords.months(), "dates.months").forEach((number, spellings) -> {
            String path = "dates.months." + number;
            int month = TemplateFile.number(number, path);
            if (month < 1 || month > 12) {
                throw InvalidTemplateException.of("template.month.range", path);
            }
            TemplateFile.texts(spellings, path).forEach(spelling -> months.put(MatchKey.of(spelling), month));
        });
        Set<String> weekdays = new HashSet<>();
        if (dateWords.weekdays() != null) {
            TemplateFile.texts(dateWords.weekdays(), "dates.weekdays").forEach(day -> weekdays.add(MatchKey.of(day)));
        }
        this.dates = new DateReader(this::isBlank, months, weekdays);

        TemplateFile.RowWords rows = TemplateFile.required(file.rows(), "rows");
        this.totalWords = phrases(TemplateFile.texts(rows.totalWords(), "rows.total_words"));
        this.signatureWords = phrases(TemplateFile.texts(rows.signatureWords(), "rows.signature_words"));
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
            throw new InvalidTemplateException(
                    InvalidTemplateException.text("template.file.unreadable", file, String.valueOf(e.getMessage())), e);
        }
    }

    private static Template load(InputStream yaml, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml parser = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, new TextOnlyResolver());
        try {
            return new Template(TemplateFile.bind(parser.load(yaml)));
        }
        catch (YAMLException e) {
            throw new InvalidTemplateException(
                    InvalidTemplateException.text("template.file.invalid-yaml", source, e.getMessage()), e);
        }
        catch (InvalidTemplateException e) {
            throw e.at(source);
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

    public CountrySpellings countries() {
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
        return blankValueKeys.isEmptyOrHoldsKeyOf(text);
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

    private static Vocabulary vocabulary(String name, String path, List<TemplateFile.Term> entries) {
        List<Vocabulary.Term> terms = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        TemplateFile.required(entries, path);
        for (int i = 0; i < entries.size(); i++) {
            String entryPath = path + "[" + i + "]";
            TemplateFile.Term entry = TemplateFile.required(entries.get(i), entryPath);
            String code = TemplateFile.text(entry.code(), entryPath + ".code");
            if (!codes.add(code)) {
                throw InvalidTemplateException.of("template.vocabulary.code-twice", entryPath + ".code", code, name);
            }
            terms.add(new Vocabulary.Term(code, TemplateFile.text(entry.labelId(), entryPath + ".label_id"),
                    TemplateFile.text(entry.labelEn(), entryPath + ".label_en"),
                    entry.synonyms() == null ? List.of() : TemplateFile.texts(entry.synonyms(), entryPath + ".synonyms")));
        }
        return new Vocabulary(name, terms);
    }

    private static Field field(String key, String path) {
        try {
            return Field.ofKey(key);
        }
        catch (IllegalArgumentException e) {
            throw InvalidTemplateException.of("template.field.unknown", path, key, keys(EnumSet.allOf(Field.class)));
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
