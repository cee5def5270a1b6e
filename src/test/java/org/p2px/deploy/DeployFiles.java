package org.p2px.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Reads the files under deploy/ and the configuration they must agree with (tests run in the project's directory). */
final class DeployFiles
{
    static final Path DEPLOY = Path.of("deploy");
    static final Path APPLICATION_PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final YAMLMapper YAML = new YAMLMapper();

    private DeployFiles()
    {
    }

    static Properties applicationProperties()
    {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(APPLICATION_PROPERTIES))
        {
            properties.load(reader);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return properties;
    }

    /** A YAML file of one document, below deploy/. */
    static JsonNode yaml(final String file)
    {
        final List<JsonNode> documents = yamlDocuments(DEPLOY.resolve(file));
        if (documents.size() != 1)
        {
            throw new IllegalStateException(file + " holds " + documents.size() + " YAML documents, not one");
        }
        return documents.get(0);
    }

    static List<JsonNode> yamlDocuments(final Path file)
    {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file.toFile()))
        {
            final List<JsonNode> all = new ArrayList<>();
            documents.forEachRemaining(document ->
            {
                if (!document.isMissingNode() && !document.isNull())
                {
                    all.add(document);
                }
            });
            return all;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** deploy/jvm.options: one JVM option a line, as {@code java @deploy/jvm.options} reads it. */
    static List<String> jvmOptions()
    {
        return lines(DEPLOY.resolve("jvm.options")).stream()
            .map(String::trim)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toList();
    }

    static List<String> lines(final Path file)
    {
        try
        {
            return Files.readAllLines(file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** How long Kubernetes lets the server stop cleanly; the other deployments wait as long. */
    static int stopGraceSeconds()
    {
        return yaml("kubernetes/statefulset.yaml")
            .path("spec").path("template").path("spec").path("terminationGracePeriodSeconds").asInt();
    }

    /** The values of a YAML sequence of strings (empty when absent). */
    static List<String> strings(final JsonNode sequence)
    {
        final List<String> values = new ArrayList<>();
        sequence.forEach(value -> values.add(value.asText()));
        return values;
    }
}
