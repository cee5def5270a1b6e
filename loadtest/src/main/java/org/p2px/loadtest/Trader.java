package org.p2px.loadtest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A user of a run: a taker (a person, signed in with a bearer token) or a merchant bot (an API key with RELEASE,
 * one ad, and as many connections as its share of the releases needs under the server's per-connection rate).
 */
final class Trader
{
    final String name;
    final String password;
    long id;
    String token;
    String keyId;
    String secret;
    long adId = -1;
    BigDecimal deposit = BigDecimal.ZERO;
    /** Its connections: the first is subscribed to {@code orders}; requests go round the list. */
    final List<WsConnection> connections = new ArrayList<>();
    /** Orders whose release this bot has sent (a PAID push may come again after a reconnect or a retry). */
    final Set<Long> releasing = ConcurrentHashMap.newKeySet();
    /** Buyer cancels this run: more than three in a day would restrict the taker (docs/trading-rules.md). */
    final AtomicInteger cancels = new AtomicInteger();
    /** The last timestamp this trader signed with: the server refuses a signature it has seen (a replay). */
    private final java.util.concurrent.atomic.AtomicLong lastSignedAt = new java.util.concurrent.atomic.AtomicLong();
    private final AtomicInteger next = new AtomicInteger();
    /** The crash scenario: the open orders of the snapshot its newest connection received. */
    java.util.concurrent.CompletableFuture<io.vertx.core.json.JsonArray> openOrders;

    Trader(final String name, final String password)
    {
        this.name = name;
        this.password = password;
    }

    WsConnection connection()
    {
        return connections.get(Math.floorMod(next.getAndIncrement(), connections.size()));
    }

    void closeAll()
    {
        connections.forEach(WsConnection::close);
    }

    /** Epoch ms for a signature, one past the last when the clock has not moved: no two signatures alike. */
    long nextSigningTimestamp()
    {
        return lastSignedAt.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
    }
}
