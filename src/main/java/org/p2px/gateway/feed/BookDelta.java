package org.p2px.gateway.feed;

import java.util.List;

/**
 * What changed in one side of a market's book window: the client removes every ad in {@code removes} and every
 * ad in {@code upserts} (by id), then inserts the upserts at their positions in ascending order; its window then
 * equals the server's, which {@code checksum} (over both sides, see {@link BookChecksum}) lets it prove.
 */
public record BookDelta(String market, String side, List<BookEntry> upserts, List<BookRemoval> removes, long checksum)
{
}
