package org.p2px.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.service.ClusteredServiceContainer;

/**
 * What an operator watches of a member, for Prometheus at {@code GET /metrics} on a TCP port of its own: its role,
 * the consensus module's state, the commit position, elections and the leadership term, snapshots taken, errors,
 * and the last batch its service journaled. Each value is read from the consensus module's or the service
 * container's Aeron counter when scraped, so the member's threads do nothing for it. The JDK's HTTP server on one
 * thread, the text format written here: nothing below the gateways uses Micrometer. Stopped before the member's
 * media driver closes the counters.
 */
final class MemberMetrics implements AutoCloseable
{
    private static final System.Logger LOG = System.getLogger(MemberMetrics.class.getName());

    private final HttpServer server;
    private final ExecutorService executor;

    private MemberMetrics(final HttpServer server, final ExecutorService executor)
    {
        this.server = server;
        this.executor = executor;
    }

    /** Serves the member's metrics on {@code port} of every interface. */
    static MemberMetrics serve(
        final int port, final int member, final ConsensusModule.Context consensus,
        final ClusteredServiceContainer.Context service, final LongSupplier journaledBatch)
    {
        final String labels = "{member=\"" + member + "\"}";
        final List<Series> series = List.of(
            new Series("p2px_cluster_role", "gauge", "0 follower, 1 candidate, 2 leader", labels,
                consensus.clusterNodeRoleCounter()::get),
            new Series("p2px_cluster_consensus_state", "gauge", "the consensus module's state: 0 INIT, 1 ACTIVE, " +
                "2 SUSPENDED, 3 SNAPSHOT, 4 QUITTING, 5 TERMINATING, 6 CLOSED", labels,
                consensus.moduleStateCounter()::get),
            new Series("p2px_cluster_election_state", "gauge", "the election's state (17 CLOSED: none under way)",
                labels, consensus.electionStateCounter()::get),
            new Series("p2px_cluster_commit_position", "gauge", "the log position a majority has appended", labels,
                consensus.commitPositionCounter()::get),
            new Series("p2px_cluster_leadership_term", "gauge", "the current leadership term", labels,
                consensus.leadershipTermIdCounter()::get),
            new Series("p2px_cluster_journaled_batch", "gauge", "the last batch this member's service journaled",
                labels, journaledBatch),
            new Series("p2px_cluster_elections_total", "counter", "elections this member took part in", labels,
                consensus.electionCounter()::get),
            new Series("p2px_cluster_snapshots_total", "counter", "snapshots this member took", labels,
                consensus.snapshotCounter()::get),
            new Series("p2px_cluster_timed_out_clients_total", "counter", "client sessions closed for silence", labels,
                consensus.timedOutClientCounter()::get),
            new Series("p2px_cluster_errors_total", "counter", "errors the consensus module and the service logged",
                labels, () -> consensus.errorCounter().get() + service.errorCounter().get()));

        final HttpServer server;
        try
        {
            server = HttpServer.create(new InetSocketAddress(port), 16);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("p2px.cluster.metrics-port " + port + " cannot be used", ex);
        }
        final ExecutorService executor = Executors.newSingleThreadExecutor(task ->
        {
            final Thread thread = new Thread(task, "p2px-cluster-metrics");
            thread.setDaemon(true);
            return thread;
        });
        server.createContext("/metrics", exchange -> answer(exchange, series));
        server.setExecutor(executor);
        server.start();
        LOG.log(System.Logger.Level.INFO, "member {0}: metrics at http://<host>:{1}/metrics", member,
            Integer.toString(port));
        return new MemberMetrics(server, executor);
    }

    /** One series in Prometheus' text format (version 0.0.4), its value read when scraped. */
    private record Series(String name, String type, String help, String labels, LongSupplier value)
    {
        void appendTo(final StringBuilder out)
        {
            out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n')
                .append(name).append(labels).append(' ').append(value.getAsLong()).append('\n');
        }
    }

    private static void answer(final HttpExchange exchange, final List<Series> series) throws IOException
    {
        try (exchange)
        {
            if (!"GET".equals(exchange.getRequestMethod()))
            {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            final StringBuilder text = new StringBuilder(2048);
            series.forEach(one -> one.appendTo(text));
            final byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody())
            {
                out.write(body);
            }
        }
    }

    @Override
    public void close()
    {
        server.stop(0);
        executor.shutdownNow();
    }
}
