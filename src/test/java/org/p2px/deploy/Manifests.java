package org.p2px.deploy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/** What the Kubernetes manifests' tests read out of a parsed manifest. */
final class Manifests
{
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
}
