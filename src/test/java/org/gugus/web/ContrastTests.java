package org.gugus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Text colours of the pages' style sheet against their backgrounds reach WCAG AA for body text
 * (contrast ratio 4.5:1): every rule that sets both a text colour and a background, and the text
 * colours set without one against the backgrounds they are shown on.
 */
class ContrastTests {

    static final double AA = 4.5;
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");
    private static final Pattern VARIABLE = Pattern.compile("--([a-z-]+)\\s*:\\s*(#[0-9a-fA-F]{6})");
    private static final Pattern HEX = Pattern.compile("^#[0-9a-fA-F]{6}$");

    private final String css = css();
    private final Map<String, String> palette = palette(css);

    @Test
    void everyRuleWithATextColourAndABackgroundReachesAa() {
        List<String> failing = new ArrayList<>();
        int checked = 0;
        Matcher rule = RULE.matcher(css.replaceAll("(?s)/\\*.*?\\*/", ""));
        while (rule.find()) {
            String color = colour(declaration(rule.group(2), "color"));
            String background = colour(declaration(rule.group(2), "background"));
            if (color != null && background != null) {
                checked++;
                double ratio = ratio(color, background);
                if (ratio < AA) {
                    failing.add(rule.group(1).strip() + ": " + color + " on " + background + " = " + "%.2f".formatted(ratio));
                }
            }
        }
        assertThat(checked).as("rules with a text colour and a background").isGreaterThan(15);
        assertThat(failing).isEmpty();
    }

    @Test
    void textColoursSetWithoutABackgroundReachAaOnThePagesBackgrounds() {
        Map<String, String[]> pairs = new LinkedHashMap<>();
        // page text, links and hints on the page (wash), on tables and panels (paper) and on notices
        for (String text : List.of("ink", "muted", "accent", "error", "ok", "warn-ink")) {
            pairs.put(text + " on wash", new String[] {var(text), var("wash")});
            pairs.put(text + " on paper", new String[] {var(text), var("paper")});
        }
        pairs.put("ink on a notice", new String[] {var("ink"), "#e7f1f8"});
        pairs.put("accent (links) on a notice", new String[] {var("accent"), "#e7f1f8"});
        pairs.put("muted on a notice", new String[] {var("muted"), "#e7f1f8"});
        pairs.put("muted on a warning row", new String[] {var("muted"), var("warn-bg")});
        pairs.put("accent on an error row", new String[] {var("accent"), var("error-bg")});
        pairs.put("header text on accent", new String[] {var("accent-ink"), var("accent")});
        // the header's other language (opacity 0.75) and the brand's note (0.9), blended into the accent
        pairs.put("other language in the header", new String[] {blend(var("accent-ink"), var("accent"), 0.75), var("accent")});
        pairs.put("brand note in the header", new String[] {blend(var("accent-ink"), var("accent"), 0.9), var("accent")});

        List<String> failing = new ArrayList<>();
        pairs.forEach((name, pair) -> {
            double ratio = ratio(pair[0], pair[1]);
            if (ratio < AA) {
                failing.add(name + ": " + pair[0] + " on " + pair[1] + " = " + "%.2f".formatted(ratio));
            }
        });
        assertThat(failing).isEmpty();
    }

    @Test
    void theRatioIsWcagsForKnownPairs() {
        assertThat(ratio("#000000", "#ffffff")).isEqualTo(21.0, Offset.offset(0.01));
        assertThat(ratio("#777777", "#ffffff")).isEqualTo(4.48, Offset.offset(0.01));
        assertThat(ratio("#ffffff", "#ffffff")).isEqualTo(1.0);
    }

    /** WCAG 2 contrast ratio: (L1 + 0.05) / (L2 + 0.05) of the relative luminances, lighter first. */
    static double ratio(String first, String second) {
        double a = luminance(first);
        double b = luminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String hex) {
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            rgb[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }

    private static String blend(String top, String bottom, double opacity) {
        StringBuilder hex = new StringBuilder("#");
        for (int i = 0; i < 3; i++) {
            int t = Integer.parseInt(top.substring(1 + 2 * i, 3 + 2 * i), 16);
            int b = Integer.parseInt(bottom.substring(1 + 2 * i, 3 + 2 * i), 16);
            hex.append("%02x".formatted((int) Math.round(t * opacity + b * (1 - opacity))));
        }
        return hex.toString();
    }

    private String var(String name) {
        assertThat(palette).as("palette of gugus.css").containsKey(name);
        return palette.get(name);
    }

    /** A declaration's colour when it is one colour (a hex or a variable of the palette), else null. */
    private String colour(String value) {
        if (value == null) {
            return null;
        }
        Matcher variable = Pattern.compile("^var\\(--([a-z-]+)\\)$").matcher(value);
        if (variable.matches()) {
            return palette.get(variable.group(1));
        }
        return HEX.matcher(value).matches() ? value.toLowerCase() : null;
    }

    private static String declaration(String block, String property) {
        for (String declaration : block.split(";")) {
            String[] parts = declaration.split(":", 2);
            if (parts.length == 2 && parts[0].strip().equals(property)) {
                return parts[1].strip();
            }
        }
        return null;
    }

    private static Map<String, String> palette(String css) {
        Map<String, String> palette = new LinkedHashMap<>();
        Matcher variable = VARIABLE.matcher(css);
        while (variable.find()) {
            palette.put(variable.group(1), variable.group(2).toLowerCase());
        }
        return palette;
    }

    private static String css() {
        try (InputStream in = ContrastTests.class.getResourceAsStream("/static/css/gugus.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
