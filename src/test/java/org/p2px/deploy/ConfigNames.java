package org.p2px.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/**
 * The configuration properties the server has: the keys of application.properties (and the names its values refer
 * to, such as {@code p2px.db.url}) and every property of a {@code @ConfigMapping} interface; and the environment
 * variable that sets each, as MicroProfile Config maps them (each character but letters and digits becomes
 * {@code _}, then upper case: {@code p2px.engine.data-dir} is {@code P2PX_ENGINE_DATA_DIR}).
 */
final class ConfigNames
{
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^:}]+)");
    private static final Pattern PROFILE = Pattern.compile("^%[^.]+\\.");

    private static ConfigNames server;

    private final Set<String> environmentNames = new TreeSet<>();

    private ConfigNames()
    {
        final Properties properties = DeployFiles.applicationProperties();
        for (final String key : properties.stringPropertyNames())
        {
            addProperty(PROFILE.matcher(key).replaceFirst(""));
            final Matcher reference = REFERENCE.matcher(properties.getProperty(key));
            while (reference.find())
            {
                addProperty(reference.group(1));
            }
        }
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.p2px")
            .stream()
            .filter(type -> type.isAnnotatedWith(ConfigMapping.class))
            .map(JavaClass::reflect)
            .forEach(type -> addMapping(type.getAnnotation(ConfigMapping.class).prefix(), type));
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

    private void addProperty(final String property)
    {
        environmentNames.add(environmentName(property));
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
            final Class<?> returned = method.getReturnType();
            if (returned.isInterface() && returned.getName().startsWith("org.p2px."))
            {
                addMapping(name, returned);
            }
            else
            {
                addProperty(name);
            }
        }
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
