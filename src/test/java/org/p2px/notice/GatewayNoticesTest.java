package org.p2px.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
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

    @Test
    void aCatchUpIntervalOfZeroOrLessIsRefused()
    {
        for (final Duration wrong : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1)})
        {
            final IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> notices(EngineMode.CLUSTER, POSTGRES, wrong));
            assertTrue(refused.getMessage().contains("p2px.cluster.notice-catch-up-interval"), refused::getMessage);
        }
    }

    /** As a gateway with id 7 in {@code mode} on the database at {@code url} decides them (its listener not started). */
    static GatewayNotices notices(final EngineMode mode, final String url)
    {
        return notices(mode, url, Duration.ofSeconds(1));
    }

    static GatewayNotices notices(final EngineMode mode, final String url, final Duration catchUpInterval)
    {
        return new GatewayNotices(engine(mode), cluster(catchUpInterval), url, Optional.of("postgres"),
            Optional.empty(), null, null, null);
    }

    static EngineSettings engine(final EngineMode mode)
    {
        return settings(EngineSettings.class, Map.of("mode", mode));
    }

    /** Gateway 7's, catching up every {@code catchUpInterval}. */
    static ClusterGatewaySettings cluster(final Duration catchUpInterval)
    {
        return settings(ClusterGatewaySettings.class,
            Map.of("gatewayId", Optional.of(7L), "noticeCatchUpInterval", catchUpInterval));
    }

    /** The settings interface answering each method named in {@code values} (and nothing else is asked). */
    private static <T> T settings(final Class<T> type, final Map<String, Object> values)
    {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, called, args) ->
        {
            if (values.containsKey(called.getName()))
            {
                return values.get(called.getName());
            }
            throw new AssertionError("not expected: " + called);
        }));
    }
}
