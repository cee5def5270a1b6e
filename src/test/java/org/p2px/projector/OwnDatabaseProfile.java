package org.p2px.projector;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A database of its own: the restart test compares every projected row with a projection from scratch, which
 * rows that other tests write straight into the read models would spoil. On H2 another in-memory database; on
 * PostgreSQL (the {@code postgres} Maven profile) a schema of its own in the same database.
 */
public class OwnDatabaseProfile implements QuarkusTestProfile
{
    @Override
    public Map<String, String> getConfigOverrides()
    {
        return ownDatabase("p2px-projector-test", "p2px_projector_test");
    }

    /** The settings of a database of its own: an H2 in-memory database {@code h2Name}, or a PostgreSQL schema. */
    public static Map<String, String> ownDatabase(final String h2Name, final String schema)
    {
        final String url = System.getProperty("p2px.db.url");
        if ("postgresql".equals(System.getProperty("p2px.db.kind")) && url != null)
        {
            return Map.of(
                "quarkus.datasource.jdbc.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "quarkus.flyway.schemas", schema);
        }
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:" + h2Name + ";DB_CLOSE_DELAY=-1");
    }
}
