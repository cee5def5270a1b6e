package org.p2px.gateway.ws;

import static org.p2px.gateway.ws.WsOperationGroup.command;
import static org.p2px.gateway.ws.WsOperationGroup.of;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.gateway.AppealEvidence;
import org.p2px.gateway.Caller;
import org.p2px.gateway.ChatService;
import org.p2px.gateway.FeedbackService;
import org.p2px.gateway.LiveQueries;
import org.p2px.gateway.PaymentAccounts;
import org.p2px.gateway.PlainText;
import org.p2px.gateway.ReadModels;
import org.p2px.gateway.trade.AdTermsBody;
import org.p2px.gateway.trade.ExpressBody;
import org.p2px.gateway.trade.NewAdBody;
import org.p2px.gateway.trade.TakeBody;
import org.p2px.gateway.trade.TradingService;
import org.p2px.readmodel.ApiPermission;

/**
 * Every trading operation and query of the WebSocket, each the same call as its REST endpoint (docs/protocol.md
 * lists them with their args). Answers are the same views the REST API returns.
 */
@ApplicationScoped
public class TradingOperations implements WsOperationGroup
{
    private static final int DEFAULT_PAGE_SIZE = 20;

    private final TradingService trading;
    private final ReadModels readModels;
    private final LiveQueries live;
    private final ChatService chat;
    private final FeedbackService feedback;
    private final WsArgs args;
    private final PaymentAccounts paymentAccounts;
    private final AppealEvidence evidence;

    public TradingOperations(final TradingService trading, final ReadModels readModels, final LiveQueries live,
        final ChatService chat, final FeedbackService feedback, final WsArgs args,
        final PaymentAccounts paymentAccounts, final AppealEvidence evidence)
    {
        this.trading = trading;
        this.readModels = readModels;
        this.live = live;
        this.chat = chat;
        this.feedback = feedback;
        this.args = args;
        this.paymentAccounts = paymentAccounts;
        this.evidence = evidence;
    }

    @Override
    public List<WsOperation> operations()
    {
        return List.of(
            // Public queries
            of("markets.list", true, (caller, a) -> live.markets()),
            of("market.get", true, (caller, a) -> live.market(WsArgs.text(a, "market"))),
            of("book.get", true, (caller, a) -> live.book(WsArgs.text(a, "market"), WsArgs.text(a, "side"),
                optionalText(a, "amount"), optionalText(a, "paymentMethod"), caller, intArg(a, "limit", LiveQueries.DEFAULT_LIMIT))),
            of("ad.get", true, (caller, a) -> a.hasNonNull("link") ? live.adByLink(WsArgs.text(a, "link"), caller)
                : live.ad(id(a, "adId"), caller)),
            of("user.profile", true, (caller, a) -> readModels.profile(id(a, "userId"))),
            of("user.feedback", true, (caller, a) -> readModels.feedbackFor(id(a, "userId"), intArg(a, "page", 0),
                intArg(a, "size", DEFAULT_PAGE_SIZE))),
            // Ads
            trade("ad.create", (caller, a) -> trading.createAd(caller, args.read(a, NewAdBody.class))),
            trade("ad.update", (caller, a) -> trading.updateAd(caller, id(a, "adId"),
                args.read(a, AdUpdateArgs.class).terms())),
            of("ad.status", false, (caller, a) -> trading.setAdStatus(caller, id(a, "adId"), WsArgs.text(a, "status"))),
            of("ad.quantity", false, (caller, a) -> trading.changeAdQuantity(caller, id(a, "adId"),
                WsArgs.text(a, "delta"))),
            of("ad.close", false, (caller, a) -> trading.setAdStatus(caller, id(a, "adId"), "CLOSED")),
            read("ads.mine", (caller, a) -> readModels.myAds(caller.userId(), optionalText(a, "status"))),
            // Orders
            // The commands of the trade flow run on the event loop (a person's release hashes the fund password:
            // that one runs on a worker). TRADE is checked before the args, as over REST.
            command("order.take", always -> true, (caller, a) -> trading.sendTake(
                caller.require(ApiPermission.TRADE), args.read(a, TakeBody.class))),
            command("order.express", always -> true, (caller, a) -> trading.sendExpress(
                caller.require(ApiPermission.TRADE), args.read(a, ExpressBody.class))
                .then(orders -> Map.of("orders", orders))),
            command("order.paid", always -> true, (caller, a) -> trading.sendMarkPaid(caller, id(a, "orderId"))),
            command("order.release", caller -> !caller.person(), (caller, a) -> trading.sendRelease(caller,
                id(a, "orderId"), optionalText(a, "fundPassword"), optionalText(a, "totpCode"))),
            command("order.cancel", always -> true, (caller, a) -> trading.sendCancel(caller, id(a, "orderId"))),
            of("order.cancel_request", false, (caller, a) -> trading.requestCancel(caller, id(a, "orderId"))),
            of("order.review_cancel", false, (caller, a) -> trading.reviewCancelRequest(caller, id(a, "orderId"),
                bool(a, "accept"))),
            // An appeal's statement refers to files uploaded over REST, read and checked as REST's body is.
            of("order.appeal", false, (caller, a) ->
            {
                final AppealArgs given = args.read(a, AppealArgs.class);
                return evidence.openWith(caller, id(a, "orderId"), given.statement(), given.attachmentIds(),
                    () -> trading.appeal(caller, id(a, "orderId")));
            }),
            trade("order.appeal_evidence", (caller, a) ->
            {
                final AppealArgs given = args.read(a, AppealArgs.class);
                return evidence.add(caller, id(a, "orderId"), given.statement(), given.attachmentIds());
            }),
            of("order.withdraw_appeal", false, (caller, a) -> trading.withdrawAppeal(caller, id(a, "orderId"))),
            of("order.resolve", false, (caller, a) -> trading.resolve(caller, id(a, "orderId"),
                WsArgs.text(a, "outcome"))),
            read("order.get", (caller, a) -> live.order(caller, id(a, "orderId"))),
            read("orders.mine", (caller, a) -> readModels.myOrders(caller.userId(), optionalText(a, "state"),
                instant(a, "from"), instant(a, "to"), intArg(a, "page", 0), intArg(a, "size", DEFAULT_PAGE_SIZE))),
            read("disputes.list", (caller, a) -> readModels.disputes(caller, intArg(a, "page", 0),
                intArg(a, "size", DEFAULT_PAGE_SIZE))),
            // Account
            read("balances.get", (caller, a) -> live.balances(caller.userId())),
            of("user.block", false, (caller, a) -> blocked(caller, id(a, "userId"), true)),
            of("user.unblock", false, (caller, a) -> blocked(caller, id(a, "userId"), false)),
            read("blocks.list", (caller, a) -> readModels.blockList(caller.userId())),
            of("payment_accounts.list", false, (caller, a) -> paymentAccounts.mine(caller)),
            // holder and details: their characters are checked as REST's body is; whether they are given and their
            // length by the service, as for REST: one message for a blank or missing one.
            of("payment_account.set", false, (caller, a) ->
            {
                final PaymentAccountArgs given = args.read(a, PaymentAccountArgs.class);
                return paymentAccounts.set(caller, WsArgs.text(a, "method"), given.holder(), given.details());
            }),
            of("payment_account.delete", false, (caller, a) ->
            {
                paymentAccounts.delete(caller, WsArgs.text(a, "method"));
                return Map.of("method", WsArgs.text(a, "method"));
            }),
            of("order.payment_details", false, (caller, a) -> paymentAccounts.forOrder(caller, id(a, "orderId"))),
            // Chat and feedback
            trade("chat.send", (caller, a) -> chat.send(caller, id(a, "orderId"),
                a.hasNonNull("attachmentIds") ? optionalText(a, "text") : WsArgs.text(a, "text"), ids(a, "attachmentIds"))),
            read("chat.history", (caller, a) -> chat.history(caller, id(a, "orderId"), optionalId(a, "after"),
                intArg(a, "limit", ChatService.MAX_HISTORY))),
            trade("feedback.leave", (caller, a) -> feedback.leave(caller, id(a, "orderId"), bool(a, "positive"),
                args.read(a, FeedbackArgs.class).comment())));
    }

    /** A signed-in query: needs READ, as its REST endpoint does. */
    private static WsOperation read(final String name, final Handler handler)
    {
        return of(name, false, (caller, args) -> handler.invoke(caller.require(ApiPermission.READ), args));
    }

    /**
     * A signed-in change that needs TRADE, as over REST, checked before its args are: the trading service checks
     * TRADE itself, but a request without the permission is FORBIDDEN before it can be VALIDATION_FAILED.
     */
    private static WsOperation trade(final String name, final Handler handler)
    {
        return of(name, false, (caller, args) -> handler.invoke(caller.require(ApiPermission.TRADE), args));
    }

    /** ad.update's args: the ad's id (read by {@link #id}) and its new terms, required. */
    /** {@code ad.update}'s args: the ad (read on its own, as REST's path is) and its new terms. */
    record AdUpdateArgs(Long adId, @NotNull @Valid AdTermsBody terms)
    {
    }

    /**
     * {@code order.appeal}'s and {@code order.appeal_evidence}'s args: the order (read on its own, as REST's path is)
     * and REST's body of a statement, with its constraints, so both gateways refuse alike.
     */
    record AppealArgs(Long orderId, @Size(max = AppealEvidence.MAX_STATEMENT_LENGTH) @PlainText String statement,
        @Size(max = AppealEvidence.MAX_FILES) List<Long> attachmentIds)
    {
    }

    /**
     * {@code payment_account.set}'s args: the method (read on its own, as REST's path is) and REST's body, with its
     * constraints.
     */
    record PaymentAccountArgs(String method, @PlainText(multiLine = false) String holder,
        @PlainText(multiLine = false) String details)
    {
    }

    /** {@code feedback.leave}'s args: the order and the rating (read on their own, as over REST) and the comment. */
    record FeedbackArgs(Long orderId, Boolean positive, @PlainText String comment)
    {
    }

    private Map<String, Object> blocked(final Caller caller, final long userId, final boolean block)
    {
        if (block)
        {
            trading.block(caller, userId);
        }
        else
        {
            trading.unblock(caller, userId);
        }
        return Map.of("userId", userId, "blocked", block);
    }

    private static long id(final JsonNode args, final String field)
    {
        final JsonNode value = args.get(field);
        if (value == null || !value.canConvertToLong() || !(value.isIntegralNumber() || value.isTextual()))
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, field + " must be a number.");
        }
        return value.asLong();
    }

    /** An optional array of ids (files uploaded over REST that a chat line carries); empty when absent. */
    private static List<Long> ids(final JsonNode args, final String field)
    {
        final JsonNode value = args.get(field);
        if (value == null || value.isNull())
        {
            return List.of();
        }
        if (!value.isArray() || value.size() > ChatService.MAX_ATTACHMENTS_PER_LINE)
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED,
                field + " must be an array of at most " + ChatService.MAX_ATTACHMENTS_PER_LINE + " ids.");
        }
        final List<Long> ids = new java.util.ArrayList<>();
        value.forEach(element -> ids.add(id(element)));
        return ids;
    }

    private static long id(final JsonNode value)
    {
        if (!value.canConvertToLong() || !(value.isIntegralNumber() || value.isTextual()))
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, "attachmentIds must hold numbers.");
        }
        return value.asLong();
    }

    private static Long optionalId(final JsonNode args, final String field)
    {
        return args.hasNonNull(field) ? id(args, field) : null;
    }

    private static String optionalText(final JsonNode args, final String field)
    {
        return args.hasNonNull(field) ? args.get(field).asText() : null;
    }

    private static boolean bool(final JsonNode args, final String field)
    {
        final JsonNode value = args.get(field);
        if (value == null || !value.isBoolean())
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, field + " must be true or false.");
        }
        return value.booleanValue();
    }

    private static int intArg(final JsonNode args, final String field, final int fallback)
    {
        final JsonNode value = args.get(field);
        if (value == null || value.isNull())
        {
            return fallback;
        }
        if (!value.isInt())
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, field + " must be a whole number.");
        }
        return value.intValue();
    }

    private static Instant instant(final JsonNode args, final String field)
    {
        final String text = optionalText(args, field);
        try
        {
            return text == null ? null : Instant.parse(text);
        }
        catch (final DateTimeParseException ex)
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, field + " must be an ISO-8601 instant.");
        }
    }
}
