package org.p2px.gateway.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.p2px.api.Decimals;
import org.p2px.api.PaymentMethod;
import org.p2px.catalog.AssetInfo;
import org.p2px.catalog.Catalog;
import org.p2px.catalog.MarketInfo;
import org.p2px.gateway.Audit;
import org.p2px.gateway.Caller;
import org.p2px.gateway.LiveQueries;
import org.p2px.gateway.trade.TradingRules;
import org.p2px.gateway.trade.TradingService;
import org.p2px.gateway.view.BalanceView;
import org.p2px.gateway.view.MarketView;
import org.p2px.gateway.view.RulesView;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Admin: assets and markets, index prices, and the custody operations (deposits and withdrawals). The core is
 * the authority on who is an admin: a non-admin is refused with NOT_ADMIN. Index prices, deposits and
 * withdrawals also accept an admin's API key (a price feed, a custody system). Every one is audited (here, or by
 * the trading service for those it sends).
 */
@Path("/api/v1/admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
public class AdminTradingResource
{
    private final SecurityIdentity identity;
    private final Catalog catalog;
    private final TradingService trading;
    private final LiveQueries queries;
    private final TradingRules rules;
    private final Audit audit;

    public AdminTradingResource(final SecurityIdentity identity, final Catalog catalog, final TradingService trading,
        final LiveQueries queries, final TradingRules rules, final Audit audit)
    {
        this.rules = rules;
        this.audit = audit;
        this.identity = identity;
        this.catalog = catalog;
        this.trading = trading;
        this.queries = queries;
    }

    public record NewAsset(String code, @NotNull Integer scale, Boolean fiat)
    {
    }

    /** A new market ASSET-FIAT; tick and minimum order are decimal strings. */
    public record NewMarket(String asset, String fiat, @NotNull Integer priceScale, String priceTick, String minOrderFiat,
        Integer makerFeeBps, Integer takerFeeBps, List<String> paymentMethods)
    {
    }

    public record IndexPrice(String price)
    {
    }

    /** A deposit or withdrawal: who, which asset, how much. */
    public record Transfer(@NotNull Long userId, @Schema(required = true, examples = "USDT") String asset,
        @Schema(required = true, description = "A decimal string", examples = "250.5") String amount)
    {
    }

    @POST
    @Path("/assets")
    @RolesAllowed("ADMIN")
    @Operation(summary = "Declare a crypto asset or fiat currency with its decimal places")
    @APIResponse(responseCode = "201", description = "Created",
        content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AssetInfo.class)))
    public Response defineAsset(@Valid @NotNull final NewAsset body)
    {
        final Caller caller = Caller.of(identity);
        final AssetInfo asset = audit.by(caller, "admin.asset").with("asset", body.code()).with("scale", body.scale())
            .with("fiat", Boolean.TRUE.equals(body.fiat()))
            .run(() -> catalog.defineAsset(caller.userId(), body.code(), body.scale(),
                Boolean.TRUE.equals(body.fiat())));
        return Response.status(Response.Status.CREATED).entity(asset).build();
    }

    @POST
    @Path("/markets")
    @RolesAllowed("ADMIN")
    @Operation(summary = "Open a market ASSET-FIAT")
    @APIResponse(responseCode = "201", description = "Created",
        content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = MarketView.class)))
    public Response createMarket(@Valid @NotNull final NewMarket body)
    {
        final Caller caller = Caller.of(identity);
        final MarketInfo market = audit.by(caller, "admin.market").with("asset", body.asset()).with("fiat", body.fiat())
            .with("makerFeeBps", body.makerFeeBps()).with("takerFeeBps", body.takerFeeBps()).run(() ->
            {
                final AssetInfo fiat = catalog.asset(body.fiat());
                return catalog.createMarket(caller.userId(), new Catalog.MarketSpec(
                    body.asset(), body.fiat(), body.priceScale(),
                    Decimals.parsePositive(body.priceTick(), body.priceScale(), "priceTick"),
                    Decimals.parse(body.minOrderFiat() == null ? "0" : body.minOrderFiat(), fiat.scale(),
                        "minOrderFiat"),
                    body.makerFeeBps() == null ? 0 : body.makerFeeBps(),
                    body.takerFeeBps() == null ? 0 : body.takerFeeBps(),
                    PaymentMethod.mask(body.paymentMethods())));
            });
        return Response.status(Response.Status.CREATED).entity(queries.market(market.symbol())).build();
    }

    @PUT
    @Path("/rules")
    @RolesAllowed("TRADE")
    @Operation(summary = "Admin: replace the trading rules (every field)", description = "Journaled like any command: "
        + "every later command is decided by them; open orders keep their deadlines. Anyone but an admin: 403 "
        + "NOT_ADMIN; rules the core cannot run with: 400 INVALID_RULES. The rules in force: GET /api/v1/rules.")
    public RulesView setRules(@Valid @NotNull final RulesView body)
    {
        final Caller caller = Caller.of(identity);
        return audit.by(caller, "admin.rules").run(() -> rules.change(caller, body));
    }

    @PUT
    @Path("/markets/{symbol}/index-price")
    @RolesAllowed("TRADE")
    @Operation(summary = "Admin: set a market's index price (floating ads follow it)", description = "An admin's access token, or an admin's API key with TRADE (a price feed); anyone else: 403 NOT_ADMIN.")
    public MarketView setIndexPrice(@PathParam("symbol") final String symbol, final IndexPrice body)
    {
        trading.setIndexPrice(Caller.of(identity), symbol, body == null ? null : body.price());
        return queries.market(symbol);
    }

    @POST
    @Path("/deposits")
    @RolesAllowed("TRADE")
    @Operation(summary = "Admin: credit a user's available balance (custody)", description = "An admin's access token, or an admin's API key with TRADE (a custody system; each signed request runs once); anyone else: 403 NOT_ADMIN.")
    public List<BalanceView> deposit(@Valid @NotNull final Transfer body)
    {
        return trading.deposit(Caller.of(identity), body.userId(), body.asset(), body.amount());
    }

    @POST
    @Path("/withdrawals")
    @RolesAllowed("TRADE")
    @Operation(summary = "Admin: debit a user's available balance (custody)", description = "An admin's access token, or an admin's API key with TRADE (a custody system; each signed request runs once); anyone else: 403 NOT_ADMIN.")
    public List<BalanceView> withdraw(@Valid @NotNull final Transfer body)
    {
        return trading.withdraw(Caller.of(identity), body.userId(), body.asset(), body.amount());
    }
}
