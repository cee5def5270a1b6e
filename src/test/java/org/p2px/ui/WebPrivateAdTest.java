package org.p2px.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.p2px.testing.TradingFixture.PASSWORD;
import static org.p2px.testing.TradingFixture.assetOf;
import static org.p2px.testing.TradingFixture.fundedMerchant;
import static org.p2px.testing.TradingFixture.newMarket;
import static org.p2px.testing.TradingFixture.newUser;
import static org.p2px.testing.TradingFixture.postPrivateAd;

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
        final JsonPath ad = postPrivateAd(seller, market);

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
