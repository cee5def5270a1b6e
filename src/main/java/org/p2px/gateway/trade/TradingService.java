package org.p2px.gateway.trade;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import org.p2px.api.ApiException;
import org.p2px.api.Decimals;
import org.p2px.api.GatewayError;
import org.p2px.api.PaymentMethod;
import org.p2px.auth.Accounts;
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
import org.p2px.codec.Visibility;
import org.p2px.core.AdSnapshot;
import org.p2px.gateway.AdTexts;
import org.p2px.gateway.Audit;
import org.p2px.gateway.AuditEntry;
import org.p2px.gateway.Caller;
import org.p2px.gateway.LiveQueries;
import org.p2px.gateway.view.AdView;
import org.p2px.gateway.view.BalanceView;
import org.p2px.gateway.view.IndexView;
import org.p2px.gateway.view.OrderView;
import org.p2px.gateway.view.ViewMapper;
import org.p2px.live.Command;
import org.p2px.live.CommandReply;
import org.p2px.live.LiveOrder;
import org.p2px.readmodel.ApiPermission;
import org.p2px.server.CoreCommands;

/**
 * Every trading operation of both gateways, from wire values to a core command and back: checks the credential's
 * permission, turns decimal strings into minor units at the right scale, sends the command, and answers with
 * the order or ad as the live view holds it right after the command's batch, so the caller reads its own write
 * with no database in between. The rules themselves are the core's. Nothing here holds a transaction while
 * waiting for the engine: ad texts are written in a transaction of their own after the command. Each operation
 * writes its audit line ({@link Audit}) with the command's outcome: ok once the core accepted it, else the code
 * it was refused with (by the checks here or by the core); building the reply afterwards does not change it.
 */
@Singleton
public class TradingService
{
    private final CoreCommands core;
    private final Catalog catalog;
    private final Accounts accounts;
    private final AdTexts adTexts;
    private final ViewMapper views;
    private final LiveQueries queries;
    private final Audit audit;

    public TradingService(final CoreCommands core, final Catalog catalog, final Accounts accounts,
        final AdTexts adTexts, final ViewMapper views, final LiveQueries queries,
        final Audit audit)
    {
        this.audit = audit;
        this.core = core;
        this.catalog = catalog;
        this.accounts = accounts;
        this.adTexts = adTexts;
        this.views = views;
        this.queries = queries;
    }

    // Ads

    /** Posts an ad; answers it as created. */
    public AdView createAd(final Caller caller, final NewAdBody body)
    {
        final AuditEntry entry = audit.by(caller, "ad.create").with("market", body.market()).with("side", body.side())
            .with("quantity", body.quantity());
        final AdSnapshot ad = entry.run(() ->
        {
            caller.require(ApiPermission.TRADE);
            final MarketInfo market = catalog.market(body.market());
            final Side side = WireValues.side(body.side());
            final long quantity = Decimals.parsePositive(body.quantity(), market.asset().scale(), "quantity");
            final AdStatus status = WireValues.initialStatus(body.status());
            final AdTermsSpec terms = terms(market, body.terms());
            final AdSnapshot created = core.send((proxy, buffer, offset, correlationId) -> proxy.createAd(buffer,
                offset, correlationId, 0, caller.userId(), market.id(), side, quantity, status, terms),
                (reply, state) -> state.ad(createdAdId(reply)));
            entry.with("adId", created.adId());
            return created;
        });
        saveTexts(ad, body.terms());
        return views.ad(ad);
    }

    /** Replaces an ad's terms (and its texts). */
    public AdView updateAd(final Caller caller, final long adId, final AdTermsBody body)
    {
        final AdSnapshot ad = audit.by(caller, "ad.update").with("adId", adId).run(() ->
        {
            caller.require(ApiPermission.TRADE);
            final AdTermsSpec terms = terms(marketOfAd(adId), body);
            return adCommand((proxy, buffer, offset, correlationId) ->
                proxy.updateAd(buffer, offset, correlationId, 0, caller.userId(), adId, terms), adId);
        });
        saveTexts(ad, body);
        return views.ad(ad);
    }

    /** ONLINE, OFFLINE, or CLOSED (final: releases what a SELL ad reserved). */
    public AdView setAdStatus(final Caller caller, final long adId, final String status)
    {
        return views.ad(audit.by(caller, "ad.status").with("adId", adId).with("status", status).run(() ->
        {
            caller.require(ApiPermission.TRADE);
            final AdStatus value = WireValues.adStatus(status);
            return adCommand((proxy, buffer, offset, correlationId) ->
                proxy.setAdStatus(buffer, offset, correlationId, 0, caller.userId(), adId, value), adId);
        }));
    }

    /** Tops up (positive) or reduces (negative) an ad's remaining quantity, in the asset. */
    public AdView changeAdQuantity(final Caller caller, final long adId, final String delta)
    {
        return views.ad(audit.by(caller, "ad.quantity").with("adId", adId).with("delta", delta).run(() ->
        {
            caller.require(ApiPermission.TRADE);
            final MarketInfo market = marketOfAd(adId);
            final long change = Decimals.parseSigned(delta, market.asset().scale(), "delta");
            if (change == 0)
            {
                throw ApiException.of(ErrorCode.INVALID_AMOUNT, "delta must not be zero.");
            }
            return adCommand((proxy, buffer, offset, correlationId) ->
                proxy.changeAdQuantity(buffer, offset, correlationId, 0, caller.userId(), adId, change), adId);
        }));
    }

    // Orders

    /** Takes a named ad; answers the order (the first order, on a retry with the same clientOrderId). */
    public OrderView take(final Caller caller, final TakeBody body)
    {
        return sendTake(caller, body).await();
    }

    /** {@link #take}, without waiting for the answer. */
    public SentCommand<List<OrderAnswer>, OrderView> sendTake(final Caller caller, final TakeBody body)
    {
        final AuditEntry entry = audit.by(caller, "order.take").with("adId", body.adId()).with("amount", body.amount())
            .with("amountIn", body.amountIn()).with("paymentMethod", body.paymentMethod());
        return auditedOrders(entry, () ->
        {
            caller.require(ApiPermission.TRADE);
            final long adId = body.adId();
            final MarketInfo market = marketOfAd(adId);
            checkPrivateAdLink(caller, adId, body.link());
            final boolean inFiat = WireValues.amountInFiat(body.amountIn());
            final long amount = Decimals.parsePositive(body.amount(),
                inFiat ? market.fiat().scale() : market.asset().scale(), "amount");
            final int method = PaymentMethod.of(body.paymentMethod()).bit();
            final long clientOrderId = WireValues.clientOrderId(body.clientOrderId());
            return orders(caller, (proxy, buffer, offset, correlationId) -> proxy.takeAd(buffer, offset, correlationId,
                0, caller.userId(), adId, amount, inFiat, method, clientOrderId));
        }).then(opened -> opened.get(0));
    }

    /** Lets the core pick the best ad(s); answers the orders opened (several when split). */
    public List<OrderView> express(final Caller caller, final ExpressBody body)
    {
        return sendExpress(caller, body).await();
    }

    /** {@link #express}, without waiting for the answer. */
    public SentCommand<List<OrderAnswer>, List<OrderView>> sendExpress(final Caller caller, final ExpressBody body)
    {
        final AuditEntry entry = audit.by(caller, "order.express").with("market", body.market())
            .with("side", body.side()).with("amount", body.amount()).with("amountIn", body.amountIn());
        return auditedOrders(entry, () ->
        {
            caller.require(ApiPermission.TRADE);
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
            return orders(caller, (proxy, buffer, offset, correlationId) -> proxy.express(buffer, offset, correlationId,
                0, caller.userId(), market.id(), side, amount, inFiat, methods, priceLimit, allowSplit, clientOrderId));
        });
    }

    public OrderView markPaid(final Caller caller, final long orderId)
    {
        return sendMarkPaid(caller, orderId).await();
    }

    public SentCommand<LiveOrder, OrderView> sendMarkPaid(final Caller caller, final long orderId)
    {
        return orderCommand("order.paid", caller, (proxy, buffer, offset, correlationId) ->
            proxy.markPaid(buffer, offset, correlationId, 0, caller.userId(), orderId), orderId);
    }

    /**
     * Releases the escrow to the buyer. A person must give the fund password (the second factor); an API key
     * needs the RELEASE permission instead.
     */
    public OrderView release(final Caller caller, final long orderId, final String fundPassword, final String totpCode)
    {
        return sendRelease(caller, orderId, fundPassword, totpCode).await();
    }

    /**
     * {@link #release}, without waiting for the answer; a person's fund password is checked (bcrypt: on a thread
     * that may block) before the command is sent.
     */
    public SentCommand<LiveOrder, OrderView> sendRelease(final Caller caller, final long orderId,
        final String fundPassword, final String totpCode)
    {
        final AuditEntry entry = audit.by(caller, "order.release").with("orderId", orderId);
        return audited(entry, () ->
        {
            if (caller.person())
            {
                refuseIfNotTheSeller(caller, orderId);
                accounts.checkSecondFactor(caller.userId(), fundPassword, totpCode);
            }
            else
            {
                caller.require(ApiPermission.RELEASE);
            }
            return orderAnswer(caller, (proxy, buffer, offset, correlationId) ->
                proxy.release(buffer, offset, correlationId, 0, caller.userId(), orderId), orderId);
        });
    }

    /**
     * The buyer of an open order is told NOT_SELLER, anyone else who is not its seller NOT_ORDER_PARTY (the core's
     * answers, in its order), before any second factor is asked for or counted: a wrong fund password would
     * otherwise count towards their own lockout for a release they may not make anyway. Anything else (an order the
     * view does not hold or that finished) is left to the core's answer, as before.
     */
    private void refuseIfNotTheSeller(final Caller caller, final long orderId)
    {
        final LiveOrder order = core.read(state -> state.order(orderId));
        if (order != null && !order.isFinished() && order.order().sellerId() != caller.userId())
        {
            throw ApiException.of(order.order().buyerId() == caller.userId() ? ErrorCode.NOT_SELLER
                : ErrorCode.NOT_ORDER_PARTY);
        }
    }

    public OrderView cancel(final Caller caller, final long orderId)
    {
        return sendCancel(caller, orderId).await();
    }

    public SentCommand<LiveOrder, OrderView> sendCancel(final Caller caller, final long orderId)
    {
        return orderCommand("order.cancel", caller, (proxy, buffer, offset, correlationId) ->
            proxy.cancelOrder(buffer, offset, correlationId, 0, caller.userId(), orderId), orderId);
    }

    public OrderView requestCancel(final Caller caller, final long orderId)
    {
        return orderCommand("order.cancel_request", caller, (proxy, buffer, offset, correlationId) ->
            proxy.requestCancel(buffer, offset, correlationId, 0, caller.userId(), orderId), orderId).await();
    }

    public OrderView reviewCancelRequest(final Caller caller, final long orderId, final boolean accept)
    {
        return orderCommand("order.review_cancel", caller, (proxy, buffer, offset, correlationId) ->
            proxy.reviewCancelRequest(buffer, offset, correlationId, 0, caller.userId(), orderId, accept), orderId).await();
    }

    public OrderView appeal(final Caller caller, final long orderId)
    {
        return orderCommand("order.appeal", caller, (proxy, buffer, offset, correlationId) ->
            proxy.appeal(buffer, offset, correlationId, 0, caller.userId(), orderId), orderId).await();
    }

    public OrderView withdrawAppeal(final Caller caller, final long orderId)
    {
        return orderCommand("order.withdraw_appeal", caller, (proxy, buffer, offset, correlationId) ->
            proxy.withdrawAppeal(buffer, offset, correlationId, 0, caller.userId(), orderId), orderId).await();
    }

    /** An arbiter's decision on a disputed order: RELEASE to the buyer or REFUND the seller. */
    public OrderView resolve(final Caller caller, final long orderId, final String outcome)
    {
        final AuditEntry entry = audit.by(caller, "order.resolve").with("orderId", orderId).with("outcome", outcome);
        return audited(entry, () ->
        {
            final DisputeOutcome value = WireValues.outcome(outcome);
            return tradeCommand(caller, (proxy, buffer, offset, correlationId) ->
                proxy.resolveDispute(buffer, offset, correlationId, 0, caller.userId(), orderId, value), orderId);
        }).await();
    }

    // Blocks

    public void block(final Caller caller, final long userId)
    {
        audit.by(caller, "user.block").with("targetUserId", userId).run(() ->
        {
            caller.require(ApiPermission.TRADE);
            core.send((proxy, buffer, offset, correlationId) ->
                proxy.blockUser(buffer, offset, correlationId, 0, caller.userId(), userId));
        });
    }

    public void unblock(final Caller caller, final long userId)
    {
        audit.by(caller, "user.unblock").with("targetUserId", userId).run(() ->
        {
            caller.require(ApiPermission.TRADE);
            core.send((proxy, buffer, offset, correlationId) ->
                proxy.unblockUser(buffer, offset, correlationId, 0, caller.userId(), userId));
        });
    }

    // Admin (the core refuses anyone who is not an admin with NOT_ADMIN)

    /** Credits a user; answers the user's balances after it. */
    public List<BalanceView> deposit(final Caller caller, final long userId, final String assetCode,
        final String amount)
    {
        return moveFunds(caller, userId, assetCode, amount, true);
    }

    /** Debits a user; answers the user's balances after it. */
    public List<BalanceView> withdraw(final Caller caller, final long userId, final String assetCode,
        final String amount)
    {
        return moveFunds(caller, userId, assetCode, amount, false);
    }

    private List<BalanceView> moveFunds(final Caller caller, final long userId, final String assetCode,
        final String amount, final boolean deposit)
    {
        final AuditEntry entry = audit.by(caller, deposit ? "admin.deposit" : "admin.withdraw")
            .with("targetUserId", userId).with("asset", assetCode).with("amount", amount);
        return views.balances(entry.run(() ->
        {
            caller.require(ApiPermission.TRADE);
            final AssetInfo asset = catalog.asset(assetCode);
            final long value = Decimals.parsePositive(amount, asset.scale(), "amount");
            final Command command = deposit
                ? (proxy, buffer, offset, correlationId) ->
                    proxy.deposit(buffer, offset, correlationId, 0, caller.userId(), userId, asset.id(), value)
                : (proxy, buffer, offset, correlationId) ->
                    proxy.withdraw(buffer, offset, correlationId, 0, caller.userId(), userId, asset.id(), value);
            return core.send(command, (reply, state) -> state.user(userId));
        }));
    }

    /** Sets a market's index price; answers it as the core holds it now. */
    public IndexView setIndexPrice(final Caller caller, final String symbol, final String price)
    {
        return audit.by(caller, "admin.index_price").with("market", symbol).with("price", price).run(() ->
        {
            caller.require(ApiPermission.TRADE);
            final MarketInfo market = catalog.market(symbol);
            final long value = Decimals.parsePositive(price, market.priceScale(), "price");
            final long set = core.send((proxy, buffer, offset, correlationId) ->
                proxy.setIndexPrice(buffer, offset, correlationId, 0, caller.userId(), market.id(), value),
                (reply, state) -> state.indexPrice(market.id()));
            return new IndexView(market.symbol(), market.formatPrice(set));
        });
    }

    // Plumbing

    /** A command on one order that needs TRADE, audited as {@code action}. */
    private SentCommand<LiveOrder, OrderView> orderCommand(final String action, final Caller caller,
        final Command command, final long orderId)
    {
        return audited(audit.by(caller, action).with("orderId", orderId), () -> tradeCommand(caller, command, orderId));
    }

    private SentCommand<LiveOrder, OrderView> tradeCommand(final Caller caller, final Command command,
        final long orderId)
    {
        caller.require(ApiPermission.TRADE);
        return orderAnswer(caller, command, orderId);
    }

    /** Checks and sends a command on an order: a refusal on the way is audited at once, the answer when it comes. */
    private static SentCommand<LiveOrder, OrderView> audited(final AuditEntry entry,
        final Supplier<SentCommand<LiveOrder, OrderView>> send)
    {
        return entry.sending(send).onOutcome((order, failure) -> entry.outcome(failure));
    }

    private SentCommand<LiveOrder, OrderView> orderAnswer(final Caller caller, final Command command,
        final long orderId)
    {
        return new SentCommand<>(core.sendAsync(command, (reply, state) -> state.order(orderId)),
            order -> answered(caller, order, orderId), order -> mayBlock(caller, order));
    }

    /** The order a command changed; from the read models if the view no longer holds it. */
    private OrderView answered(final Caller caller, final LiveOrder order, final long orderId)
    {
        return order == null ? queries.order(caller, orderId) : queries.visible(caller, order);
    }

    private AdSnapshot adCommand(final Command command, final long adId)
    {
        return core.send(command, (reply, state) -> state.ad(adId));
    }

    /** A take or express, audited with the ids of the orders it opened. */
    private static SentCommand<List<OrderAnswer>, List<OrderView>> auditedOrders(final AuditEntry entry,
        final Supplier<SentCommand<List<OrderAnswer>, List<OrderView>>> send)
    {
        return entry.sending(send).onOutcome((answers, failure) ->
        {
            if (answers != null)
            {
                entry.with("orderId", answers.stream().map(answer -> String.valueOf(answer.orderId()))
                    .collect(Collectors.joining(",")));
            }
            entry.outcome(failure);
        });
    }

    /** The orders a take or express opened, or the earlier order a repeated clientOrderId stands for. */
    private SentCommand<List<OrderAnswer>, List<OrderView>> orders(final Caller caller, final Command command)
    {
        return new SentCommand<>(core.sendAsync(command, (reply, state) ->
                orderIds(reply).stream().map(orderId -> new OrderAnswer(orderId, state.order(orderId))).toList()),
            answers -> answers.stream().map(answer -> answered(caller, answer.order(), answer.orderId())).toList(),
            answers -> answers.stream().anyMatch(answer -> mayBlock(caller, answer.order())));
    }

    /** Whether building the caller's view of the order may read the database (not in the view, a name not cached yet). */
    private boolean mayBlock(final Caller caller, final LiveOrder order)
    {
        return order == null || !order.isParty(caller.userId()) || !views.namesKnown(order);
    }

    /** An order a command opened or changed, as the live view held it right after the batch (null: no longer). */
    public record OrderAnswer(long orderId, LiveOrder order)
    {
    }

    /**
     * The market of an ad, from the live view: an open ad's straight from its index, a closed one (whose commands
     * the core refuses with its own code) from the view's thread.
     */
    /**
     * A PRIVATE ad is taken by its owner's counterparties only with its link: without it (or with a wrong one) the
     * ad does not exist for them, as when the id is unknown, so ids cannot be counted through to find private ads.
     */
    private void checkPrivateAdLink(final Caller caller, final long adId, final String link)
    {
        final Long owner = core.ownerOfPrivateAd(adId);
        if (owner != null && owner != caller.userId() && adTexts.adOfLink(link) != adId)
        {
            throw ApiException.of(ErrorCode.UNKNOWN_AD);
        }
    }

    private MarketInfo marketOfAd(final long adId)
    {
        final Integer open = core.marketOfOpenAd(adId);
        if (open != null)
        {
            return catalog.market(open);
        }
        final AdSnapshot ad = core.read(state -> state.ad(adId));
        if (ad == null)
        {
            throw ApiException.of(ErrorCode.UNKNOWN_AD);
        }
        return catalog.market(ad.marketId());
    }

    private static AdTermsSpec terms(final MarketInfo market, final AdTermsBody body)
    {
        final AdTermsSpec spec = new AdTermsSpec();
        spec.priceType = WireValues.priceType(body.priceType());
        // The field of the other price type would be silently ignored: refused, so a client sees its mistake.
        if (spec.priceType == org.p2px.codec.PriceType.FIXED)
        {
            if (body.marginBps() != null)
            {
                throw ApiException.of(GatewayError.VALIDATION_FAILED,
                    "marginBps is for FLOATING ads: a FIXED ad has a price.");
            }
            spec.price = Decimals.parsePositive(body.price(), market.priceScale(), "price");
        }
        else
        {
            if (body.price() != null)
            {
                throw ApiException.of(GatewayError.VALIDATION_FAILED,
                    "price is for FIXED ads: a FLOATING ad follows the index price by marginBps.");
            }
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

    /** The terms and auto-reply texts (trimmed and bounded by the request's record), and a PRIVATE ad's link. */
    private void saveTexts(final AdSnapshot ad, final AdTermsBody body)
    {
        adTexts.save(ad.adId(), body.terms() == null ? "" : body.terms(), body.autoReply() == null ? "" : body.autoReply(),
            ad.visibility() == Visibility.PRIVATE);
    }

    private static long createdAdId(final CommandReply reply)
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

    /** The ids of the orders a take or express opened, or of the earlier order a repeated clientOrderId stands for. */
    private static List<Long> orderIds(final CommandReply reply)
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
