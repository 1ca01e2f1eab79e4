package org.gugus.system;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every text a user reads comes from one set of bundles, {@code src/main/resources/messages/}: a
 * bundle per module, {@code MODULE.properties} in Indonesian (the default) and
 * {@code MODULE_en.properties} in English. A key names its bundle before its first dot
 * ({@code intake.file.empty} is in {@code messages/intake}). Texts are {@link MessageFormat}
 * patterns: a quote is written {@code ''}; numbers are inserted as written ({@code 2000000}), never
 * grouped by locale; a {@link Message} argument (a part worded in both languages) is inserted in the
 * language being written. Plain Java, so the readers and rules use it without Spring; the web pages read
 * the same bundles through Spring's {@code MessageSource}.
 */
public final class Messages {

    /** Indonesian, the language of the bundles' default files. */
    public static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** The text of a key in both languages; a {@link Message} argument goes in in each language. */
    public static Message get(String key, Object... arguments) {
        return new Message(text(INDONESIAN, key, arguments), text(Locale.ENGLISH, key, arguments));
    }

    /** The text of a key in one language (Indonesian for any language without a bundle of its own). */
    public static String text(Locale locale, String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle(key, locale).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No message '" + key + "' in messages/" + bundleName(key), e);
        }
        Object[] written = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            written[i] = arguments[i] instanceof Number number ? number.toString()
                    : arguments[i] instanceof Message part ? (english(locale) ? part.en() : part.id()) : arguments[i];
        }
        return new MessageFormat(pattern, locale).format(written);
    }

    private static boolean english(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    private static ResourceBundle bundle(String key, Locale locale) {
        Locale bundleLocale = english(locale) ? Locale.ENGLISH : Locale.ROOT;
        return ResourceBundle.getBundle("messages/" + bundleName(key), bundleLocale, Messages.class.getClassLoader(),
                NO_FALLBACK);
    }

    private static String bundleName(String key) {
        int dot = key.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("Message key '" + key + "' names no bundle (MODULE.key)");
        }
        return key.substring(0, dot);
    }
}
