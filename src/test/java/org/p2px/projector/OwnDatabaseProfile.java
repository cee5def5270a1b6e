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
    private static final String SCHEMA = "p2px_projector_test";

    @Override
    public Map<String, String> getConfigOverrides()
    {
        final String url = System.getProperty("p2px.db.url");
        if ("postgresql".equals(System.getProperty("p2px.db.kind")) && url != null)
        {
            return Map.of(
                "quarkus.datasource.jdbc.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
                "quarkus.flyway.schemas", SCHEMA);
        }
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:p2px-projector-test;DB_CLOSE_DELAY=-1");
    }
}
