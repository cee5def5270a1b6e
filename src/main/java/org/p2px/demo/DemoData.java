package org.p2px.demo;

import java.util.EnumSet;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2px.api.PaymentMethod;
import org.p2px.auth.Accounts;
import org.p2px.auth.AuthSettings;
import org.p2px.catalog.Catalog;
import org.p2px.gateway.Caller;
import org.p2px.gateway.trade.AdTermsBody;
import org.p2px.gateway.trade.NewAdBody;
import org.p2px.gateway.trade.TradingService;
import org.p2px.readmodel.ApiPermission;
import org.p2px.readmodel.UserAccount;
import org.p2px.readmodel.UserRole;

/**
 * The embedded default's first start: demo markets with index prices, demo merchants with balances and ads, and a
 * demo trader, so a newcomer sees a live book at once. Runs only on an empty catalogue and only when
 * {@code p2px.demo.enabled} (on in dev, off in production and tests). Runs after the first admin is created.
 */
@ApplicationScoped
public class DemoData
{
    private static final System.Logger LOG = System.getLogger(DemoData.class.getName());

    private final boolean enabled;
    private final String password;
    private final String adminUsername;
    private final Catalog catalog;
    private final Accounts accounts;
    private final TradingService trading;

    public DemoData(
        @ConfigProperty(name = "p2px.demo.enabled", defaultValue = "false") final boolean enabled,
        @ConfigProperty(name = "p2px.demo.password", defaultValue = "demo-password") final String password,
        final AuthSettings auth, final Catalog catalog, final Accounts accounts, final TradingService trading)
    {
        this.enabled = enabled;
        this.password = password;
        // The packaged server's admin comes from the environment and may be unset (empty): no demo data then.
        this.adminUsername = auth.admin().username().orElse("");
        this.catalog = catalog;
        this.accounts = accounts;
        this.trading = trading;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 2000) final StartupEvent event)
    {
        if (!enabled)
        {
            return;
        }
        if (!catalog.assets().isEmpty())
        {
            LOG.log(System.Logger.Level.INFO, "no demo data: the server already has assets (demo data is only added "
                + "to an empty server)");
            return;
        }
        final UserAccount admin = UserAccount.findByUsername(adminUsername).orElse(null);
        if (admin == null)
        {
            LOG.log(System.Logger.Level.WARNING, "no demo data: the admin \"{0}\" does not exist", adminUsername);
            return;
        }
        final Caller adminCaller = person(admin.id);
        defineMarkets(adminCaller);
        final String[] merchants = { "demo_alpha", "demo_bravo", "demo_charlie" };
        for (int i = 0; i < merchants.length; i++)
        {
            final long merchantId = accounts.signUp(merchants[i], password, UserRole.MERCHANT, 2).id;
            trading.deposit(adminCaller, merchantId, "USDT", "50000");
            trading.deposit(adminCaller, merchantId, "BTC", "2");
            postAds(person(merchantId), i);
        }
        final long traderId = accounts.signUp("demo_trader", password, UserRole.USER, 1).id;
        trading.deposit(adminCaller, traderId, "USDT", "1000");
        LOG.log(System.Logger.Level.INFO, "demo data: 4 markets, 3 merchants with ads, and demo_trader (password "
            + "from p2px.demo.password)");
    }

    private void defineMarkets(final Caller admin)
    {
        catalog.defineAsset(admin.userId(), "USDT", 6, false);
        catalog.defineAsset(admin.userId(), "BTC", 8, false);
        catalog.defineAsset(admin.userId(), "EUR", 2, true);
        catalog.defineAsset(admin.userId(), "USD", 2, true);
        catalog.defineAsset(admin.userId(), "NGN", 2, true);
        market(admin, "USDT", "EUR", 4, 1, 1000, List.of("SEPA", "SEPA_INSTANT", "WISE", "REVOLUT", "N26",
            "CASH_IN_PERSON"), "0.9234");
        market(admin, "BTC", "EUR", 2, 1, 2000, List.of("SEPA", "SEPA_INSTANT", "WISE", "REVOLUT"), "84250.00");
        market(admin, "USDT", "USD", 4, 1, 1000, List.of("ZELLE", "WISE", "ACH", "PAYPAL"), "1.0002");
        market(admin, "USDT", "NGN", 2, 1, 500000, List.of("BANK_TRANSFER", "CASH_IN_PERSON"), "1545.50");
    }

    private void market(final Caller admin, final String asset, final String fiat, final int priceScale,
        final long tick, final long minOrderFiat, final List<String> methods, final String indexPrice)
    {
        catalog.createMarket(admin.userId(), new Catalog.MarketSpec(asset, fiat, priceScale, tick, minOrderFiat, 10, 0,
            PaymentMethod.mask(methods)));
        trading.setIndexPrice(admin, asset + "-" + fiat, indexPrice);
    }

    /** Each merchant sells and buys on every market, at margins a little apart, so the book has depth. */
    private void postAds(final Caller merchant, final int rank)
    {
        final int spread = 15 * (rank + 1);
        ad(merchant, "USDT-EUR", "SELL", "8000", floating(20 + spread, "20", "5000", List.of("SEPA", "WISE", "REVOLUT"), rank == 0));
        ad(merchant, "USDT-EUR", "BUY", "6000", floating(-20 - spread, "50", "3000", List.of("SEPA", "SEPA_INSTANT"), rank == 0));
        ad(merchant, "BTC-EUR", "SELL", "0.5", floating(40 + spread, "100", "20000", List.of("SEPA", "SEPA_INSTANT"), false));
        ad(merchant, "BTC-EUR", "BUY", "0.4", floating(-40 - spread, "100", "15000", List.of("SEPA", "REVOLUT"), false));
        ad(merchant, "USDT-USD", "SELL", "7000", floating(10 + spread, "25", "4000", List.of("ZELLE", "WISE"), false));
        ad(merchant, "USDT-NGN", "SELL", "5000", floating(80 + spread, "10000", "2000000", List.of("BANK_TRANSFER"), false));
    }

    private static AdTermsBody floating(final int marginBps, final String minFiat, final String maxFiat,
        final List<String> methods, final boolean autoMatch)
    {
        return new AdTermsBody("FLOATING", null, marginBps, minFiat, maxFiat, methods, 30, null, null, null, null,
            3, "PUBLIC", autoMatch, "Demo ad: send the exact amount, reference = order number. Released within minutes.",
            "Hi! I am a demo merchant. Pay within the window and mark the order paid.");
    }

    private void ad(final Caller merchant, final String market, final String side, final String quantity,
        final AdTermsBody terms)
    {
        trading.createAd(merchant, new NewAdBody(market, side, quantity, "ONLINE", terms));
    }

    private static Caller person(final long userId)
    {
        return new Caller(userId, EnumSet.of(ApiPermission.READ, ApiPermission.TRADE), true);
    }
}
