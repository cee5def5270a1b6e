package org.p2px.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A systemd unit file read as systemd does: sections of Key=value lines, a key may repeat, # starts a comment. */
final class SystemdUnit
{
    private final Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();

    SystemdUnit(final Path file)
    {
        Map<String, List<String>> section = null;
        for (final String raw : DeployFiles.lines(file))
        {
            final String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";"))
            {
                continue;
            }
            if (line.startsWith("["))
            {
                section = sections.computeIfAbsent(line.substring(1, line.indexOf(']')), name -> new LinkedHashMap<>());
                continue;
            }
            final int equals = line.indexOf('=');
            section.computeIfAbsent(line.substring(0, equals), key -> new ArrayList<>()).add(line.substring(equals + 1));
        }
    }

    /** The one value of a key. */
    String value(final String section, final String key)
    {
        final List<String> values = values(section, key);
        if (values.size() != 1)
        {
            throw new AssertionError("[" + section + "] " + key + " is set " + values.size() + " times");
        }
        return values.get(0);
    }

    List<String> values(final String section, final String key)
    {
        return sections.getOrDefault(section, Map.of()).getOrDefault(key, List.of());
    }

    /** Every Environment= assignment of [Service]; an assignment may be quoted to hold spaces. */
    Map<String, String> environment()
    {
        final Map<String, String> environment = new LinkedHashMap<>();
        for (final String value : values("Service", "Environment"))
        {
            final String assignment = value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
            final int equals = assignment.indexOf('=');
            environment.put(assignment.substring(0, equals), assignment.substring(equals + 1));
        }
        return environment;
    }
}
