package org.p2px.projector;

import java.net.URI;
import java.sql.SQLException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import org.h2.tools.Server;
import org.p2px.testing.TcpProxy;

/**
 * The server's database behind a {@link TcpProxy} that the test cuts and restores. On H2 an H2 TCP server of its
 * own (an in-memory database served over the network); on PostgreSQL (the {@code postgres} Maven profile) the
 * configured server, in a schema of its own.
 */
public class DatabaseBehindProxy implements QuarkusTestResourceLifecycleManager
{
    private static final String SCHEMA = "p2px_outage_test";
    private static volatile TcpProxy proxy;
    private Server h2;

    /** The profile that starts this resource for its test alone. */
    public static class Profile implements QuarkusTestProfile
    {
        @Override
        public java.util.List<TestResourceEntry> testResources()
        {
            return java.util.List.of(new TestResourceEntry(DatabaseBehindProxy.class));
        }
    }

    public static TcpProxy proxy()
    {
        return proxy;
    }

    @Override
    public Map<String, String> start()
    {
        final String url = System.getProperty("p2px.db.url");
        if ("postgresql".equals(System.getProperty("p2px.db.kind")) && url != null)
        {
            final URI server = URI.create(url.substring("jdbc:".length()));
            proxy = new TcpProxy(server.getHost(), server.getPort());
            final String proxied = "jdbc:postgresql://127.0.0.1:" + proxy.port() + server.getPath();
            return Map.of(
                "quarkus.datasource.jdbc.url", proxied + "?currentSchema=" + SCHEMA,
                "quarkus.flyway.schemas", SCHEMA);
        }
        try
        {
            h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        }
        catch (final SQLException ex)
        {
            throw new IllegalStateException("cannot start the H2 TCP server", ex);
        }
        proxy = new TcpProxy("127.0.0.1", h2.getPort());
        return Map.of("quarkus.datasource.jdbc.url",
            "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/mem:p2px-outage-test;DB_CLOSE_DELAY=-1");
    }

    @Override
    public void stop()
    {
        if (proxy != null)
        {
            proxy.close();
        }
        if (h2 != null)
        {
            h2.stop();
        }
    }
}
