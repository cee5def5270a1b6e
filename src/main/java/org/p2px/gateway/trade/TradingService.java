package org.p2px.gateway.trade;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import org.p2px.auth.Accounts;
import org.p2px.auth.ApiPermission;
import org.p2px.catalog.AdTextEntity;
import org.p2px.catalog.AssetInfo;
import org.p2px.catalog.Catalog;
import org.p2px.catalog.MarketInfo;
import org.p2px.codec.AdCreatedDecoder;
import org.p2px.codec.AdStatus;
import org.p2px.codec.AdTermsSpec;
import org.p2px.codec.DisputeOutcome;
import org.p2px.codec.DuplicateClientOrderDecoder;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.EventHandler;
import org.p2px.codec.OrderOpenedDecoder;
import org.p2px.codec.Side;
import org.p2px.gateway.ApiException;
import org.p2px.gateway.Caller;
import org.p2px.gateway.CoreCommands;
import org.p2px.gateway.CoreReply;
import org.p2px.gateway.Decimals;
import org.p2px.gateway.GatewayError;
import org.p2px.gateway.PaymentMethod;
import org.p2px.gateway.ProjectionProgress;
import org.p2px.readmodel.AdRow;

/**
 * Every trading operation of both gateways, from wire values to a core command and back: checks the credential's
 * permission, turns decimal strings into minor units at the right scale, sends the command, and waits until the
 * read models hold its effects so the caller reads its own write. The rules themselves are the core's.
 */
@ApplicationScoped
public class TradingService
{
    /** How long an answered command waits for the read models before answering anyway. */
    private static final long PROJECTION_WAIT_MS = 2_000;
    private static final int MAX_TEXT = 1_000;

    private final CoreCommands core;
    private final Catalog catalog;
    private final Accounts accounts;
    private final Instance<ProjectionProgress> projection;

    public TradingService(final CoreCommands core, final Catalog catalog, final Accounts accounts,
        final Instance<ProjectionProgress> projection)
    {
        this.core = core;
        this.catalog = catalog;
        this.accounts = accounts;
        this.projection = projection;
    }

    // Ads

    /** Posts an ad; returns its id. */
    @Transactional
    public long createAd(final Caller caller, final NewAdBody body)
    {
        caller.require(ApiPermission.TRADE);
        if (body == null)
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, "The ad is missing.");
        }
        final MarketInfo market = catalog.market(body.market());
        final Side side = WireValues.side(body.side());
        final long quantity = Decimals.parsePositive(body.quantity(), market.asset().scale(), "quantity");
        final AdStatus status = WireValues.initialStatus(body.status());
        final AdTermsSpec terms = terms(market, body.terms());
        final String[] texts = texts(body.terms());
        final CoreReply reply = send((proxy, buffer, correlationId) ->
            proxy.createAd(buffer, 0, correlationId, 0, caller.userId(), market.id(), side, quantity, status, terms));
        final long adId = createdAdId(reply);
        saveTexts(adId, texts);
        awaitProjected(reply);
        return adId;
    }

    /** Replaces an ad's terms (and its texts). */
    @Transactional
    public long updateAd(final Caller caller, final long adId, final AdTermsBody body)
    {
        caller.require(ApiPermission.TRADE);
        final MarketInfo market = marketOfAd(adId);
        final AdTermsSpec terms = terms(market, body);
        final String[] texts = texts(body);
        final CoreReply reply = send((proxy, buffer, correlationId) ->
            proxy.updateAd(buffer, 0, correlationId, 0, caller.userId(), adId, terms));
        saveTexts(adId, texts);
        awaitProjected(reply);
        return adId;
    }

    /** ONLINE, OFFLINE, or CLOSED (final: releases what a SELL ad reserved). */
    public long setAdStatus(final Caller caller, final long adId, final String status)
    {
        caller.require(ApiPermission.TRADE);
        final AdStatus value = WireValues.adStatus(status);
        awaitProjected(send((proxy, buffer, correlationId) ->
            proxy.setAdStatus(buffer, 0, correlationId, 0, caller.userId(), adId, value)));
        return adId;
    }

    /** Tops up (positive) or reduces (negative) an ad's remaining quantity, in the asset. */
    public long changeAdQuantity(final Caller caller, final long adId, final String delta)
    {
        caller.require(ApiPermission.TRADE);
        final MarketInfo market = marketOfAd(adId);
        final long change = Decimals.parseSigned(delta, market.asset().scale(), "delta");
        if (change == 0)
        {
            throw ApiException.of(ErrorCode.INVALID_AMOUNT, "delta must not be zero.");
        }
        awaitProjected(send((proxy, buffer, correlationId) ->
            proxy.changeAdQuantity(buffer, 0, correlationId, 0, caller.userId(), adId, change)));
        return adId;
    }

    // Orders

    /** Takes a named ad; returns the order's id (the first order's, on a retry with the same clientOrderId). */
    public long take(final Caller caller, final TakeBody body)
    {
        caller.require(ApiPermission.TRADE);
        if (body == null || body.adId() == null)
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, "adId is required.");
        }
        final long adId = body.adId();
        final MarketInfo market = marketOfAd(adId);
        final boolean inFiat = WireValues.amountInFiat(body.amountIn());
        final long amount = Decimals.parsePositive(body.amount(),
            inFiat ? market.fiat().scale() : market.asset().scale(), "amount");
        final int method = PaymentMethod.of(body.paymentMethod()).bit();
        final long clientOrderId = WireValues.clientOrderId(body.clientOrderId());
        final CoreReply reply = send((proxy, buffer, correlationId) ->
            proxy.takeAd(buffer, 0, correlationId, 0, caller.userId(), adId, amount, inFiat, method, clientOrderId));
        awaitProjected(reply);
        return orderIds(reply).get(0);
    }

    /** Lets the core pick the best ad(s); returns the ids of the orders opened (several when split). */
    public List<Long> express(final Caller caller, final ExpressBody body)
    {
        caller.require(ApiPermission.TRADE);
        if (body == null)
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, "The request is missing.");
        }
        final MarketInfo market = catalog.market(body.market());
        final Side side = WireValues.side(body.side());
        final boolean inFiat = WireValues.amountInFiat(body.amountIn());
        final long amount = Decimals.parsePositive(body.amount(),
            inFiat ? market.fiat().scale() : market.asset().scale(), "amount");
        final long methods = PaymentMethod.mask(body.paymentMethods());
        final long priceLimit = body.priceLimit() == null ? 0
            : Decimals.parsePositive(body.priceLimit(), market.priceScale(), "priceLimit");
        final boolean allowSplit = Boolean.TRUE.equals(body.allowSplit());
        final long clientOrderId = WireValues.clientOrderId(body.clientOrderId());
        final CoreReply reply = send((proxy, buffer, correlationId) -> proxy.express(buffer, 0, correlationId, 0,
            caller.userId(), market.id(), side, amount, inFiat, methods, priceLimit, allowSplit, clientOrderId));
        awaitProjected(reply);
        return orderIds(reply);
    }

    public long markPaid(final Caller caller, final long orderId)
    {
        return orderCommand(caller, (proxy, buffer, correlationId) ->
            proxy.markPaid(buffer, 0, correlationId, 0, caller.userId(), orderId), orderId);
    }

    /**
     * Releases the escrow to the buyer. A person must give the fund password (the second factor); an API key
     * needs the RELEASE permission instead.
     */
    public long release(final Caller caller, final long orderId, final String fundPassword)
    {
        if (caller.person())
        {
            accounts.checkFundPassword(caller.userId(), fundPassword);
        }
        else
        {
            caller.require(ApiPermission.RELEASE);
        }
        awaitProjected(send((proxy, buffer, correlationId) ->
            proxy.release(buffer, 0, correlationId, 0, caller.userId(), orderId)));
        return orderId;
    }

    public long cancel(final Caller caller, final long orderId)
    {
        return orderCommand(caller, (proxy, buffer, correlationId) ->
            proxy.cancelOrder(buffer, 0, correlationId, 0, caller.userId(), orderId), orderId);
    }

    public long requestCancel(final Caller caller, final long orderId)
    {
        return orderCommand(caller, (proxy, buffer, correlationId) ->
            proxy.requestCancel(buffer, 0, correlationId, 0, caller.userId(), orderId), orderId);
    }

    public long reviewCancelRequest(final Caller caller, final long orderId, final boolean accept)
    {
        return orderCommand(caller, (proxy, buffer, correlationId) ->
            proxy.reviewCancelRequest(buffer, 0, correlationId, 0, caller.userId(), orderId, accept), orderId);
    }

    public long appeal(final Caller caller, final long orderId)
    {
        return orderCommand(caller, (proxy, buffer, correlationId) ->
            proxy.appeal(buffer, 0, correlationId, 0, caller.userId(), orderId), orderId);
    }

    public long withdrawAppeal(final Caller caller, final long orderId)
    {
        return orderCommand(caller, (proxy, buffer, correlationId) ->
            proxy.withdrawAppeal(buffer, 0, correlationId, 0, caller.userId(), orderId), orderId);
    }

    /** An arbiter's decision on a disputed order: RELEASE to the buyer or REFUND the seller. */
    public long resolve(final Caller caller, final long orderId, final String outcome)
    {
        final DisputeOutcome value = WireValues.outcome(outcome);
        return orderCommand(caller, (proxy, buffer, correlationId) ->
            proxy.resolveDispute(buffer, 0, correlationId, 0, caller.userId(), orderId, value), orderId);
    }

    // Blocks

    public void block(final Caller caller, final long userId)
    {
        caller.require(ApiPermission.TRADE);
        awaitProjected(send((proxy, buffer, correlationId) ->
            proxy.blockUser(buffer, 0, correlationId, 0, caller.userId(), userId)));
    }

    public void unblock(final Caller caller, final long userId)
    {
        caller.require(ApiPermission.TRADE);
        awaitProjected(send((proxy, buffer, correlationId) ->
            proxy.unblockUser(buffer, 0, correlationId, 0, caller.userId(), userId)));
    }

    // Admin (the core refuses anyone who is not an admin with NOT_ADMIN)

    public void deposit(final Caller caller, final long userId, final String assetCode, final String amount)
    {
        caller.require(ApiPermission.TRADE);
        final AssetInfo asset = catalog.asset(assetCode);
        final long value = Decimals.parsePositive(amount, asset.scale(), "amount");
        awaitProjected(send((proxy, buffer, correlationId) ->
            proxy.deposit(buffer, 0, correlationId, 0, caller.userId(), userId, asset.id(), value)));
    }

    public void withdraw(final Caller caller, final long userId, final String assetCode, final String amount)
    {
        caller.require(ApiPermission.TRADE);
        final AssetInfo asset = catalog.asset(assetCode);
        final long value = Decimals.parsePositive(amount, asset.scale(), "amount");
        awaitProjected(send((proxy, buffer, correlationId) ->
            proxy.withdraw(buffer, 0, correlationId, 0, caller.userId(), userId, asset.id(), value)));
    }

    public void setIndexPrice(final Caller caller, final String symbol, final String price)
    {
        caller.require(ApiPermission.TRADE);
        final MarketInfo market = catalog.market(symbol);
        final long value = Decimals.parsePositive(price, market.priceScale(), "price");
        awaitProjected(send((proxy, buffer, correlationId) ->
            proxy.setIndexPrice(buffer, 0, correlationId, 0, caller.userId(), market.id(), value)));
    }

    // Plumbing

    private long orderCommand(final Caller caller, final CoreCommands.CommandEncoder encoder, final long orderId)
    {
        caller.require(ApiPermission.TRADE);
        awaitProjected(send(encoder));
        return orderId;
    }

    private CoreReply send(final CoreCommands.CommandEncoder encoder)
    {
        return core.send(encoder);
    }

    private void awaitProjected(final CoreReply reply)
    {
        if (projection.isResolvable())
        {
            projection.get().awaitProjected(reply.batchSequence(), PROJECTION_WAIT_MS);
        }
    }

    /** The market of an ad, from the read model (the ad's owner reads its own write; others see it shortly). */
    private MarketInfo marketOfAd(final long adId)
    {
        final AdRow ad = AdRow.findById(adId);
        if (ad == null)
        {
            throw ApiException.of(ErrorCode.UNKNOWN_AD);
        }
        return catalog.market(ad.marketId);
    }

    private static AdTermsSpec terms(final MarketInfo market, final AdTermsBody body)
    {
        if (body == null)
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, "terms are required.");
        }
        final AdTermsSpec spec = new AdTermsSpec();
        spec.priceType = WireValues.priceType(body.priceType());
        if (spec.priceType == org.p2px.codec.PriceType.FIXED)
        {
            spec.price = Decimals.parsePositive(body.price(), market.priceScale(), "price");
        }
        else
        {
            if (body.marginBps() == null)
            {
                throw ApiException.of(ErrorCode.INVALID_MARGIN, "A FLOATING ad needs marginBps.");
            }
            spec.marginBps = body.marginBps();
        }
        spec.minFiat = Decimals.parsePositive(body.minFiat(), market.fiat().scale(), "minFiat");
        spec.maxFiat = Decimals.parsePositive(body.maxFiat(), market.fiat().scale(), "maxFiat");
        spec.paymentMethods = PaymentMethod.mask(body.paymentMethods());
        spec.paymentWindowMinutes = body.paymentWindowMinutes() == null ? 15 : body.paymentWindowMinutes();
        spec.minKycLevel = WireValues.orZero(body.minKycLevel());
        spec.minAccountAgeDays = WireValues.orZero(body.minAccountAgeDays());
        spec.minCompletedOrders = WireValues.orZero(body.minCompletedOrders());
        spec.minCompletionRateBps = WireValues.orZero(body.minCompletionRateBps());
        spec.maxOpenOrdersPerTaker = WireValues.orZero(body.maxOpenOrdersPerTaker());
        spec.visibility = WireValues.visibility(body.visibility());
        spec.autoMatch = Boolean.TRUE.equals(body.autoMatch());
        return spec;
    }

    /** The terms and auto-reply texts, trimmed and bounded. */
    private static String[] texts(final AdTermsBody body)
    {
        final String terms = body == null || body.terms() == null ? "" : body.terms().strip();
        final String autoReply = body == null || body.autoReply() == null ? "" : body.autoReply().strip();
        if (terms.length() > MAX_TEXT || autoReply.length() > MAX_TEXT)
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, "terms and autoReply: at most 1000 characters each.");
        }
        return new String[]{ terms, autoReply };
    }

    private static void saveTexts(final long adId, final String[] texts)
    {
        AdTextEntity row = AdTextEntity.findById(adId);
        if (row == null)
        {
            row = new AdTextEntity();
            row.adId = adId;
            row.terms = texts[0];
            row.autoReply = texts[1];
            row.persist();
        }
        else
        {
            row.terms = texts[0];
            row.autoReply = texts[1];
        }
    }

    private static long createdAdId(final CoreReply reply)
    {
        final long[] adId = { 0 };
        reply.replay(new EventHandler()
        {
            @Override
            public void onAdCreated(final AdCreatedDecoder event)
            {
                adId[0] = event.adId();
            }
        });
        return adId[0];
    }

    /** The orders a take or express opened, or the earlier order a repeated clientOrderId stands for. */
    private static List<Long> orderIds(final CoreReply reply)
    {
        final List<Long> ids = new ArrayList<>();
        reply.replay(new EventHandler()
        {
            @Override
            public void onOrderOpened(final OrderOpenedDecoder event)
            {
                ids.add(event.orderId());
            }

            @Override
            public void onDuplicateClientOrder(final DuplicateClientOrderDecoder event)
            {
                ids.add(event.orderId());
            }
        });
        return ids;
    }
}
