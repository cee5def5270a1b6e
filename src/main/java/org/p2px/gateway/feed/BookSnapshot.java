package org.p2px.gateway.feed;

import java.util.List;

import org.p2px.gateway.view.AdView;

/** A market's book window, both sides best first, as the book channel's first push (and after a resync). */
public record BookSnapshot(String market, int depth, List<AdView> buy, List<AdView> sell, long checksum)
{
}
