package org.p2px.gateway.view;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.p2px.api.Decimals;
import org.p2px.api.PaymentMethod;
import org.p2px.catalog.AdTextEntity;
import org.p2px.catalog.AssetInfo;
import org.p2px.catalog.Catalog;
import org.p2px.catalog.MarketInfo;
import org.p2px.codec.PriceType;
import org.p2px.codec.Side;
import org.p2px.codec.Visibility;
import org.p2px.core.AdSnapshot;
import org.p2px.core.BalanceSnapshot;
import org.p2px.core.OrderSnapshot;
import org.p2px.core.UserSnapshot;
import org.p2px.gateway.AdTexts;
import org.p2px.gateway.RowViews;
import org.p2px.live.BalanceChange;
import org.p2px.live.LiveOrder;
import org.p2px.readmodel.AdRow;
import org.p2px.readmodel.BalanceRow;
import org.p2px.readmodel.ChatMessageRow;
import org.p2px.readmodel.OrderRow;
import org.p2px.readmodel.Usernames;

/**
 * Turns read-model rows and the live view's copies into the view records clients get: codes and symbols from the
 * {@link Catalog}, money as decimal strings at the asset's, fiat's or price's scale, usernames, payment method
 * names. Usernames and ad texts are held in memory, so views of the live state can be built on any thread; an
 * ad text not held yet is read from the database in a transaction of its own (names are all held:
 * {@link Usernames}). Throws the catalogue's {@code ApiException} for a market or asset it does not know.
 */
@Singleton
public class ViewMapper
{
    private final Catalog catalog;
    private final RowViews rows;
    private static final AdTexts.Texts NO_TEXTS = new AdTexts.Texts(null, null, null);

    private final AdTexts adTexts;
    private final Usernames usernames;

    public ViewMapper(final Catalog catalog, final RowViews rows, final AdTexts adTexts, final Usernames usernames)
    {
        this.catalog = catalog;
        this.rows = rows;
        this.adTexts = adTexts;
        this.usernames = usernames;
    }

    public OrderView order(final OrderRow row)
    {
        final Map<Long, String> names = new HashMap<>();
        names.put(row.buyerId, username(row.buyerId));
        names.put(row.sellerId, username(row.sellerId));
        return rows.order(row, names);
    }

    public AdView ad(final AdRow row)
    {
        return rows.ad(row, username(row.ownerId), AdTextEntity.findById(row.id));
    }

    /** An order of the live view, as {@link RowViews#order} shows its row. */
    public OrderView order(final LiveOrder live)
    {
        final OrderSnapshot order = live.order();
        final MarketInfo market = catalog.market(order.marketId());
        final PaymentMethod method = PaymentMethod.ofBit(order.paymentMethod());
        return new OrderView(order.orderId(), market.symbol(), order.state().name(), order.buyerId(),
            username(order.buyerId()), order.sellerId(), username(order.sellerId()), order.makerId(), order.takerId(),
            idOrNull(order.buyAdId()), idOrNull(order.sellAdId()), market.formatPrice(order.price()),
            market.formatQuantity(order.quantity()), market.formatFiat(order.fiatAmount()),
            market.formatQuantity(order.buyerFee()), market.formatQuantity(order.sellerFee()),
            method == null ? null : method.name(), idOrNull(order.clientOrderId()), instant(order.createdAt()),
            instant(order.payBy()), instant(order.paidAt()), instant(order.releaseBy()),
            instant(order.appealableFrom()), live.disputed() ? order.appellantId() : null, order.cancelRequested(),
            live.cancelReason(), instant(live.finishedAt()));
    }

    public AdView ad(final AdSnapshot ad)
    {
        return ad(catalog.market(ad.marketId()), ad, adTexts.of(ad.adId()));
    }

    /**
     * The ad as the book channel carries it: without its terms and auto-reply, which the core does not keep (they
     * reach each gateway from the database at its own pace, and a book update must be the same on every gateway);
     * {@code ad.get} gives them.
     */
    public AdView bookAd(final AdSnapshot ad)
    {
        return ad(catalog.market(ad.marketId()), ad, NO_TEXTS, nameIfAvailable(ad.ownerId()));
    }

    /**
     * A book window is built on the live view's thread after each batch: an owner whose name the database cannot
     * give now (it is away) stays without one until a later window, rather than failing the market's delta.
     */
    private String nameIfAvailable(final long userId)
    {
        try
        {
            return usernames.of(userId);
        }
        catch (final RuntimeException databaseAway)
        {
            return usernames.held(userId);
        }
    }

    /**
     * The ad's book view, or {@code previous} itself when it was made from an equal snapshot: the book windows map
     * their 50 ads a side after every batch that touches the market, and most did not change.
     */
    public AdView bookAd(final AdSnapshot ad, final AdSnapshot previousSnapshot, final AdView previous)
    {
        if (previous != null && ad.equals(previousSnapshot) && previous.ownerName() != null)
        {
            return previous;
        }
        return bookAd(ad);
    }

    public BalanceView balance(final BalanceRow row)
    {
        return rows.balance(row);
    }

    public BalanceView balance(final BalanceChange change)
    {
        return balance(change.assetId(), change.available(), change.locked());
    }

    /** The assets the user holds (available or locked above zero), by asset id. */
    public List<BalanceView> balances(final UserSnapshot user)
    {
        return user.balances().stream()
            .filter(balance -> balance.available() != 0 || balance.locked() != 0)
            .sorted(java.util.Comparator.comparingInt(BalanceSnapshot::assetId))
            .map(balance -> balance(balance.assetId(), balance.available(), balance.locked()))
            .toList();
    }

    private BalanceView balance(final int assetId, final long available, final long locked)
    {
        final AssetInfo asset = catalog.asset(assetId);
        return new BalanceView(asset.code(), Decimals.format(available, asset.scale()),
            Decimals.format(locked, asset.scale()));
    }

    public ChatMessageView chat(final ChatMessageRow row)
    {
        final Map<Long, String> names = new HashMap<>();
        if (row.authorId != null)
        {
            names.put(row.authorId, username(row.authorId));
        }
        return RowViews.chat(row, names);
    }

    /** One side of a market's book. */
    public BookView book(final MarketInfo market, final Side side, final List<AdSnapshot> ads)
    {
        return new BookView(market.symbol(), side.name(),
            ads.stream().map(ad -> ad(market, ad, adTexts.of(ad.adId()))).toList());
    }

    /** Whether {@link #order(LiveOrder)} can map this order without a database read (both names held). */
    public boolean namesKnown(final LiveOrder live)
    {
        final OrderSnapshot order = live.order();
        return usernames.knows(order.buyerId()) && usernames.knows(order.sellerId());
    }

    /** The user's name, or null for an id the account store does not know. */
    public String username(final long userId)
    {
        return usernames.of(userId);
    }

    private AdView ad(final MarketInfo market, final AdSnapshot ad, final AdTexts.Texts texts)
    {
        return ad(market, ad, texts, username(ad.ownerId()));
    }

    private AdView ad(final MarketInfo market, final AdSnapshot ad, final AdTexts.Texts texts, final String ownerName)
    {
        final boolean floating = ad.priceType() == PriceType.FLOATING;
        return new AdView(ad.adId(), ad.ownerId(), ownerName, market.symbol(), ad.side().name(),
            ad.status().name(), ad.priceType().name(), ad.price() > 0 ? market.formatPrice(ad.price()) : null,
            floating ? ad.marginBps() : null, market.formatQuantity(ad.remaining()),
            market.formatQuantity(ad.frozen()), market.formatQuantity(ad.filled()), market.formatFiat(ad.minFiat()),
            market.formatFiat(ad.maxFiat()), PaymentMethod.names(ad.paymentMethods()), ad.paymentWindowMinutes(),
            new AdGates(ad.minKycLevel(), ad.minAccountAgeDays(), ad.minCompletedOrders(), ad.minCompletionRateBps(),
                ad.maxOpenOrdersPerTaker()),
            ad.visibility().name(), ad.autoMatch(), texts.terms(), texts.autoReply(), Instant.ofEpochMilli(ad.createdAt()),
            ad.visibility() == Visibility.PRIVATE ? texts.link() : null);
    }

    private static Long idOrNull(final long id)
    {
        return id == 0 ? null : id;
    }

    private static Instant instant(final long epochMillis)
    {
        return epochMillis == 0 ? null : Instant.ofEpochMilli(epochMillis);
    }
}
