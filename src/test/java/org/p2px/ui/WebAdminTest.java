package org.p2px.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.p2px.testing.TradingFixture.ADMIN;
import static org.p2px.testing.TradingFixture.ADMIN_PASSWORD;
import static org.p2px.testing.TradingFixture.admin;
import static org.p2px.testing.TradingFixture.balance;
import static org.p2px.testing.TradingFixture.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.p2px.testing.TradingFixture.Trader;

/** The admin screens in a real browser: an asset, a fiat, a market, its index price, a deposit, a role and KYC. */
@QuarkusTest
class WebAdminTest extends BrowserTest
{


    @Test
    void anAdminOpensAMarketFundsAUserAndMakesThemAMerchant()
    {
        final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        final String asset = "UA" + suffix;
        final String fiat = "UF" + suffix;
        final Trader user = newUser();
        final Page page = Browsers.signIn(browser, root, ADMIN, ADMIN_PASSWORD);
        page.locator("nav a[data-nav=admin]").click();

        final Locator assets = page.locator("#admin-asset");
        assets.getByLabel("Code").fill(asset);
        assets.locator("button[type=submit]").click();
        assertThat(assets.locator("[role=status]")).hasText("Added " + asset + ".");
        assets.locator("button[type=submit]").click();
        assertThat(assets.locator("[role=status]")).containsText("exists");
        assets.getByLabel("Code").fill(fiat);
        assets.getByLabel("Decimals").fill("2");
        assets.getByLabel("Fiat currency").check();
        assets.locator("button[type=submit]").click();
        assertThat(assets.locator("[role=status]")).hasText("Added " + fiat + ".");

        final Locator markets = page.locator("#admin-market");
        markets.getByLabel("Asset", new Locator.GetByLabelOptions().setExact(true)).fill(asset);
        markets.getByLabel("Fiat", new Locator.GetByLabelOptions().setExact(true)).fill(fiat);
        markets.locator("button[type=submit]").click();
        final String symbol = asset + "-" + fiat;
        assertThat(markets.locator("[role=status]")).hasText("Opened " + symbol + ".");

        final Locator index = page.locator("#admin-index");
        index.locator("select[name=market]").selectOption(symbol);
        index.getByLabel("Price").fill("1.2345");
        index.locator("button[type=submit]").click();
        assertThat(index.locator("[role=status]")).hasText(symbol + " index is 1.2345.");

        final Locator transfers = page.locator("#admin-transfer");
        transfers.getByLabel("Username").fill(user.username());
        transfers.getByLabel("Asset").fill(asset);
        transfers.getByLabel("Amount").fill("250.5");
        transfers.locator("button[type=submit]").click();
        assertThat(transfers.locator("[role=status]")).containsText("Deposited 250.5 " + asset);

        final Locator users = page.locator("#admin-user");
        users.getByLabel("Username").fill(user.username());
        users.locator("select[name=role]").selectOption("MERCHANT");
        users.locator("select[name=kyc]").selectOption("2");
        users.locator("button[type=submit]").click();
        assertThat(users.locator("[role=status]")).hasText(user.username() + " is MERCHANT with KYC level 2.");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("admin")).setFullPage(true));

        assertEquals("250.500000", balance(user, asset)[0]);
        admin().request().get("/api/v1/admin/users/" + user.id()).then().statusCode(200)
            .body("role", equalTo("MERCHANT")).body("kycLevel", equalTo(2));
        admin().request().get("/api/v1/admin/users?username=" + user.username()).then().statusCode(200)
            .body("id", equalTo((int) user.id()));
        admin().request().get("/api/v1/admin/users?username=nobody-" + suffix).then().statusCode(404)
            .body("code", equalTo("UNKNOWN_USER"));
    }
}
