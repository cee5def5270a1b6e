package org.p2px.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The configuration reference in docs/operations.md cannot drift from the code. Its settings tables (those whose
 * second column is "default") hold a row for every property of the server, found in the code and not in a list
 * kept here: each {@code @ConfigMapping} interface's properties (nested groups too), each {@code @ConfigProperty},
 * each {@code p2px.*} name of application.properties; each row shows the default the packaged server runs with.
 * Every {@code p2px.*} name the docs mention is a property of the server, and every Quarkus setting that
 * application.properties gives the packaged server is in the reference, in a table with its value or by name.
 */
class ConfigurationReferenceTest
{
    private static final Path OPERATIONS = Path.of("docs/operations.md");
    /**
     * System properties of the tests, benchmarks, load tests, build and the cluster members (org.p2px.cluster.ClusterNode,
     * a process of its own), not of the server: p2px.bench.idle, ...
     */
    private static final Set<String> NOT_THE_SERVERS =
        Set.of("bench", "sim", "crash", "ui", "loadtest", "build", "cluster");
    /** Set in application.properties for packaging (the image, the manifest); "Deployment" tells of them. */
    private static final List<String> PACKAGING = List.of("quarkus.container-image.", "quarkus.jib.", "quarkus.kubernetes.");
    private static final Pattern PROPERTY_CELL = Pattern.compile("^`([a-z][\\w.\"*-]*\\.[\\w.\"*-]+)`");
    private static final Pattern NAMED_PROPERTY =
        Pattern.compile("(?<![\\w./-])(?:-D)?(p2px\\.([a-z0-9-]+)(?:\\.[a-z0-9*-]+)+)");

    /** A row of a settings table: the property and the default it shows (its cell's leading `literal`, or null). */
    record Row(String property, String shownDefault, int line)
    {
    }

    @Test
    void everyPropertyOfTheServerHasOneRowWithTheDefaultThePackagedServerHas()
    {
        final List<Row> rows = settingsRows();
        final List<String> problems = new ArrayList<>();
        ConfigNames.server().serverDefaults().forEach((property, expected) ->
        {
            final List<Row> found = rows.stream().filter(row -> row.property().equals(property)).toList();
            if (found.isEmpty())
            {
                problems.add(property + ": no row (its default: " + shown(expected) + ")");
            }
            else if (found.size() > 1)
            {
                problems.add(property + ": " + found.size() + " rows, at lines " + found.stream().map(Row::line).toList());
            }
            else if (!Objects.equals(expected, found.get(0).shownDefault()))
            {
                problems.add(property + " (line " + found.get(0).line() + "): shows " + shown(found.get(0).shownDefault())
                    + ", the packaged server has " + shown(expected));
            }
        });
        assertEquals(List.of(), problems, "docs/operations.md against the code");
    }

    @Test
    void everyRowIsASettingOfTheServerOrQuarkusWithTheValueThePackagedServerHas()
    {
        final Map<String, String> defaults = ConfigNames.server().serverDefaults();
        final Map<String, String> packaged = ConfigNames.server().packagedSettings();
        final List<String> problems = new ArrayList<>();
        for (final Row row : settingsRows())
        {
            if (row.property().startsWith("p2px."))
            {
                if (!defaults.containsKey(row.property()))
                {
                    problems.add(row.property() + " (line " + row.line() + "): no such property");
                }
            }
            else if (packaged.containsKey(row.property())
                && !Objects.equals(emptyAsNull(packaged.get(row.property())), row.shownDefault()))
            {
                problems.add(row.property() + " (line " + row.line() + "): shows " + shown(row.shownDefault())
                    + ", application.properties sets " + shown(packaged.get(row.property())));
            }
        }
        assertEquals(List.of(), problems, "docs/operations.md's settings tables");
    }

    @Test
    void everyQuarkusSettingThatApplicationPropertiesGivesThePackagedServerIsNamed() throws IOException
    {
        final String operations = Files.readString(OPERATIONS);
        final List<String> unnamed = ConfigNames.server().packagedSettings().keySet().stream()
            .filter(key -> !key.startsWith("p2px.") && PACKAGING.stream().noneMatch(key::startsWith))
            .filter(key -> !operations.contains("`" + key + "`") && !operations.contains("`" + key + "="))
            .toList();
        assertEquals(List.of(), unnamed, "settings of application.properties that docs/operations.md does not name");
    }

    @Test
    void everyP2pxPropertyTheDocsNameExists() throws IOException
    {
        final Set<String> properties = ConfigNames.server().serverDefaults().keySet();
        final Set<String> unknown = new TreeSet<>();
        final List<Path> documents;
        try (Stream<Path> docs = Files.list(Path.of("docs")))
        {
            documents = Stream.concat(docs.filter(file -> file.toString().endsWith(".md")), Stream.of(Path.of("README.md")))
                .toList();
        }
        for (final Path document : documents)
        {
            final Matcher named = NAMED_PROPERTY.matcher(Files.readString(document));
            while (named.find())
            {
                final String name = named.group(1);
                final String prefix = name.endsWith(".*") ? name.substring(0, name.length() - 1) : name + ".";
                if (!NOT_THE_SERVERS.contains(named.group(2)) && !properties.contains(name)
                    && properties.stream().noneMatch(property -> property.startsWith(prefix)))
                {
                    unknown.add(document + ": " + name);
                }
            }
        }
        assertTrue(unknown.isEmpty(), "named in the docs, not a property of the server: " + unknown);
    }

    /** The rows of every table of docs/operations.md whose second column is headed "default". */
    static List<Row> settingsRows()
    {
        final List<String> lines = DeployFiles.lines(OPERATIONS);
        final List<Row> rows = new ArrayList<>();
        boolean settingsTable = false;
        for (int i = 0; i < lines.size(); i++)
        {
            final String line = lines.get(i).trim();
            if (!line.startsWith("|"))
            {
                settingsTable = false;
                continue;
            }
            final List<String> cells = cells(line);
            final boolean header = i == 0 || !lines.get(i - 1).trim().startsWith("|");
            if (header)
            {
                settingsTable = cells.size() > 1 && cells.get(1).equalsIgnoreCase("default");
                continue;
            }
            final Matcher property = PROPERTY_CELL.matcher(cells.get(0));
            if (settingsTable && property.find())
            {
                rows.add(new Row(property.group(1), leadingLiteral(cells.get(1)), i + 1));
            }
        }
        return rows;
    }

    private static List<String> cells(final String line)
    {
        final List<String> cells = new ArrayList<>();
        for (final String cell : line.substring(1).split("(?<!\\\\)\\|"))
        {
            cells.add(cell.trim());
        }
        return cells;
    }

    /** {@code `PT5S` (`PT1S` in tests)} shows PT5S; {@code none (`admin` in dev mode)} shows no default. */
    private static String leadingLiteral(final String cell)
    {
        return cell.startsWith("`") && cell.indexOf('`', 1) > 0 ? cell.substring(1, cell.indexOf('`', 1)) : null;
    }

    private static String emptyAsNull(final String value)
    {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String shown(final String value)
    {
        return value == null ? "no default" : "`" + value + "`";
    }
}
