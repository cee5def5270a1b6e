package org.p2px.loadtest.fanout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import org.HdrHistogram.Histogram;

/**
 * N WebSocket subscribers on one Vert.x client, each update timed from {@code sentNanos[k]}, the moment the change
 * k that caused it was sent. Which change an update carries: on a p2px book channel, change k (from 1) takes
 * from ad {@code (k - 1) mod W} of the W ads cycled through, so the j-th update of ad a a subscriber sees is change
 * {@code j * W + a + 1} (two changes
 * in one engine batch come as one update naming both ads, and are both counted); on the bare broadcast, the
 * frame's seq is k after the first frame's base. Latencies go to one HdrHistogram.
 */
public final class Subscribers implements AutoCloseable
{
    private final Vertx vertx;
    private final WebSocketClient client;
    private final List<WebSocket> sockets = new ArrayList<>();
    private final long[] base;
    private final int[] received;
    private final long[] bytes;
    private final int[] frames;
    private final AtomicInteger resynced = new AtomicInteger();
    private final Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private volatile AtomicLongArray sentNanos = new AtomicLongArray(1);
    private volatile int measureFrom;
    private Map<Long, Integer> adIndex = Map.of();
    private int[][] adUpdates;

    Subscribers(final int count)
    {
        this.vertx = Vertx.vertx();
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(count + 10)
            .setMaxFrameSize(1 << 20).setMaxMessageSize(16 << 20));
        this.base = new long[count];
        this.received = new int[count];
        this.bytes = new long[count];
        this.frames = new int[count];
    }

    /** Connects every subscriber, sends each its first frame (a subscribe, or nothing), waits for its snapshot. */
    void connect(final int port, final String path, final String subscribeFrame) throws Exception
    {
        final int count = base.length;
        final int batch = 200;
        for (int from = 0; from < count; from += batch)
        {
            final List<Future<WebSocket>> opening = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + batch); i++)
            {
                final int index = i;
                base[index] = -1;
                opening.add(client.connect(port, "127.0.0.1", path).onSuccess(socket ->
                {
                    socket.textMessageHandler(text -> onFrame(index, text));
                    if (subscribeFrame != null)
                    {
                        socket.writeTextMessage(subscribeFrame);
                    }
                }));
            }
            for (final Future<WebSocket> future : opening)
            {
                sockets.add(future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
            }
        }
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !allHaveBase())
        {
            Thread.sleep(10);
        }
        if (!allHaveBase())
        {
            throw new IllegalStateException("not every subscriber got its snapshot");
        }
    }

    /** The ads the changes cycle through, in order: updates are matched to changes by the ads they name. */
    synchronized void cycleThrough(final List<Long> ads)
    {
        adIndex = new HashMap<>();
        for (int i = 0; i < ads.size(); i++)
        {
            adIndex.put(ads.get(i), i);
        }
        adUpdates = new int[base.length][ads.size()];
    }

    /** Before the changes start: room for {@code changes} send times; the first {@code warmUp} are not measured. */
    void expect(final int changes, final int warmUp)
    {
        sentNanos = new AtomicLongArray(changes + 1);
        measureFrom = warmUp;
    }

    void sent(final int change, final long nanos)
    {
        sentNanos.set(change, nanos);
    }

    private boolean allHaveBase()
    {
        synchronized (this)
        {
            for (final long b : base)
            {
                if (b < 0)
                {
                    return false;
                }
            }
            return true;
        }
    }

    private void onFrame(final int index, final String text)
    {
        final long now = System.nanoTime();
        if (text.startsWith("{\"id\""))
        {
            return;   // the subscribe reply
        }
        final long seq = seqOf(text);
        synchronized (this)
        {
            if (base[index] < 0)
            {
                base[index] = seq;
                return;
            }
            if (text.contains("\"type\":\"snapshot\""))
            {
                // Conflated: the server replaced missed updates with a fresh snapshot.
                resynced.incrementAndGet();
                base[index] = Long.MAX_VALUE;
                return;
            }
            if (base[index] == Long.MAX_VALUE)
            {
                return;
            }
            final int before = received[index];
            if (adUpdates != null)
            {
                forEachUpsertedAd(text, adId ->
                {
                    final Integer ad = adIndex.get(adId);
                    if (ad != null)
                    {
                        record(index, (long)adUpdates[index][ad]++ * adIndex.size() + ad + 1, now);
                    }
                });
            }
            else
            {
                record(index, seq - base[index], now);
            }
            if (received[index] > before)
            {
                frames[index]++;
                bytes[index] += text.length();
            }
        }
    }

    private void record(final int index, final long change, final long now)
    {
        final AtomicLongArray sent = sentNanos;
        if (change > measureFrom && change < sent.length() && sent.get((int)change) != 0)
        {
            latency.recordValue(Math.max(0, now - sent.get((int)change)));
            received[index]++;
        }
    }

    /** The ids of the ads a delta upserts: each {@code "ad":{"id":N}. */
    private static void forEachUpsertedAd(final String text, final java.util.function.LongConsumer action)
    {
        final String marker = "\"ad\":{\"id\":";
        for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1))
        {
            long id = 0;
            for (int i = at + marker.length(); i < text.length() && Character.isDigit(text.charAt(i)); i++)
            {
                id = id * 10 + (text.charAt(i) - '0');
            }
            action.accept(id);
        }
    }

    private static long seqOf(final String text)
    {
        final int at = text.indexOf("\"seq\":") + 6;
        long seq = 0;
        for (int i = at; i < text.length() && Character.isDigit(text.charAt(i)); i++)
        {
            seq = seq * 10 + (text.charAt(i) - '0');
        }
        return seq;
    }

    synchronized Histogram latency()
    {
        return latency.copy();
    }

    synchronized long receivedTotal()
    {
        long total = 0;
        for (final int r : received)
        {
            total += r;
        }
        return total;
    }

    synchronized long framesTotal()
    {
        long total = 0;
        for (final int f : frames)
        {
            total += f;
        }
        return total;
    }

    synchronized long bytesTotal()
    {
        long total = 0;
        for (final long b : bytes)
        {
            total += b;
        }
        return total;
    }

    int resynced()
    {
        return resynced.get();
    }

    int count()
    {
        return base.length;
    }

    @Override
    public void close()
    {
        sockets.forEach(socket -> socket.close());
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
