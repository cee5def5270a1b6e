package org.p2px.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.p2px.testing.TradingFixture.PASSWORD;
import static org.p2px.testing.TradingFixture.assetOf;
import static org.p2px.testing.TradingFixture.fundedMerchant;
import static org.p2px.testing.TradingFixture.newMarket;
import static org.p2px.testing.TradingFixture.newUser;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.p2px.testing.TradingFixture.Trader;

/** A PRIVATE ad: its owner sees it with a link to share in My ads, and a buyer with the link takes it. */
@QuarkusTest
class WebPrivateAdTest extends BrowserTest
{
    @Test
    void aBuyerWithThePrivateLinkTakesTheAd()
    {
        final String market = newMarket();
        final Trader seller = fundedMerchant(market);
        final JsonPath ad = seller.request().body(Map.of("market", market, "side", "SELL", "quantity", "100",
            "terms", Map.of("priceType", "FIXED", "price", "0.9200", "minFiat", "10", "maxFiat", "500",
                "paymentMethods", List.of("SEPA"), "visibility", "PRIVATE")))
            .post("/api/v1/ads").then().statusCode(201).extract().jsonPath();

        final Page owner = Browsers.signIn(browser, root, seller.username(), PASSWORD);
        owner.navigate(root + "#/ads");
        assertThat(owner.locator("tr[data-ad-id='" + ad.getLong("id") + "'] button.copy-link")).isVisible();

        final Trader buyer = newUser();
        final Page page = Browsers.signIn(browser, root, buyer.username(), PASSWORD);
        page.navigate(root + "#/trade/" + market + "/link/" + ad.getString("link"));
        final Locator dialog = page.locator("dialog");
        dialog.getByLabel("Amount (EUR)").fill("46.00");
        assertThat(dialog).containsText("about 50.000000 " + assetOf(market));
        dialog.locator("button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*#/order/\\d+"));
        assertThat(page.locator("#order-state")).hasText("Awaiting payment");
    }
}
