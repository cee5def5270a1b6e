package org.p2px.gateway;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.p2px.api.Decimals;
import org.p2px.api.PaymentMethod;
import org.p2px.catalog.AdTextEntity;
import org.p2px.catalog.AssetInfo;
import org.p2px.catalog.Catalog;
import org.p2px.catalog.MarketInfo;
import org.p2px.gateway.view.AdGates;
import org.p2px.gateway.view.AdView;
import org.p2px.gateway.view.AttachmentView;
import org.p2px.gateway.view.BalanceView;
import org.p2px.gateway.view.BlockedUserView;
import org.p2px.gateway.view.ChatMessageView;
import org.p2px.gateway.view.FeedbackView;
import org.p2px.gateway.view.MarketView;
import org.p2px.gateway.view.OrderView;
import org.p2px.readmodel.AdRow;
import org.p2px.readmodel.AttachmentRow;
import org.p2px.readmodel.BalanceRow;
import org.p2px.readmodel.BlockRow;
import org.p2px.readmodel.ChatMessageRow;
import org.p2px.readmodel.FeedbackRow;
import org.p2px.readmodel.OrderRow;

/**
 * Read-model rows as clients see them: ids become codes and symbols, minor units become decimal strings at the
 * market's or asset's scale, payment method bits become names. Usernames come in, looked up by the caller in
 * one query per list.
 */
@ApplicationScoped
public class RowViews
{
    private static final String FLOATING = "FLOATING";

    private final Catalog catalog;

    public RowViews(final Catalog catalog)
    {
        this.catalog = catalog;
    }

    public MarketView market(final MarketInfo market, final Long indexPrice)
    {
        return new MarketView(market.symbol(), market.asset().code(), market.fiat().code(), market.priceScale(),
            market.formatPrice(market.priceTick()), market.formatFiat(market.minOrderFiat()), market.makerFeeBps(),
            market.takerFeeBps(), PaymentMethod.names(market.paymentMethods()),
            indexPrice == null ? null : market.formatPrice(indexPrice));
    }

    /** {@code text} is null for an ad whose terms were never recorded; both texts then show as empty. */
    public AdView ad(final AdRow row, final String ownerName, final AdTextEntity text)
    {
        final MarketInfo market = catalog.market(row.marketId);
        return new AdView(row.id, row.ownerId, ownerName, market.symbol(), row.side, row.status, row.priceType,
            row.price == null ? null : market.formatPrice(row.price),
            FLOATING.equals(row.priceType) ? Integer.valueOf(row.marginBps) : null,
            market.formatQuantity(row.remaining), market.formatQuantity(row.frozen), market.formatQuantity(row.filled),
            market.formatFiat(row.minFiat), market.formatFiat(row.maxFiat), PaymentMethod.names(row.paymentMethods),
            row.paymentWindowMinutes,
            new AdGates(row.minKycLevel, row.minAccountAgeDays, row.minCompletedOrders, row.minCompletionRateBps,
                row.maxOpenOrdersPerTaker),
            row.visibility, row.autoMatch, text == null ? "" : text.terms, text == null ? "" : text.autoReply,
            row.createdAt, "PRIVATE".equals(row.visibility) && text != null ? text.linkToken : null);
    }

    /** Fees are in the asset: the core takes them from the quantity. */
    public OrderView order(final OrderRow row, final Map<Long, String> names)
    {
        final MarketInfo market = catalog.market(row.marketId);
        final PaymentMethod method = PaymentMethod.ofBit(row.paymentMethod);
        return new OrderView(row.id, market.symbol(), row.state, row.buyerId, names.get(row.buyerId), row.sellerId,
            names.get(row.sellerId), row.makerId, row.takerId, row.buyAdId, row.sellAdId, market.formatPrice(row.price),
            market.formatQuantity(row.quantity), market.formatFiat(row.fiatAmount), market.formatQuantity(row.buyerFee),
            market.formatQuantity(row.sellerFee), method == null ? null : method.name(), row.clientOrderId,
            row.createdAt, row.payBy, row.paidAt, row.releaseBy, row.appealableFrom, row.appellantId,
            row.cancelRequested, row.cancelReason, row.finishedAt);
    }

    public BalanceView balance(final BalanceRow row)
    {
        final AssetInfo asset = catalog.asset(row.assetId);
        return new BalanceView(asset.code(), Decimals.format(row.available, asset.scale()),
            Decimals.format(row.locked, asset.scale()));
    }

    public static ChatMessageView chat(final ChatMessageRow row, final Map<Long, String> names)
    {
        return chat(row, names, List.of());
    }

    public static ChatMessageView chat(final ChatMessageRow row, final Map<Long, String> names,
        final List<AttachmentView> attachments)
    {
        return new ChatMessageView(row.id, row.orderId, row.authorId,
            row.authorId == null ? null : names.get(row.authorId), row.kind, row.text, row.sentAt, attachments);
    }

    public static AttachmentView attachment(final AttachmentRow row)
    {
        return new AttachmentView(row.id, row.orderId, row.uploaderId, row.fileName, row.mediaType, row.size,
            row.sha256, row.width, row.height, row.thumbSha256 != null, row.messageId, row.createdAt, row.purgedAt);
    }

    public static FeedbackView feedback(final FeedbackRow row, final Map<Long, String> names)
    {
        return new FeedbackView(row.orderId, row.fromUserId, names.get(row.fromUserId), row.toUserId, row.positive,
            row.comment, row.createdAt);
    }

    public static BlockedUserView blocked(final BlockRow row, final Map<Long, String> names)
    {
        return new BlockedUserView(row.blockedId, names.get(row.blockedId), row.createdAt);
    }
}
