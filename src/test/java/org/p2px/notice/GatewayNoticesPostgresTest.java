package org.p2px.notice;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Event;

import org.junit.jupiter.api.Test;
import org.p2px.server.EngineMode;

/**
 * A cluster gateway on PostgreSQL fires a {@link NoticesCatchUp} at start and then every interval, on a thread of
 * its own, until it stops: so a chat line or a revocation whose notice was lost is found within the interval.
 */
class GatewayNoticesPostgresTest
{
    @Test
    void catchUpsAreFiredAtStartThenEveryIntervalUntilTheStop() throws InterruptedException
    {
        OwnConnections.assumePostgres();
        final BlockingQueue<NoticesCatchUp> fired = new LinkedBlockingQueue<>();
        final GatewayNotices notices = new GatewayNotices(
            GatewayNoticesTest.engine(EngineMode.CLUSTER), GatewayNoticesTest.cluster(Duration.ofMillis(200)),
            System.getProperty("p2px.db.url"), Optional.of(System.getProperty("p2px.db.username", "postgres")),
            Optional.empty(), ignored(), ignored(), recording(fired));
        notices.onStart(null);
        try
        {
            for (int i = 0; i < 3; i++)
            {
                assertNotNull(fired.poll(OwnConnections.WAIT_S, TimeUnit.SECONDS), "catch-up " + i);
            }
        }
        finally
        {
            notices.onStop(null);
        }
        fired.clear();
        assertNull(fired.poll(600, TimeUnit.MILLISECONDS), "none after the stop");
    }

    @SuppressWarnings("unchecked")
    private static <T> Event<T> recording(final BlockingQueue<T> fired)
    {
        return (Event<T>) Proxy.newProxyInstance(Event.class.getClassLoader(), new Class<?>[] {Event.class},
            (proxy, method, args) ->
            {
                if (method.getName().equals("fire"))
                {
                    fired.add((T) args[0]);
                    return null;
                }
                throw new AssertionError("not expected: " + method);
            });
    }

    private static <T> Event<T> ignored()
    {
        return recording(new LinkedBlockingQueue<>());
    }
}
