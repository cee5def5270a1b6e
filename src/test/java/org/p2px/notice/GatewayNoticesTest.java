package org.p2px.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.p2px.server.ClusterGatewaySettings;
import org.p2px.server.EngineMode;
import org.p2px.server.EngineSettings;

/** Notices run only where several servers can share a database: a cluster gateway on PostgreSQL. */
class GatewayNoticesTest
{
    static final String POSTGRES = "jdbc:postgresql://db.example:5432/p2px";
    private static final String H2 = "jdbc:h2:file:./data/db/p2px;DB_CLOSE_ON_EXIT=FALSE";

    @Test
    void onOnlyForAClusterGatewayOnPostgres()
    {
        assertTrue(notices(EngineMode.CLUSTER, POSTGRES).enabled());
        assertFalse(notices(EngineMode.CLUSTER, H2).enabled());
        assertFalse(notices(EngineMode.SINGLE, POSTGRES).enabled());
        assertFalse(notices(EngineMode.SINGLE, H2).enabled());
        assertEquals(7, notices(EngineMode.CLUSTER, POSTGRES).gatewayId());
    }

    /** As a gateway with id 7 in {@code mode} on the database at {@code url} decides them (its listener not started). */
    static GatewayNotices notices(final EngineMode mode, final String url)
    {
        final EngineSettings engine = settings(EngineSettings.class, "mode", mode);
        final ClusterGatewaySettings cluster = settings(ClusterGatewaySettings.class, "gatewayId", Optional.of(7L));
        return new GatewayNotices(engine, cluster, url, Optional.of("postgres"), Optional.empty(), null, null);
    }

    /** The settings interface answering {@code value} to {@code method} (and nothing else is asked). */
    private static <T> T settings(final Class<T> type, final String method, final Object value)
    {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, called, args) ->
        {
            if (called.getName().equals(method))
            {
                return value;
            }
            throw new AssertionError("not expected: " + called);
        }));
    }
}
