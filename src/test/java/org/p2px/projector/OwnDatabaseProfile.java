package org.p2px.projector;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A database of its own: the restart test compares every projected row with a projection from scratch, which
 * rows that other tests write straight into the read models would spoil.
 */
public class OwnDatabaseProfile implements QuarkusTestProfile
{
    @Override
    public Map<String, String> getConfigOverrides()
    {
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:p2px-projector-test;DB_CLOSE_DELAY=-1");
    }
}
