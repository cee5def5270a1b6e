package org.p2px.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the Prometheus alert rules in deploy/ name only series the server exports (the list
 * {@link MetricsEndpointTest} holds the server to), the dashboard shows every {@code p2px_} series, each alert has
 * what an operator needs, and docs/operations.md describes every series and every alert.
 */
class DashboardAndAlertsTest
{
    private static final Path DASHBOARD = Path.of("deploy/grafana/dashboards/p2px.json");
    private static final Path ALERTS = Path.of("deploy/prometheus/alerts.yml");
    private static final Path OPERATIONS = Path.of("docs/operations.md");
    private static final String DATASOURCE = "${DS_PROMETHEUS}";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern STRING = Pattern.compile("\"[^\"]*\"");

    @Test
    void everyPanelQueriesThePrometheusDatasourceForExportedSeriesAndEveryP2pxSeriesHasAPanel() throws IOException
    {
        final JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertTrue(dashboard.path("schemaVersion").asInt() >= 36, "a current Grafana schema");
        assertEquals("p2px", dashboard.path("uid").asText());
        assertTrue(hasDatasourceVariable(dashboard), "a Prometheus datasource variable DS_PROMETHEUS");

        final Set<Integer> ids = new HashSet<>();
        final Set<String> shown = new TreeSet<>();
        for (final JsonNode panel : dashboard.path("panels"))
        {
            assertTrue(ids.add(panel.path("id").asInt()), "panel ids are unique: " + panel.path("id"));
            assertTrue(panel.has("gridPos"), panel.path("title") + " has a place");
            if ("row".equals(panel.path("type").asText()))
            {
                continue;
            }
            final String title = panel.path("title").asText();
            assertFalse(title.isBlank());
            assertFalse(panel.path("description").asText().isBlank(), title + " says what it shows");
            assertEquals(DATASOURCE, panel.path("datasource").path("uid").asText(), title);
            assertFalse(panel.path("targets").isEmpty(), title + " queries something");
            for (final JsonNode target : panel.path("targets"))
            {
                assertEquals(DATASOURCE, target.path("datasource").path("uid").asText(), title);
                final Set<String> named = seriesIn(target.path("expr").asText());
                assertFalse(named.isEmpty(), title + ": " + target.path("expr"));
                assertExported(named, title);
                shown.addAll(named);
            }
        }
        final Set<String> missing = new TreeSet<>(ExportedSeries.P2PX);
        missing.removeAll(shown);
        assertEquals(Set.of(), missing, "every p2px_ series has a panel");
    }

    @Test
    void everyAlertNamesExportedSeriesAndSaysHowBadItIsAndWhatItMeans() throws IOException
    {
        final List<String> names = new ArrayList<>();
        for (final JsonNode rule : alertRules())
        {
            final String name = rule.path("alert").asText();
            assertTrue(name.startsWith("P2px"), "an alert named P2px...: " + rule);
            names.add(name);
            assertTrue(rule.path("for").isTextual(), name + " has a for:");
            assertTrue(Set.of("critical", "warning").contains(rule.path("labels").path("severity").asText()),
                name + " has a severity");
            assertFalse(rule.path("annotations").path("summary").asText().isBlank(), name + " has a summary");
            assertFalse(rule.path("annotations").path("description").asText().isBlank(), name + " has a description");
            final Set<String> named = seriesIn(rule.path("expr").asText());
            assertFalse(named.isEmpty(), name);
            assertExported(named, name);
        }
        assertEquals(names.size(), new HashSet<>(names).size(), "alert names are unique");
        assertTrue(names.containsAll(List.of("P2pxEngineNotReady", "P2pxJournalAppendFailed", "P2pxProjectorLagging",
            "P2pxRingNearFull", "P2pxSnapshotTooOld", "P2pxHttpErrors", "P2pxRejectionRate")), "the issue's alerts: " + names);
    }

    @Test
    void operationsDescribesEverySeriesAndSaysWhatToDoForEveryAlert() throws IOException
    {
        final String operations = Files.readString(OPERATIONS);
        for (final String series : ExportedSeries.P2PX)
        {
            assertTrue(operations.contains("`" + series), "docs/operations.md describes " + series);
        }
        for (final String series : ExportedSeries.CLUSTER_MEMBER)
        {
            assertTrue(operations.contains("`" + series), "docs/operations.md describes " + series);
        }
        for (final JsonNode rule : alertRules())
        {
            assertTrue(operations.contains("`" + rule.path("alert").asText() + "`"),
                "docs/operations.md says what to do for " + rule.path("alert").asText());
        }
    }

    /** The names in a PromQL expression that look like the server's series (label values and functions aside). */
    static Set<String> seriesIn(final String expression)
    {
        final Set<String> names = new TreeSet<>();
        final Matcher identifiers = IDENTIFIER.matcher(STRING.matcher(expression).replaceAll("\"\""));
        while (identifiers.find())
        {
            final String identifier = identifiers.group();
            if (ExportedSeries.PREFIXES.stream().anyMatch(identifier::startsWith))
            {
                names.add(identifier);
            }
        }
        return names;
    }

    private static void assertExported(final Set<String> names, final String where)
    {
        for (final String name : names)
        {
            assertTrue(ExportedSeries.P2PX.contains(name) || ExportedSeries.QUARKUS.contains(name)
                || ExportedSeries.CLUSTER_MEMBER.contains(name),
                where + " names " + name + ", which the server does not export (or ExportedSeries does not list)");
        }
    }

    private static boolean hasDatasourceVariable(final JsonNode dashboard)
    {
        for (final JsonNode variable : dashboard.path("templating").path("list"))
        {
            if ("DS_PROMETHEUS".equals(variable.path("name").asText()) && "datasource".equals(variable.path("type").asText())
                && "prometheus".equals(variable.path("query").asText()))
            {
                return true;
            }
        }
        return false;
    }

    private static List<JsonNode> alertRules() throws IOException
    {
        final JsonNode alerts = new ObjectMapper(new YAMLFactory()).readTree(ALERTS.toFile());
        final List<JsonNode> rules = new ArrayList<>();
        for (final JsonNode group : alerts.path("groups"))
        {
            assertFalse(group.path("name").asText().isBlank());
            group.path("rules").forEach(rules::add);
        }
        assertFalse(rules.isEmpty());
        return rules;
    }
}
