package org.p2px.gateway.feed;

import java.util.List;

/**
 * What one batch changed in a market's book window: one entry per side that changed (see {@link BookSideChange});
 * the client's window then equals the server's, which {@code checksum} (over both sides, see
 * {@link BookChecksum}) lets it prove.
 */
public record BookDelta(String market, List<BookSideChange> changes, long checksum)
{
}
