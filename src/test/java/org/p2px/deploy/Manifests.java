package org.p2px.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;

/** What the Kubernetes manifests' tests read out of a parsed manifest. */
final class Manifests
{
    /** Read by the java launcher, not by the configuration. */
    static final Set<String> LAUNCHER_VARIABLES = Set.of("JDK_JAVA_OPTIONS");

    private Manifests()
    {
    }

    /** A container's {@code env}, name to value ({@code ""} for one given by {@code valueFrom}). */
    static Map<String, String> env(final JsonNode container)
    {
        final Map<String, String> env = new LinkedHashMap<>();
        container.path("env").forEach(variable -> env.put(variable.path("name").asText(), variable.path("value").asText()));
        return env;
    }

    static Set<String> keys(final JsonNode mapping)
    {
        final Set<String> keys = new TreeSet<>();
        mapping.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Where a container mounts a volume of its pod. */
    static String mountPath(final JsonNode container, final String volume)
    {
        for (final JsonNode mount : container.path("volumeMounts"))
        {
            if (volume.equals(mount.path("name").asText()))
            {
                return mount.path("mountPath").asText();
            }
        }
        throw new AssertionError("no mount of the volume " + volume + " in " + container.path("name").asText());
    }

    /** A Kubernetes quantity (3Gi) or a JVM size (2g) in bytes. */
    static long bytes(final String size)
    {
        final String units = "kmgt";
        final String lower = size.toLowerCase(Locale.ROOT).replace("i", "");
        final int unit = units.indexOf(lower.charAt(lower.length() - 1));
        return unit < 0 ? Long.parseLong(lower) : Long.parseLong(lower.substring(0, lower.length() - 1)) << (10 * (unit + 1));
    }

    /**
     * Every variable the server's container is given sets a setting of the server: its own, those of the ConfigMap
     * and the Secret it takes in that order through envFrom, and {@code more} (such as those its command sets).
     */
    static void assertServerSettings(final String where, final JsonNode container, final JsonNode configMap,
        final JsonNode credentials, final Set<String> more)
    {
        final Set<String> variables = new TreeSet<>(env(container).keySet());
        variables.addAll(keys(configMap.path("data")));
        variables.addAll(keys(credentials.path("stringData")));
        variables.addAll(more);
        ConfigNames.server().assertAllSetProperties(where, variables, LAUNCHER_VARIABLES);

        final JsonNode envFrom = container.path("envFrom");
        assertEquals(configMap.path("metadata").path("name"), envFrom.get(0).path("configMapRef").path("name"));
        assertEquals(credentials.path("metadata").path("name"), envFrom.get(1).path("secretRef").path("name"));
    }

    /** The container's memory, its request and its limit, which must be equal. */
    static long memory(final JsonNode container)
    {
        final JsonNode resources = container.path("resources");
        final long memory = bytes(resources.path("requests").path("memory").asText());
        assertEquals(memory, bytes(resources.path("limits").path("memory").asText()), container.path("name").asText());
        return memory;
    }

    /** The -Xmx of the container's JDK_JAVA_OPTIONS, in bytes. */
    static long maxHeap(final JsonNode container)
    {
        final String heap = List.of(env(container).get("JDK_JAVA_OPTIONS").split("\\s+")).stream()
            .filter(option -> option.startsWith("-Xmx"))
            .findFirst()
            .orElseThrow();
        return bytes(heap.substring("-Xmx".length()));
    }
}
