package org.gugus.persons;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.gugus.persons.linkage.Linkage;
import org.gugus.persons.linkage.LinkageSettings;
import org.gugus.system.Message;
import org.gugus.system.Messages;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * The linkage settings, {@code gugus.persons.linkage.*} (shipped in {@code jobs/linkage.yaml}):
 * each component of {@link LinkageSettings} is bound from its kebab-case key, and a key not given
 * keeps the value of {@link LinkageSettings#defaults()}, so the settings may gain components without
 * a change here. A key that is not a component, a value that does not convert or is out of range
 * stops start-up with a message naming the key.
 */
@Configuration(proxyBeanMethods = false)
class LinkageConfiguration {

    static final String PREFIX = "gugus.persons.linkage";

    @Bean
    LinkageSettings linkageSettings(Environment environment) {
        return bind(Binder.get(environment));
    }

    @Bean
    Linkage linkage(LinkageSettings settings) {
        return new Linkage(settings);
    }

    /** The settings bound from the environment under {@link #PREFIX}, checked. */
    static LinkageSettings bind(Binder binder) {
        LinkageSettings defaults = LinkageSettings.defaults();
        RecordComponent[] components = LinkageSettings.class.getRecordComponents();
        Set<String> known = Arrays.stream(components).map(c -> kebab(c.getName())).collect(Collectors.toSet());
        binder.bind(PREFIX, Bindable.mapOf(String.class, Object.class)).orElse(Map.of()).keySet().stream()
                .map(key -> key.replaceAll("[\\[.].*$", ""))
                .filter(key -> !known.contains(key))
                .findFirst().ifPresent(key -> {
                    throw invalid(key, Messages.get("persons.settings.unknown-key", String.join(", ", new TreeSet<>(known))));
                });
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String key = kebab(component.getName());
            types[i] = component.getType();
            try {
                values[i] = binder.bind(PREFIX + "." + key, Bindable.of(ResolvableType.forType(component.getGenericType())))
                        .orElseGet(() -> read(component, defaults));
            } catch (BindException e) {
                throw invalid(key, Messages.get("persons.settings.unreadable", rootMessage(e)));
            }
            if (values[i] == null) {
                throw invalid(key, Messages.get("persons.settings.missing"));
            }
        }
        LinkageSettings settings = construct(types, values);
        check(settings);
        return settings;
    }

    private static void check(LinkageSettings settings) {
        if (!(settings.matchProbability() > 0 && settings.matchProbability() <= 1)) {
            throw invalid("match-probability", Messages.get("persons.settings.probability", settings.matchProbability()));
        }
        if (!(settings.reviewProbability() > 0 && settings.reviewProbability() <= settings.matchProbability())) {
            throw invalid("review-probability", Messages.get("persons.settings.review-probability",
                    settings.reviewProbability(), settings.matchProbability()));
        }
        if (settings.blockingRules().isEmpty()) {
            throw invalid("blocking-rules", Messages.get("persons.settings.no-rules"));
        }
        for (String rule : settings.blockingRules()) {
            if (!LinkageSettings.BLOCKING_RULES.contains(rule)) {
                throw invalid("blocking-rules", Messages.get("persons.settings.unknown-rule", rule,
                        String.join(", ", LinkageSettings.BLOCKING_RULES)));
            }
        }
    }

    private static LinkageSettings construct(Class<?>[] types, Object[] values) {
        try {
            Constructor<LinkageSettings> constructor = LinkageSettings.class.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new InvalidLinkageSettingsException(Messages.get("persons.settings.invalid", PREFIX,
                    e.getCause().getMessage()).both(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object read(RecordComponent component, LinkageSettings defaults) {
        try {
            return component.getAccessor().invoke(defaults);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InvalidLinkageSettingsException invalid(String key, Message problem) {
        return new InvalidLinkageSettingsException(Messages.get("persons.settings.invalid", PREFIX + "." + key,
                problem).both(), null);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    /** {@code matchProbability} → {@code match-probability}. */
    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The linkage settings cannot be used; names the key. */
    static final class InvalidLinkageSettingsException extends IllegalStateException {

        InvalidLinkageSettingsException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
