package org.p2px.gateway.view;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.p2px.catalog.AdTextEntity;
import org.p2px.catalog.Catalog;
import org.p2px.catalog.MarketInfo;
import org.p2px.codec.PriceType;
import org.p2px.codec.Side;
import org.p2px.core.AdSnapshot;
import org.p2px.gateway.PaymentMethod;
import org.p2px.gateway.RowViews;
import org.p2px.readmodel.AdRow;
import org.p2px.readmodel.BalanceRow;
import org.p2px.readmodel.ChatMessageRow;
import org.p2px.readmodel.OrderRow;
import org.p2px.readmodel.UserAccount;

/**
 * Turns read-model rows and core copies into the view records clients get: codes and symbols from the
 * {@link Catalog}, money as decimal strings at the asset's, fiat's or price's scale, usernames, payment method
 * names. Reads the database (usernames, ad texts), so call it inside a transaction or a request. Throws the
 * catalogue's {@code ApiException} for a market or asset it does not know.
 */
@ApplicationScoped
public class ViewMapper
{
    private final Catalog catalog;
    private final RowViews rows;
    /** Usernames never change, so each is read once. */
    private final Map<Long, String> usernames = new ConcurrentHashMap<>();

    public ViewMapper(final Catalog catalog, final RowViews rows)
    {
        this.catalog = catalog;
        this.rows = rows;
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

    public AdView ad(final AdSnapshot ad)
    {
        return ad(catalog.market(ad.marketId()), ad, AdTextEntity.findById(ad.adId()));
    }

    public BalanceView balance(final BalanceRow row)
    {
        return rows.balance(row);
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

    /** One side of a market's book; the ads' texts are read in one query. */
    public BookView book(final MarketInfo market, final Side side, final List<AdSnapshot> ads)
    {
        final Map<Long, AdTextEntity> texts = ads.isEmpty() ? Map.of() :
            AdTextEntity.<AdTextEntity>list("adId in ?1", ads.stream().map(AdSnapshot::adId).toList()).stream()
                .collect(Collectors.toMap(text -> text.adId, Function.identity()));
        return new BookView(market.symbol(), side.name(),
            ads.stream().map(ad -> ad(market, ad, texts.get(ad.adId()))).toList());
    }

    /** The user's name, or null for an id the account store does not know. */
    public String username(final long userId)
    {
        final String cached = usernames.get(userId);
        if (cached != null)
        {
            return cached;
        }
        final UserAccount account = UserAccount.findById(userId);
        if (account == null)
        {
            return null;
        }
        usernames.put(userId, account.username);
        return account.username;
    }

    private AdView ad(final MarketInfo market, final AdSnapshot ad, final AdTextEntity texts)
    {
        final boolean floating = ad.priceType() == PriceType.FLOATING;
        return new AdView(ad.adId(), ad.ownerId(), username(ad.ownerId()), market.symbol(), ad.side().name(),
            ad.status().name(), ad.priceType().name(), ad.price() > 0 ? market.formatPrice(ad.price()) : null,
            floating ? ad.marginBps() : null, market.formatQuantity(ad.remaining()),
            market.formatQuantity(ad.frozen()), market.formatQuantity(ad.filled()), market.formatFiat(ad.minFiat()),
            market.formatFiat(ad.maxFiat()), PaymentMethod.names(ad.paymentMethods()), ad.paymentWindowMinutes(),
            new AdGates(ad.minKycLevel(), ad.minAccountAgeDays(), ad.minCompletedOrders(), ad.minCompletionRateBps(),
                ad.maxOpenOrdersPerTaker()),
            ad.visibility().name(), ad.autoMatch(), terms(texts), autoReply(texts), Instant.ofEpochMilli(ad.createdAt()));
    }

    private static String terms(final AdTextEntity texts)
    {
        return texts == null ? "" : texts.terms;
    }

    private static String autoReply(final AdTextEntity texts)
    {
        return texts == null ? "" : texts.autoReply;
    }
}
