package org.p2px.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.p2px.catalog.Catalog;
import org.p2px.catalog.MarketInfo;
import org.p2px.core.AdSnapshot;
import org.p2px.gateway.feed.ChannelUpdate;
import org.p2px.gateway.feed.MarketFeeds;
import org.p2px.server.CoreCommands;

/**
 * An ad's terms and auto-reply are stored once the core has answered its command (a new ad's id comes from the
 * core), so the book update of that command's batch still carried the old texts: this sends the ad again to
 * its book's subscribers, from the live view's thread between batches, in the channel's seq order.
 */
@ApplicationScoped
public class AdTextPushes
{
    private final CoreCommands core;
    private final Catalog catalog;
    private final MarketFeeds feeds;
    private final Instance<Pushes> pushes;

    public AdTextPushes(final CoreCommands core, final Catalog catalog, final MarketFeeds feeds,
        final Instance<Pushes> pushes)
    {
        this.core = core;
        this.catalog = catalog;
        this.feeds = feeds;
        this.pushes = pushes;
    }

    public void textsChanged(final long adId)
    {
        if (!pushes.isResolvable())
        {
            return;
        }
        final Pushes target = pushes.get();
        core.read(state ->
        {
            final AdSnapshot ad = state.ad(adId);
            if (ad == null)
            {
                return null;
            }
            final MarketInfo market = catalog.market(ad.marketId());
            final String channel = "book." + market.symbol();
            final ChannelUpdate update = target.hasSubscribers(channel)
                ? feeds.bookChanged(state, market, ad.side()) : null;
            if (update != null)
            {
                target.toChannel(channel, update.seq(), "delta", update.data());
            }
            return null;
        });
    }
}
