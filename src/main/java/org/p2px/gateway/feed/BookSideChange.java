package org.p2px.gateway.feed;

import java.util.List;

/**
 * What changed in one side of a book window: the client removes every ad in {@code removes} and every ad in
 * {@code upserts} (by id), then inserts the upserts at their positions in ascending order.
 */
public record BookSideChange(String side, List<BookEntry> upserts, List<BookRemoval> removes)
{
}
