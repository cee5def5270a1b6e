package org.p2px.core;

/**
 * A canonical 64-bit digest of the trading state: every asset, market, user, ad and order with all their
 * fields, the fee account and the id counters. Entities are combined commutatively, so two cores that hold the
 * same state agree however they got there (live, replayed, or restored from a snapshot). Derived structures
 * (books, deadline queue, pools) are left out: they follow from what is hashed. The clock is left out too: it
 * is the time of the last command, which says nothing about the state.
 */
final class StateDigest
{
    private StateDigest()
    {
    }

    static long of(final CoreState state)
    {
        long digest = Digests.mix(Digests.mix(Digests.mix(1, state.nextAdId), state.nextOrderId), state.nextBookSeq);
        // Rules other than the defaults are part of the state (snapshots of format 1, before rules were
        // configurable, ran on the defaults and keep their digests).
        if (!RulesCodec.same(state.config, CoreConfig.defaults()))
        {
            digest = Digests.mix(digest, RulesCodec.digest(state.config));
        }
        if (!RulesCodec.same(state.configuredRules, CoreConfig.defaults()))
        {
            digest = Digests.mix(Digests.mix(digest, 7), RulesCodec.digest(state.configuredRules));
        }
        for (int assetId = 0; assetId < state.feeAccount.length; assetId++)
        {
            if (state.feeAccount[assetId] != 0)
            {
                digest = Digests.mix(Digests.mix(digest, assetId), state.feeAccount[assetId]);
            }
        }
        long entities = 0;
        for (final Asset asset : state.assets.values())
        {
            entities = Digests.combine(entities, Digests.mix(Digests.mix(Digests.mix(Digests.mix(
                Digests.mix(2, asset.id), asset.scale), asset.fiat ? 1 : 0), asset.deposited), asset.withdrawn));
        }
        for (final Market market : state.markets.values())
        {
            entities = Digests.combine(entities, Digests.mix(3, market.digest()));
        }
        for (final User user : state.users.values())
        {
            entities = Digests.combine(entities, Digests.mix(4, user.digest()));
        }
        for (final Ad ad : state.ads.values())
        {
            entities = Digests.combine(entities, Digests.mix(5, ad.digest()));
        }
        for (final Order order : state.orders.values())
        {
            entities = Digests.combine(entities, Digests.mix(6, order.digest()));
        }
        return Digests.mix(digest, entities);
    }
}
