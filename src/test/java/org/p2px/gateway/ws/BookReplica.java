package org.p2px.gateway.ws;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A client's copy of a {@code book.<MARKET>} channel, kept exactly as docs/protocol.md ("Keeping a local book")
 * tells clients to, written from that text rather than from the server's code: a snapshot replaces the copy; an
 * update at or below the copy's seq is skipped; one whose {@code prev} is at or below it is applied (each side's
 * removals, then its upserts at their positions) and its checksum compared with the copy's own; one whose
 * {@code prev} is above it is a gap. Problems are collected, not
 * thrown, so a test can report them all.
 */
final class BookReplica
{
    private final Map<String, List<JsonNode>> sides = Map.of("BUY", new ArrayList<>(), "SELL", new ArrayList<>());
    private final List<String> problems = new ArrayList<>();
    private long seq = -1;
    private int snapshots;
    private int deltas;

    void accept(final JsonNode frame)
    {
        final JsonNode data = frame.get("data");
        final long frameSeq = frame.get("seq").asLong();
        switch (frame.get("type").asText())
        {
            case "snapshot" ->
            {
                snapshots++;
                seq = frameSeq;
                replace("BUY", data.get("buy"));
                replace("SELL", data.get("sell"));
                check(data, "snapshot " + frameSeq);
            }
            case "delta" ->
            {
                if (seq < 0 || frameSeq <= seq)
                {
                    return;
                }
                if (frame.get("prev").asLong() > seq)
                {
                    problems.add("gap: seq " + frameSeq + " (prev " + frame.get("prev") + ") after " + seq);
                }
                seq = frameSeq;
                deltas++;
                data.get("changes").forEach(change -> apply(sides.get(change.get("side").asText()), change, problems));
                check(data, "delta " + frameSeq);
            }
            default -> problems.add("unexpected push type " + frame.get("type"));
        }
    }

    List<JsonNode> side(final String side)
    {
        return sides.get(side);
    }

    List<String> problems()
    {
        return problems;
    }

    long seq()
    {
        return seq;
    }

    int snapshots()
    {
        return snapshots;
    }

    int deltas()
    {
        return deltas;
    }

    private void replace(final String side, final JsonNode ads)
    {
        final List<JsonNode> copy = sides.get(side);
        copy.clear();
        ads.forEach(copy::add);
    }

    private static void apply(final List<JsonNode> side, final JsonNode change, final List<String> problems)
    {
        final Set<Long> gone = new HashSet<>();
        change.get("removes").forEach(removal -> gone.add(removal.get("id").asLong()));
        change.get("upserts").forEach(upsert -> gone.add(upsert.get("ad").get("id").asLong()));
        side.removeIf(ad -> gone.contains(ad.get("id").asLong()));
        // Upserts come in ascending position: each lands where the server has it.
        change.get("upserts").forEach(upsert ->
        {
            final int position = upsert.get("position").asInt();
            if (position > side.size())
            {
                problems.add("upsert at " + position + " of a side of " + side.size());
            }
            side.add(Math.min(position, side.size()), upsert.get("ad"));
        });
    }

    private void check(final JsonNode data, final String what)
    {
        final long expected = data.get("checksum").asLong();
        final long actual = checksum();
        if (expected != actual)
        {
            problems.add(what + ": checksum " + expected + " but the copy gives " + actual);
        }
    }

    /** CRC-32 of "BUY", "|id:price:remaining" per BUY ad, "SELL", the same per SELL ad. */
    long checksum()
    {
        final StringBuilder text = new StringBuilder("BUY");
        sides.get("BUY").forEach(ad -> appendAd(text, ad));
        text.append("SELL");
        sides.get("SELL").forEach(ad -> appendAd(text, ad));
        final CRC32 crc = new CRC32();
        crc.update(text.toString().getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private static void appendAd(final StringBuilder text, final JsonNode ad)
    {
        text.append('|').append(ad.get("id").asLong()).append(':').append(ad.get("price").asText())
            .append(':').append(ad.get("remaining").asText());
    }
}
