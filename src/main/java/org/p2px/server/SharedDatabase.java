package org.p2px.server;

/**
 * Which database the server runs on, from its JDBC URL: PostgreSQL, and whether other gateways share it (a cluster
 * gateway on PostgreSQL, the one case where several servers use one database; docs/operations.md, "Several
 * gateways").
 */
public final class SharedDatabase
{
    private static final String POSTGRES_URL = "jdbc:postgresql:";

    private SharedDatabase()
    {
    }

    public static boolean postgres(final String jdbcUrl)
    {
        return jdbcUrl.startsWith(POSTGRES_URL);
    }

    public static boolean sharedByGateways(final EngineMode mode, final String jdbcUrl)
    {
        return mode == EngineMode.CLUSTER && postgres(jdbcUrl);
    }
}
