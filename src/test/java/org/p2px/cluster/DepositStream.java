package org.p2px.cluster;

import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
import org.p2px.codec.CommandProxy;
import org.p2px.codec.Role;
import org.p2px.engine.EngineStatus;
import org.p2px.engine.OfferResult;

/**
 * Sends a gateway's commands to the cluster: a small world (admin, USDT, a user), then deposits. Correlation ids
 * count up from the first in the order offered, as the gateway's sequence does from 1: the command with correlation id
 * c is acknowledged once {@link ClusterEngineClient#acknowledged()} reaches c - first + 1.
 */
final class DepositStream
{
    static final long ADMIN = 1;
    static final long USER = 10;
    static final int USDT = 1;
    static final long SESSION = 7;

    private final ClusterEngineClient client;
    private final CommandProxy proxy = new CommandProxy();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[512]);
    private final long firstCorrelationId;
    private long correlationId;

    DepositStream(final ClusterEngineClient client)
    {
        this(client, 1);
    }

    /** A stream whose correlation ids start at {@code firstCorrelationId}, so that two gateways' commands differ. */
    DepositStream(final ClusterEngineClient client, final long firstCorrelationId)
    {
        this.client = client;
        this.firstCorrelationId = firstCorrelationId;
        this.correlationId = firstCorrelationId - 1;
    }

    long firstCorrelationId()
    {
        return firstCorrelationId;
    }

    ClusterEngineClient client()
    {
        return client;
    }

    void awaitReady(final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        while (client.status() != EngineStatus.READY)
        {
            if (System.currentTimeMillis() > deadline)
            {
                throw new AssertionError("the cluster client did not connect within " + timeoutMs + " ms");
            }
            Thread.sleep(10);
        }
    }

    void world() throws InterruptedException
    {
        send((buffer, offset) -> proxy.registerUser(buffer, offset, correlationId, 0, ADMIN, Role.ADMIN, 3));
        send((buffer, offset) -> proxy.defineAsset(buffer, offset, correlationId, 0, ADMIN, USDT, 6, false));
        send((buffer, offset) -> proxy.registerUser(buffer, offset, correlationId, 0, USER, Role.USER, 2));
    }

    /** A deposit of {@code amount}; returns its correlation id. */
    long deposit(final long amount) throws InterruptedException
    {
        return send((buffer, offset) -> proxy.deposit(buffer, offset, correlationId, 0, ADMIN, USER, USDT, amount));
    }

    private long send(final org.p2px.engine.CommandWriter writer) throws InterruptedException
    {
        correlationId++;
        while (true)
        {
            final OfferResult result = client.offer(SESSION, writer);
            if (result == OfferResult.ACCEPTED)
            {
                return correlationId;
            }
            if (result == OfferResult.UNAVAILABLE)
            {
                throw new IllegalStateException("cluster client unavailable");
            }
            Thread.sleep(1);
        }
    }

    /** {@code count} deposits of 1, then waits until the last is acknowledged. */
    void depositAndAwait(final int count) throws InterruptedException
    {
        depositAndAwait(count, 20_000);
    }

    /** The same, waiting up to {@code timeoutMs}. */
    void depositAndAwait(final int count, final long timeoutMs) throws InterruptedException
    {
        for (int i = 0; i < count; i++)
        {
            deposit(1);
        }
        awaitAcknowledged(lastCorrelationId(), timeoutMs);
    }

    long lastCorrelationId()
    {
        return correlationId;
    }

    /** Waits until the cluster acknowledged command {@code correlationId}; returns when, in System.nanoTime. */
    long awaitAcknowledged(final long correlationId, final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        final long sequence = correlationId - firstCorrelationId + 1;
        while (client.acknowledged() < sequence)
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("command " + correlationId + " not acknowledged within " + timeoutMs +
                    " ms (acknowledged up to " + client.acknowledged() + ")");
            }
            Thread.onSpinWait();
            Thread.sleep(0, 100_000);
        }
        return System.nanoTime();
    }
}
