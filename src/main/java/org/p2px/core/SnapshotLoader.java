package org.p2px.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.agrona.DirectBuffer;
import org.p2px.codec.AdRecordDecoder;
import org.p2px.codec.AdTermsDecoder;
import org.p2px.codec.AssetRecordDecoder;
import org.p2px.codec.BlockRecordDecoder;
import org.p2px.codec.ClientOrderRecordDecoder;
import org.p2px.codec.ConfiguredRulesRecordDecoder;
import org.p2px.codec.MarketRecordDecoder;
import org.p2px.codec.MessageHeaderDecoder;
import org.p2px.codec.OrderRecordDecoder;
import org.p2px.codec.RulesRecordDecoder;
import org.p2px.codec.SnapshotBeginDecoder;
import org.p2px.codec.SnapshotEndDecoder;
import org.p2px.codec.UserRecordDecoder;
import org.p2px.codec.WireEnums;

/**
 * Rebuilds a core state from what {@link SnapshotWriter} wrote, then checks that the rebuilt state's digest is
 * the one recorded at the end: a snapshot either loads exactly or is refused. Books and deadlines are derived
 * again (ads are listed in time-priority order, open orders re-linked and their deadlines re-queued).
 */
final class SnapshotLoader
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final SnapshotBeginDecoder begin = new SnapshotBeginDecoder();
    private final RulesRecordDecoder rulesRecord = new RulesRecordDecoder();
    private final ConfiguredRulesRecordDecoder configuredRulesRecord = new ConfiguredRulesRecordDecoder();
    private final AssetRecordDecoder assetRecord = new AssetRecordDecoder();
    private final MarketRecordDecoder marketRecord = new MarketRecordDecoder();
    private final UserRecordDecoder userRecord = new UserRecordDecoder();
    private final BlockRecordDecoder blockRecord = new BlockRecordDecoder();
    private final ClientOrderRecordDecoder clientOrderRecord = new ClientOrderRecordDecoder();
    private final AdRecordDecoder adRecord = new AdRecordDecoder();
    private final OrderRecordDecoder orderRecord = new OrderRecordDecoder();
    private final SnapshotEndDecoder end = new SnapshotEndDecoder();
    private final CoreState state;
    private final List<Ad> ads = new ArrayList<>();
    private long expectedDigest;
    private boolean ended;

    SnapshotLoader(final CoreState state)
    {
        this.state = state;
    }

    void load(final DirectBuffer buffer, final int offset, final int length)
    {
        int position = offset;
        final int limit = offset + length;
        while (position < limit && !ended)
        {
            header.wrap(buffer, position);
            final int body = position + MessageHeaderDecoder.ENCODED_LENGTH;
            final int blockLength = header.blockLength();
            final int version = header.version();
            position = body + switch (header.templateId())
            {
                case SnapshotBeginDecoder.TEMPLATE_ID -> onBegin(begin.wrap(buffer, body, blockLength, version));
                case RulesRecordDecoder.TEMPLATE_ID -> onRules(rulesRecord.wrap(buffer, body, blockLength, version));
                case ConfiguredRulesRecordDecoder.TEMPLATE_ID ->
                    onConfiguredRules(configuredRulesRecord.wrap(buffer, body, blockLength, version));
                case AssetRecordDecoder.TEMPLATE_ID -> onAsset(assetRecord.wrap(buffer, body, blockLength, version));
                case MarketRecordDecoder.TEMPLATE_ID -> onMarket(marketRecord.wrap(buffer, body, blockLength, version));
                case UserRecordDecoder.TEMPLATE_ID -> onUser(userRecord.wrap(buffer, body, blockLength, version));
                case BlockRecordDecoder.TEMPLATE_ID -> onBlock(blockRecord.wrap(buffer, body, blockLength, version));
                case ClientOrderRecordDecoder.TEMPLATE_ID ->
                    onClientOrder(clientOrderRecord.wrap(buffer, body, blockLength, version));
                case AdRecordDecoder.TEMPLATE_ID -> onAd(adRecord.wrap(buffer, body, blockLength, version));
                case OrderRecordDecoder.TEMPLATE_ID -> onOrder(orderRecord.wrap(buffer, body, blockLength, version));
                case SnapshotEndDecoder.TEMPLATE_ID -> onEnd(end.wrap(buffer, body, blockLength, version));
                default -> throw new IllegalStateException("not a snapshot record: template " + header.templateId());
            };
        }
        if (!ended)
        {
            throw new IllegalStateException("snapshot is truncated: no SnapshotEnd");
        }
        final long digest = StateDigest.of(state);
        if (digest != expectedDigest)
        {
            throw new IllegalStateException("snapshot loaded to digest " + digest + " but recorded " + expectedDigest);
        }
    }

    private int onBegin(final SnapshotBeginDecoder record)
    {
        if (record.formatVersion() != SnapshotWriter.FORMAT_VERSION && record.formatVersion() != 1)
        {
            throw new IllegalStateException("unknown snapshot format " + record.formatVersion());
        }
        state.nextAdId = record.nextAdId();
        state.nextOrderId = record.nextOrderId();
        state.nextBookSeq = record.nextBookSeq();
        state.configuredRules = CoreConfig.genesis();
        state.now = record.now();
        return record.encodedLength();
    }

    /** Before the users, whose cancel rings the rules size. */
    private int onRules(final RulesRecordDecoder record)
    {
        state.config = RulesCodec.decode(record.rules());
        return record.encodedLength();
    }

    /** Only when not the genesis rules (and never in snapshots written before it existed). */
    private int onConfiguredRules(final ConfiguredRulesRecordDecoder record)
    {
        state.configuredRules = RulesCodec.decode(record.rules());
        return record.encodedLength();
    }

    private int onAsset(final AssetRecordDecoder record)
    {
        final Asset asset = new Asset(record.assetId(), record.scale(), WireEnums.flag(record.fiatRaw()));
        asset.deposited = record.deposited();
        asset.withdrawn = record.withdrawn();
        state.assets.put(asset.id, asset);
        state.feeAccount[asset.id] = record.feeBalance();
        return record.encodedLength();
    }

    private int onMarket(final MarketRecordDecoder record)
    {
        final Market market = new Market(
            record.marketId(),
            state.assets.get(record.assetId()),
            state.assets.get(record.fiatId()),
            record.priceScale(),
            record.priceTick(),
            record.minOrderFiat(),
            record.makerFeeBps(),
            record.takerFeeBps(),
            record.paymentMethods());
        market.indexPrice = record.indexPrice();
        state.markets.put(market.id, market);
        return record.encodedLength();
    }

    private int onUser(final UserRecordDecoder record)
    {
        final User user = new User(record.userId(), record.createdAt(), record.role(), record.kycLevel(), state.config);
        user.completedOrders = record.completedOrders();
        user.payTimeTotalMs = record.payTimeTotalMs();
        user.payCount = record.payCount();
        user.releaseTimeTotalMs = record.releaseTimeTotalMs();
        user.releaseCount = record.releaseCount();
        user.restrictedUntil = record.restrictedUntil();
        user.restrictionLevel = record.restrictionLevel();
        user.lastRestrictedAt = record.lastRestrictedAt();
        for (final UserRecordDecoder.BalancesDecoder balance : record.balances())
        {
            user.addAvailable(balance.assetId(), balance.available());
            user.addLocked(balance.assetId(), balance.locked());
        }
        for (final UserRecordDecoder.CompletedDaysDecoder day : record.completedDays())
        {
            user.completed30d.restore(day.day(), day.orders());
        }
        for (final UserRecordDecoder.FailedDaysDecoder day : record.failedDays())
        {
            user.failed30d.restore(day.day(), day.orders());
        }
        for (final UserRecordDecoder.PrePayCancelsDecoder cancel : record.prePayCancels())
        {
            user.prePayCancels.record(cancel.time());
        }
        for (final UserRecordDecoder.PostPayCancelsDecoder cancel : record.postPayCancels())
        {
            user.postPayCancels.record(cancel.time());
        }
        state.users.put(user.id, user);
        return record.encodedLength();
    }

    private int onBlock(final BlockRecordDecoder record)
    {
        state.users.get(record.blockerId()).block(record.blockedId());
        return record.encodedLength();
    }

    private int onClientOrder(final ClientOrderRecordDecoder record)
    {
        state.users.get(record.userId()).rememberClientOrder(record.clientOrderId(), record.orderId());
        return record.encodedLength();
    }

    private int onAd(final AdRecordDecoder record)
    {
        final Ad ad = state.newAd().init(
            record.adId(),
            state.users.get(record.ownerId()),
            state.markets.get(record.marketId()),
            record.side(),
            record.createdAt(),
            state.config.adEditLimit());
        final AdTermsDecoder terms = record.terms();
        ad.applyTerms(terms);
        ad.status = record.status();
        ad.remaining = record.remaining();
        ad.frozen = record.frozen();
        ad.filled = record.filled();
        ad.reserved = record.reserved();
        ad.bookSeq = record.bookSeq();
        for (final AdRecordDecoder.EditsDecoder edit : record.edits())
        {
            ad.edits.record(edit.time());
        }
        state.ads.put(ad.id, ad);
        ad.owner.openAds++;
        ads.add(ad);
        return record.encodedLength();
    }

    private int onOrder(final OrderRecordDecoder record)
    {
        final Order order = state.newOrder();
        order.id = record.orderId();
        order.market = state.markets.get(record.marketId());
        order.buyAdId = record.buyAdId();
        order.sellAdId = record.sellAdId();
        order.makerId = record.makerId();
        order.takerId = record.takerId();
        order.buyer = state.users.get(record.buyerId());
        order.seller = state.users.get(record.sellerId());
        order.price = record.price();
        order.quantity = record.quantity();
        order.fiatAmount = record.fiatAmount();
        order.buyerFee = record.buyerFee();
        order.sellerFee = record.sellerFee();
        order.paymentMethod = record.paymentMethod();
        order.clientOrderId = record.clientOrderId();
        order.state = OrderState.values()[record.state()];
        order.createdAt = record.createdAt();
        order.payBy = record.payBy();
        order.paidAt = record.paidAt();
        order.releaseBy = record.releaseBy();
        order.appealableFrom = record.appealableFrom();
        order.appellantId = record.appellantId();
        order.cancelRequested = WireEnums.flag(record.cancelRequestedRaw());
        if (WireEnums.flag(record.buyAdLinkedRaw()))
        {
            StateApplier.link(order, state.ads.get(order.buyAdId));
        }
        if (WireEnums.flag(record.sellAdLinkedRaw()))
        {
            StateApplier.link(order, state.ads.get(order.sellAdId));
        }
        state.orders.put(order.id, order);
        StateApplier.countUnpaidTake(order, 1);
        if (order.state == OrderState.PENDING_PAYMENT)
        {
            state.deadlines.add(order.payBy, order.id, DeadlineQueue.PAY_BY);
        }
        else if (order.state == OrderState.PAID)
        {
            state.deadlines.add(order.releaseBy, order.id, DeadlineQueue.RELEASE_BY);
        }
        return record.encodedLength();
    }

    private int onEnd(final SnapshotEndDecoder record)
    {
        expectedDigest = record.digest();
        ended = true;
        // Listed in time priority, so that every level fills in order without reshuffling.
        ads.sort(Comparator.comparingLong(ad -> ad.bookSeq));
        for (final Ad ad : ads)
        {
            Listings.refresh(ad);
        }
        ads.clear();
        return record.encodedLength();
    }
}
