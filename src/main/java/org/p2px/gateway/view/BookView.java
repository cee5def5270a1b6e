package org.p2px.gateway.view;

import java.util.List;

/** One side of a market's book, best price first: SELL ads cheapest first, BUY ads highest first. */
public record BookView(String market, String side, List<AdView> ads)
{
}
