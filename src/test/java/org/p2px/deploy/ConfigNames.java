package org.p2px.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configuration properties the server has: the keys of application.properties (and the names its values refer
 * to, such as {@code p2px.db.url}), every property of a {@code @ConfigMapping} interface and every
 * {@code @ConfigProperty}; the environment variable that sets each, as MicroProfile Config maps them (each
 * character but letters and digits becomes {@code _}, then upper case: {@code p2px.engine.data-dir} is
 * {@code P2PX_ENGINE_DATA_DIR}); and the default the packaged server runs with (its {@code prod} profile, with no
 * setting given), from application.properties where it sets one, else from the code.
 */
final class ConfigNames
{
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^:}]+)");
    private static final Pattern PROFILE = Pattern.compile("^%([^.]+)\\.");
    private static final String OURS = "p2px.";

    private static ConfigNames server;

    private final Set<String> environmentNames = new TreeSet<>();
    /** Every p2px property the code defines, with its default in the code (null: none). */
    private final Map<String, String> codeDefaults = new TreeMap<>();
    /** The p2px names application.properties sets or refers to, in any profile. */
    private final Set<String> namedInProperties = new TreeSet<>();
    /** What application.properties sets for the packaged server: the {@code %prod} value, else the plain one. */
    private final Map<String, String> packaged = new TreeMap<>();
    /** A name the packaged settings refer to with a fallback ({@code ${p2px.db.url:jdbc:h2:...}}): that fallback. */
    private final Map<String, String> fallbacks = new TreeMap<>();

    private ConfigNames()
    {
        final Properties properties = DeployFiles.applicationProperties();
        for (final String key : properties.stringPropertyNames())
        {
            final Matcher profile = PROFILE.matcher(key);
            final String name = profile.replaceFirst("");
            final String value = properties.getProperty(key);
            addName(name);
            final Matcher reference = REFERENCE.matcher(value);
            while (reference.find())
            {
                addName(reference.group(1));
            }
            final boolean prod = profile.find(0) && profile.group(1).equals("prod");
            if (prod || (!key.startsWith("%") && !packaged.containsKey(name)))
            {
                packaged.put(name, value);
            }
        }
        packaged.values().forEach(this::noteFallbacks);
        final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.p2px");
        classes.stream()
            .filter(type -> type.isAnnotatedWith(ConfigMapping.class))
            .map(JavaClass::reflect)
            .forEach(type -> addMapping(type.getAnnotation(ConfigMapping.class).prefix(), type));
        classes.stream().flatMap(ConfigNames::configProperties).forEach(property ->
        {
            addName(property.name());
            if (property.name().startsWith(OURS))
            {
                codeDefaults.put(property.name(),
                    ConfigProperty.UNCONFIGURED_VALUE.equals(property.defaultValue()) ? null : property.defaultValue());
            }
        });
    }

    /** Read once: importing the classes takes seconds. */
    static synchronized ConfigNames server()
    {
        if (server == null)
        {
            server = new ConfigNames();
        }
        return server;
    }

    static String environmentName(final String property)
    {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Fails naming every variable that sets no property and is not one of the launcher's own variables. */
    void assertAllSetProperties(final String where, final Collection<String> variables, final Set<String> launcherVariables)
    {
        final List<String> unknown = variables.stream()
            .filter(name -> !environmentNames.contains(name) && !launcherVariables.contains(name))
            .sorted()
            .toList();
        assertEquals(List.of(), unknown, where + ": environment variables that set no property of the server");
    }

    /**
     * Every {@code p2px.*} property, each with the packaged server's default: what application.properties gives it
     * (its references resolved), else the code's default, else a referring setting's fallback; null when none or empty.
     */
    Map<String, String> serverDefaults()
    {
        final Map<String, String> defaults = new TreeMap<>();
        Stream.concat(codeDefaults.keySet().stream(), namedInProperties.stream())
            .filter(name -> name.startsWith(OURS))
            .forEach(name -> defaults.put(name, packagedDefault(name)));
        return defaults;
    }

    /** What application.properties sets for the packaged server, key by key, its references resolved. */
    Map<String, String> packagedSettings()
    {
        final Map<String, String> settings = new TreeMap<>();
        packaged.forEach((name, value) -> settings.put(name, expand(value, new HashSet<>())));
        return settings;
    }

    private String packagedDefault(final String name)
    {
        final String value = resolve(name, null, new HashSet<>());
        return value == null || value.isEmpty() ? null : value;
    }

    /** The value {@code name} has for the packaged server, or {@code fallback} when it has none. */
    private String resolve(final String name, final String fallback, final Set<String> resolving)
    {
        if (!resolving.add(name))
        {
            throw new IllegalStateException("application.properties refers to " + name + " in a circle");
        }
        final String raw = packaged.containsKey(name) ? packaged.get(name)
            : codeDefaults.get(name) != null ? codeDefaults.get(name)
            : fallback != null ? fallback
            : fallbacks.get(name);
        final String value = raw == null ? null : expand(raw, resolving);
        resolving.remove(name);
        return value;
    }

    /** Replaces every {@code ${name}} and {@code ${name:fallback}} (fallbacks may nest them) with its value. */
    private String expand(final String value, final Set<String> resolving)
    {
        final StringBuilder expanded = new StringBuilder();
        int from = 0;
        int start;
        while ((start = value.indexOf("${", from)) >= 0)
        {
            final int end = closingBrace(value, start);
            final String expression = value.substring(start + 2, end);
            final int colon = expression.indexOf(':');
            final String name = colon < 0 ? expression : expression.substring(0, colon);
            final String resolved = resolve(name, colon < 0 ? null : expression.substring(colon + 1), resolving);
            expanded.append(value, from, start).append(resolved == null ? "${" + expression + "}" : resolved);
            from = end + 1;
        }
        return expanded.append(value.substring(from)).toString();
    }

    private void noteFallbacks(final String value)
    {
        int start;
        int from = 0;
        while ((start = value.indexOf("${", from)) >= 0)
        {
            final int end = closingBrace(value, start);
            final String expression = value.substring(start + 2, end);
            final int colon = expression.indexOf(':');
            if (colon > 0)
            {
                fallbacks.putIfAbsent(expression.substring(0, colon), expression.substring(colon + 1));
                noteFallbacks(expression.substring(colon + 1));
            }
            from = end + 1;
        }
    }

    private static int closingBrace(final String value, final int start)
    {
        int depth = 0;
        for (int i = start; i < value.length(); i++)
        {
            if (value.startsWith("${", i))
            {
                depth++;
                i++;
            }
            else if (value.charAt(i) == '}' && --depth == 0)
            {
                return i;
            }
        }
        throw new IllegalStateException("no closing brace in " + value);
    }

    private void addName(final String property)
    {
        environmentNames.add(environmentName(property));
        if (property.startsWith(OURS))
        {
            namedInProperties.add(property);
        }
    }

    private void addMapping(final String prefix, final Class<?> type)
    {
        for (final Method method : type.getMethods())
        {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0)
            {
                continue;
            }
            final WithName withName = method.getAnnotation(WithName.class);
            final String name = prefix + "." + (withName != null ? withName.value() : kebabCase(method.getName()));
            final Class<?> group = group(method);
            if (group != null)
            {
                addMapping(name, group);
            }
            else
            {
                environmentNames.add(environmentName(name));
                final WithDefault withDefault = method.getAnnotation(WithDefault.class);
                codeDefaults.put(name, withDefault == null ? null : withDefault.value());
            }
        }
    }

    /** The group interface a method returns, itself or in an Optional; null for a value. */
    private static Class<?> group(final Method method)
    {
        Type returned = method.getGenericReturnType();
        if (returned instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class)
        {
            returned = parameterized.getActualTypeArguments()[0];
        }
        return returned instanceof Class<?> type && type.isInterface() && type.getName().startsWith("org.p2px.")
            ? type : null;
    }

    /** The {@code @ConfigProperty} injection points of a class: fields and parameters of constructors and methods. */
    private static Stream<ConfigProperty> configProperties(final JavaClass type)
    {
        final Stream<ConfigProperty> fields = type.getFields().stream()
            .flatMap(field -> field.tryGetAnnotationOfType(ConfigProperty.class).stream());
        final Stream<ConfigProperty> parameters = type.getCodeUnits().stream()
            .flatMap(unit -> unit.getParameters().stream())
            .flatMap(parameter -> parameter.tryGetAnnotationOfType(ConfigProperty.class).stream());
        return Stream.concat(fields, parameters);
    }

    /** SmallRye Config's default naming: {@code maxFailuresPerAddress} is {@code max-failures-per-address}. */
    private static String kebabCase(final String methodName)
    {
        final StringBuilder name = new StringBuilder();
        for (final char c : methodName.toCharArray())
        {
            if (Character.isUpperCase(c))
            {
                name.append('-').append(Character.toLowerCase(c));
            }
            else
            {
                name.append(c);
            }
        }
        return name.toString();
    }
}
