package org.p2px.core;

import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongHashSet;
import org.p2px.codec.AdRecordEncoder;
import org.p2px.codec.AssetRecordEncoder;
import org.p2px.codec.BlockRecordEncoder;
import org.p2px.codec.ClientOrderRecordEncoder;
import org.p2px.codec.ConfiguredRulesRecordEncoder;
import org.p2px.codec.MarketRecordEncoder;
import org.p2px.codec.MessageHeaderEncoder;
import org.p2px.codec.OrderRecordEncoder;
import org.p2px.codec.RulesRecordEncoder;
import org.p2px.codec.SnapshotBeginEncoder;
import org.p2px.codec.SnapshotEndEncoder;
import org.p2px.codec.UserRecordEncoder;
import org.p2px.codec.WireEnums;

/**
 * Writes the whole core state as SBE records: SnapshotBegin, every asset, market, user, block, clientOrderId,
 * ad and open order, then SnapshotEnd with the state digest. {@link SnapshotLoader} reads it back. The buffer
 * must be large enough (an expandable buffer grows as needed).
 */
final class SnapshotWriter
{
    /** 2: a RulesRecord follows SnapshotBegin. 1 (still read): no rules; they were the defaults. */
    static final int FORMAT_VERSION = 2;

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final SnapshotBeginEncoder begin = new SnapshotBeginEncoder();
    private final AssetRecordEncoder assetRecord = new AssetRecordEncoder();
    private final MarketRecordEncoder marketRecord = new MarketRecordEncoder();
    private final UserRecordEncoder userRecord = new UserRecordEncoder();
    private final RulesRecordEncoder rulesRecord = new RulesRecordEncoder();
    private final ConfiguredRulesRecordEncoder configuredRulesRecord = new ConfiguredRulesRecordEncoder();
    private final BlockRecordEncoder blockRecord = new BlockRecordEncoder();
    private final ClientOrderRecordEncoder clientOrderRecord = new ClientOrderRecordEncoder();
    private final AdRecordEncoder adRecord = new AdRecordEncoder();
    private final OrderRecordEncoder orderRecord = new OrderRecordEncoder();
    private final SnapshotEndEncoder end = new SnapshotEndEncoder();
    private MutableDirectBuffer buffer;
    private int position;
    private long records;

    /** @return the snapshot's length in bytes. */
    int write(final CoreState state, final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        position = offset;
        records = 0;
        begin.wrapAndApplyHeader(buffer, position, header)
            .formatVersion(FORMAT_VERSION)
            .nextAdId(state.nextAdId)
            .nextOrderId(state.nextOrderId)
            .nextBookSeq(state.nextBookSeq)
            .now(state.now);
        advance(begin.encodedLength());
        RulesCodec.encode(state.config, rulesRecord.wrapAndApplyHeader(buffer, position, header).rules());
        advance(rulesRecord.encodedLength());
        if (!RulesCodec.same(state.configuredRules, CoreConfig.genesis()))
        {
            RulesCodec.encode(state.configuredRules,
                configuredRulesRecord.wrapAndApplyHeader(buffer, position, header).rules());
            advance(configuredRulesRecord.encodedLength());
        }
        for (final Asset asset : state.assets.values())
        {
            assetRecord.wrapAndApplyHeader(buffer, position, header)
                .assetId(asset.id)
                .scale((short)asset.scale)
                .fiat(WireEnums.flag(asset.fiat))
                .deposited(asset.deposited)
                .withdrawn(asset.withdrawn)
                .feeBalance(state.feeAccount[asset.id]);
            advance(assetRecord.encodedLength());
        }
        for (final Market market : state.markets.values())
        {
            writeMarket(market);
        }
        for (final User user : state.users.values())
        {
            writeUser(user);
        }
        for (final Ad ad : state.ads.values())
        {
            writeAd(ad);
        }
        for (final Order order : state.orders.values())
        {
            writeOrder(order);
        }
        end.wrapAndApplyHeader(buffer, position, header).digest(StateDigest.of(state)).records(records + 1);
        advance(end.encodedLength());
        this.buffer = null;
        return position - offset;
    }

    private void advance(final int encodedLength)
    {
        position += MessageHeaderEncoder.ENCODED_LENGTH + encodedLength;
        records++;
    }

    private void writeMarket(final Market market)
    {
        marketRecord.wrapAndApplyHeader(buffer, position, header)
            .marketId(market.id)
            .assetId(market.asset.id)
            .fiatId(market.fiat.id)
            .priceScale((short)market.priceScale)
            .priceTick(market.priceTick)
            .minOrderFiat(market.minOrderFiat)
            .makerFeeBps(market.makerFeeBps)
            .takerFeeBps(market.takerFeeBps)
            .paymentMethods(market.paymentMethods)
            .indexPrice(market.indexPrice);
        advance(marketRecord.encodedLength());
    }

    private void writeUser(final User user)
    {
        userRecord.wrapAndApplyHeader(buffer, position, header)
            .userId(user.id)
            .createdAt(user.createdAt)
            .role(user.role)
            .kycLevel((short)user.kycLevel)
            .completedOrders(user.completedOrders)
            .payTimeTotalMs(user.payTimeTotalMs)
            .payCount(user.payCount)
            .releaseTimeTotalMs(user.releaseTimeTotalMs)
            .releaseCount(user.releaseCount)
            .restrictedUntil(user.restrictedUntil)
            .restrictionLevel(user.restrictionLevel)
            .lastRestrictedAt(user.lastRestrictedAt);

        int balances = 0;
        for (int assetId = 0; assetId < user.available.length; assetId++)
        {
            balances += user.available[assetId] != 0 || user.locked[assetId] != 0 ? 1 : 0;
        }
        final UserRecordEncoder.BalancesEncoder balancesGroup = userRecord.balancesCount(balances);
        for (int assetId = 0; assetId < user.available.length; assetId++)
        {
            if (user.available[assetId] != 0 || user.locked[assetId] != 0)
            {
                balancesGroup.next().assetId(assetId).available(user.available[assetId]).locked(user.locked[assetId]);
            }
        }
        final UserRecordEncoder.CompletedDaysEncoder completed =
            userRecord.completedDaysCount(usedBuckets(user.completed30d));
        for (int bucket = 0; bucket < RollingDays.DAYS; bucket++)
        {
            if (user.completed30d.countAt(bucket) != 0)
            {
                completed.next().day(user.completed30d.dayAt(bucket)).orders(user.completed30d.countAt(bucket));
            }
        }
        final UserRecordEncoder.FailedDaysEncoder failed = userRecord.failedDaysCount(usedBuckets(user.failed30d));
        for (int bucket = 0; bucket < RollingDays.DAYS; bucket++)
        {
            if (user.failed30d.countAt(bucket) != 0)
            {
                failed.next().day(user.failed30d.dayAt(bucket)).orders(user.failed30d.countAt(bucket));
            }
        }
        final UserRecordEncoder.PrePayCancelsEncoder prePay = userRecord.prePayCancelsCount(user.prePayCancels.size());
        for (int i = 0; i < user.prePayCancels.size(); i++)
        {
            prePay.next().time(user.prePayCancels.timeAt(i));
        }
        final UserRecordEncoder.PostPayCancelsEncoder postPay =
            userRecord.postPayCancelsCount(user.postPayCancels.size());
        for (int i = 0; i < user.postPayCancels.size(); i++)
        {
            postPay.next().time(user.postPayCancels.timeAt(i));
        }
        advance(userRecord.encodedLength());
        writeBlocks(user);
        writeClientOrders(user);
    }

    private void writeBlocks(final User user)
    {
        final LongHashSet blocked = user.blockedUsers();
        if (blocked == null)
        {
            return;
        }
        final LongHashSet.LongIterator iterator = blocked.iterator();
        while (iterator.hasNext())
        {
            blockRecord.wrapAndApplyHeader(buffer, position, header).blockerId(user.id).blockedId(iterator.nextValue());
            advance(blockRecord.encodedLength());
        }
    }

    private void writeClientOrders(final User user)
    {
        final Long2LongHashMap clientOrders = user.clientOrders();
        if (clientOrders == null)
        {
            return;
        }
        final Long2LongHashMap.EntryIterator iterator = clientOrders.entrySet().iterator();
        while (iterator.hasNext())
        {
            iterator.next();
            clientOrderRecord.wrapAndApplyHeader(buffer, position, header)
                .userId(user.id)
                .clientOrderId(iterator.getLongKey())
                .orderId(iterator.getLongValue());
            advance(clientOrderRecord.encodedLength());
        }
    }

    private void writeAd(final Ad ad)
    {
        adRecord.wrapAndApplyHeader(buffer, position, header)
            .adId(ad.id)
            .ownerId(ad.owner.id)
            .marketId(ad.market.id)
            .side(ad.side)
            .status(ad.status)
            .createdAt(ad.createdAt)
            .remaining(ad.remaining)
            .frozen(ad.frozen)
            .filled(ad.filled)
            .reserved(ad.reserved)
            .bookSeq(ad.bookSeq);
        adRecord.terms()
            .priceType(ad.priceType)
            .price(ad.price)
            .marginBps(ad.marginBps)
            .minFiat(ad.minFiat)
            .maxFiat(ad.maxFiat)
            .paymentMethods(ad.paymentMethods)
            .paymentWindowMinutes(ad.paymentWindowMinutes)
            .minKycLevel((short)ad.minKycLevel)
            .minAccountAgeDays(ad.minAccountAgeDays)
            .minCompletedOrders(ad.minCompletedOrders)
            .minCompletionRateBps(ad.minCompletionRateBps)
            .maxOpenOrdersPerTaker(ad.maxOpenOrdersPerTaker)
            .visibility(ad.visibility)
            .autoMatch(WireEnums.flag(ad.autoMatch));
        final AdRecordEncoder.EditsEncoder edits = adRecord.editsCount(ad.edits.size());
        for (int i = 0; i < ad.edits.size(); i++)
        {
            edits.next().time(ad.edits.timeAt(i));
        }
        advance(adRecord.encodedLength());
    }

    private void writeOrder(final Order order)
    {
        orderRecord.wrapAndApplyHeader(buffer, position, header)
            .orderId(order.id)
            .marketId(order.market.id)
            .buyAdId(order.buyAdId)
            .sellAdId(order.sellAdId)
            .buyAdLinked(WireEnums.flag(order.ads[Order.BUY_AD] != null))
            .sellAdLinked(WireEnums.flag(order.ads[Order.SELL_AD] != null))
            .makerId(order.makerId)
            .takerId(order.takerId)
            .buyerId(order.buyer.id)
            .sellerId(order.seller.id)
            .price(order.price)
            .quantity(order.quantity)
            .fiatAmount(order.fiatAmount)
            .buyerFee(order.buyerFee)
            .sellerFee(order.sellerFee)
            .paymentMethod((short)order.paymentMethod)
            .clientOrderId(order.clientOrderId)
            .state((short)order.state.ordinal())
            .createdAt(order.createdAt)
            .payBy(order.payBy)
            .paidAt(order.paidAt)
            .releaseBy(order.releaseBy)
            .appealableFrom(order.appealableFrom)
            .appellantId(order.appellantId)
            .cancelRequested(WireEnums.flag(order.cancelRequested));
        advance(orderRecord.encodedLength());
    }

    private static int usedBuckets(final RollingDays days)
    {
        int used = 0;
        for (int bucket = 0; bucket < RollingDays.DAYS; bucket++)
        {
            used += days.countAt(bucket) != 0 ? 1 : 0;
        }
        return used;
    }
}
