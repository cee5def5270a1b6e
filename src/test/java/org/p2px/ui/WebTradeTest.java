package org.p2px.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2px.testing.TradingFixture.FUND_PASSWORD;
import static org.p2px.testing.TradingFixture.PASSWORD;
import static org.p2px.testing.TradingFixture.assetOf;
import static org.p2px.testing.TradingFixture.fundedMerchant;
import static org.p2px.testing.TradingFixture.newMarket;
import static org.p2px.testing.TradingFixture.newUser;
import static org.p2px.testing.TradingFixture.postAd;
import static org.p2px.testing.TradingFixture.take;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.p2px.gateway.ws.Sessions;
import org.p2px.testing.ShiftableClock;
import org.p2px.testing.TradingFixture.Trader;

/**
 * The web UI in a real browser: a merchant and a taker, each in a browser context of their own, trade from the
 * ad's posting to the feedback; a refused action shows its message; a chat line with markup shows as text; the
 * page reconnects when the server drops it; express with split after its preview; a dispute opened by the buyer
 * and resolved by an arbiter in a third context. Screenshots of the main screens land in target/screenshots.
 */
@QuarkusTest
class WebTradeTest extends BrowserTest
{
    @Inject
    Sessions sessions;
    @Inject
    ShiftableClock clock;


    @Test
    void aWholeTradeBetweenAMerchantAndATakerInTheirBrowsers()
    {
        final String market = newMarket();
        final String asset = assetOf(market);
        final Trader merchantUser = fundedMerchant(market);
        final Trader takerUser = newUser();
        final Page merchant = signedIn(merchantUser);
        final Page taker = signedIn(takerUser);

        // The merchant says where to be paid by SEPA.
        merchant.navigate(root + "#/account");
        merchant.locator("select[name=method]").selectOption("SEPA");
        merchant.getByLabel("Account holder").fill("Merchant GmbH");
        merchant.getByLabel("Details (IBAN, account number, tag)").fill("DE89 3704 0044 0532 0130 00");
        merchant.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Save account")).click();
        assertThat(merchant.locator("tr[data-method=SEPA]")).containsText("Merchant GmbH");
        merchant.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("account")).setFullPage(true));

        // The taker watches the book before the ad exists: it appears live.
        taker.navigate(root + "#/trade/" + market);
        assertThat(taker.locator("#index-price")).containsText("0.9200");
        merchant.navigate(root + "#/ads");
        merchant.locator("select[name=market]").selectOption(market);
        merchant.getByLabel("Quantity").fill("100");
        merchant.getByLabel("Price", new Page.GetByLabelOptions().setExact(true)).fill("0.9300");
        merchant.getByLabel("Min per order").fill("10");
        merchant.getByLabel("Max per order").fill("500");
        merchant.getByLabel("Terms").fill("SEPA only, <b>no</b> third parties.");
        merchant.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Post ad")).click();
        assertThat(merchant.locator("table[aria-label='My ads'] tbody tr")).hasCount(1);
        merchant.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("my-ads")).setFullPage(true));

        final Locator row = taker.locator("tr[data-ad-id]").first();
        assertThat(row).containsText("0.9300");
        assertThat(row).containsText("100.000000 " + asset);
        taker.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("book")).setFullPage(true));

        // Take it: an amount under the ad's minimum is caught before it is sent.
        row.locator("button").click();
        final Locator dialog = taker.locator("dialog");
        assertThat(dialog.locator(".terms")).hasText("SEPA only, <b>no</b> third parties.");
        dialog.getByLabel("Amount (EUR)").fill("5");
        assertThat(dialog.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).containsText("minimum for this ad is 10.00");
        assertThat(dialog.locator("button[type=submit]")).isDisabled();
        dialog.getByLabel("Amount (EUR)").fill("46.50");
        assertThat(dialog).containsText("about 50.000000 " + asset);
        taker.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("take")));
        dialog.locator("button[type=submit]").click();
        taker.waitForURL(Pattern.compile(".*#/order/\\d+"));
        final String orderPath = taker.url().substring(taker.url().indexOf("#/order/"));
        assertThat(taker.locator("#order-state")).hasText("Awaiting payment");
        assertThat(taker.locator("#fiat-amount")).hasText("46.50 EUR");
        assertThat(taker.locator("#payee")).hasText("Merchant GmbH");
        assertThat(taker.locator("#payee-details")).hasText("DE89 3704 0044 0532 0130 00");
        taker.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("order-to-pay")).setFullPage(true));

        // Chat both ways; markup typed by a user is text.
        taker.getByLabel("Message").fill("<script>window.pwned = 1</script> hello, paying now");
        taker.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        merchant.navigate(root + "#/orders");
        merchant.locator("a[href='" + orderPath + "']").click();
        final Locator line = merchant.locator("#chat .line", new Page.LocatorOptions().setHasText("hello, paying now"));
        assertThat(line).containsText("<script>window.pwned = 1</script>");
        assertEquals(null, merchant.evaluate("window.pwned"));
        merchant.getByLabel("Message").fill("Thanks, waiting for the transfer");
        merchant.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(taker.locator("#chat")).containsText("Thanks, waiting for the transfer");

        // Paid, then released: each side sees the other's step live.
        taker.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I have paid")).click();
        assertThat(taker.locator("#order-state")).hasText("Paid");
        assertThat(merchant.locator("#order-state")).hasText("Paid");
        merchant.getByLabel("Fund password").fill("not-the-fund-password");
        merchant.locator("#actions button[type=submit]").click();
        assertThat(merchant.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).containsText("fund password is wrong");
        merchant.getByLabel("Fund password").fill(FUND_PASSWORD);
        merchant.locator("#actions button[type=submit]").click();
        assertThat(merchant.locator("#order-state")).hasText("Completed");
        assertThat(taker.locator("#order-state")).hasText("Completed");
        merchant.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("order-completed")).setFullPage(true));

        taker.getByLabel("Comment").fill("Fast release");
        taker.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Positive")).click();
        assertThat(taker.locator("#feedback")).containsText("Thanks for your feedback");

        // The merchant's profile shows the feedback; blocking hides the merchant's ads from the taker's book.
        taker.locator("a[href='#/user/" + merchantUser.id() + "']").first().click();
        assertThat(taker.locator("h1")).hasText(merchantUser.username());
        assertThat(taker.locator("#feedback-list")).containsText("Fast release");
        assertThat(taker.locator("#positive-rate")).containsText("100% of 1");
        taker.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("profile")).setFullPage(true));
        taker.locator("#block").click();
        assertThat(taker.locator("#block")).hasText("Unblock");
        taker.navigate(root + "#/trade/" + market);
        assertThat(taker.locator("#index-price")).containsText("0.9200");
        assertThat(taker.locator("tbody")).containsText("No ads match.");
        taker.navigate(root + "#/user/" + merchantUser.id());
        taker.locator("#block").click();
        assertThat(taker.locator("#block")).hasText("Block");

        taker.navigate(root + "#/wallet");
        assertThat(taker.locator("tr[data-asset='" + asset + "']")).containsText("50.000000");
        taker.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("wallet")).setFullPage(true));
    }

    @Test
    void thePageReconnectsWhenTheServerDropsItAndKeepsFollowingTheBook()
    {
        final String market = newMarket();
        final Trader merchantUser = fundedMerchant(market);
        final Page taker = signedIn(newUser());
        final List<String> received = new CopyOnWriteArrayList<>();
        taker.onWebSocket(socket -> socket.onFrameReceived(frame -> received.add(frame.text())));
        taker.navigate(root + "#/trade/" + market);
        assertThat(taker.locator("#connection")).hasClass(Pattern.compile("\\bon\\b"));
        postAd(merchantUser, market, "SELL", "10", "0.9400", "10", "100");
        assertThat(taker.locator("tr[data-ad-id]")).hasCount(1);

        org.p2px.gateway.ws.WsTestHooks.dropAll(sessions);
        // Reconnected, signed in, and the book resumed from the seq the page had (nothing to send: no snapshot).
        final String resumed = "\"result\":{\"channel\":\"book." + market + "\",\"resumed\":true}";
        taker.waitForCondition(() -> received.stream().anyMatch(text -> text.contains(resumed)));
        // A later ad arrives live, applied to the book the page kept.
        postAd(merchantUser, market, "SELL", "20", "0.9350", "10", "100");
        assertThat(taker.locator("tr[data-ad-id]")).hasCount(2);
        assertThat(taker.locator("tr[data-ad-id]").first()).containsText("0.9350");
        assertThat(taker.locator("#connection")).hasClass(Pattern.compile("\\bon\\b"));
        assertTrue(taker.url().contains(market));
    }

    @Test
    void aMerchantEditsAnAdThenAPhoneSizedPageTakesItInTheAsset()
    {
        final String market = newMarket();
        final String asset = assetOf(market);
        final Trader merchantUser = fundedMerchant(market);
        postAd(merchantUser, market, "SELL", "100", "0.9300", "10", "100");
        final Page phone = Browsers.signIn(browser, root, newUser().username(), PASSWORD,
            new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true));
        phone.navigate(root + "#/trade/" + market);
        assertThat(phone.locator("tr[data-ad-id]")).containsText("0.9300");

        final Page merchant = signedIn(merchantUser);
        merchant.navigate(root + "#/ads");
        merchant.locator("table[aria-label='My ads'] button", new Page.LocatorOptions().setHasText("Edit")).click();
        merchant.getByLabel("Price", new Page.GetByLabelOptions().setExact(true)).fill("0.9111");
        merchant.getByLabel("Terms").fill("Edited terms");
        merchant.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Save changes")).click();
        assertThat(merchant.locator("table[aria-label='My ads'] tbody tr")).containsText("0.9111");

        // The phone's book follows; it takes 20 of the asset, the fiat computed as it types.
        assertThat(phone.locator("tr[data-ad-id]")).containsText("0.9111");
        phone.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("book-phone")).setFullPage(true));
        phone.locator("tr[data-ad-id] button").click();
        final Locator dialog = phone.locator("dialog");
        assertThat(dialog.locator(".terms")).hasText("Edited terms");
        dialog.locator("select[name=amountIn]").selectOption("ASSET");
        dialog.getByLabel("Amount (" + asset + ")").fill("20");
        assertThat(dialog).containsText("about 18.23 EUR");
        dialog.locator("button[type=submit]").click();
        phone.waitForURL(Pattern.compile(".*#/order/\\d+"));
        assertThat(phone.locator("#fiat-amount")).hasText("18.23 EUR");
        phone.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("order-phone")).setFullPage(true));
    }

    @Test
    void expressWithSplitTakesTwoAdsAfterAPreview()
    {
        final String market = newMarket();
        final Trader merchantUser = fundedMerchant(market);
        postAd(merchantUser, market, "SELL", "100", "0.9300", "10", "100");
        postAd(merchantUser, market, "SELL", "100", "0.9400", "10", "100");
        final Page taker = signedIn(newUser());
        taker.navigate(root + "#/trade/" + market);
        assertThat(taker.locator("tr[data-ad-id]")).hasCount(2);
        taker.locator("#express summary").click();
        taker.getByLabel("Amount (EUR)").fill("150");
        assertThat(taker.locator("#express-preview")).containsText("allow split");
        taker.getByLabel("Allow split across several ads").check();
        assertThat(taker.locator("#express-preview")).containsText("at 0.9300");
        assertThat(taker.locator("#express-preview")).containsText("at 0.9400");
        taker.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("express")).setFullPage(true));
        taker.locator("#express button[type=submit]").click();
        taker.waitForURL(Pattern.compile(".*#/orders"));
        assertThat(taker.locator("tr[data-order-id]")).hasCount(2);
    }

    @Test
    void aDisputeOpenedByTheBuyerIsResolvedInTheArbiterConsole()
    {
        final String market = newMarket();
        final Trader merchantUser = fundedMerchant(market);
        final long adId = postAd(merchantUser, market, "SELL", "100", "0.9300", "10", "500");
        final Trader takerUser = newUser();
        final long orderId = take(takerUser, adId, "46.50");
        takerUser.request().post("/api/v1/orders/" + orderId + "/paid").then().statusCode(200);
        // The seller does not release: ten minutes on, the buyer may appeal (the page counts on the server's clock).
        clock.advance(11 * 60_000L);

        final Page buyer = signedIn(takerUser);
        buyer.navigate(root + "#/order/" + orderId);
        assertThat(buyer.locator("#order-state")).hasText("Paid");
        buyer.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Appeal")).click();
        assertThat(buyer.locator("#order-state")).hasText("In dispute");

        final Page arbiter = signedIn(newUser("ARBITER"));
        arbiter.locator("nav a[data-nav=disputes]").click();
        arbiter.locator("tr[data-order-id='" + orderId + "'] a").click();
        assertThat(arbiter.locator("#chat")).containsText("marked the order paid");
        arbiter.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("arbiter-order")).setFullPage(true));
        arbiter.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Release to buyer")).click();
        assertThat(arbiter.locator("#order-state")).hasText("Completed");
        assertThat(buyer.locator("#order-state")).hasText("Completed");
    }

    private Page signedIn(final Trader user)
    {
        return Browsers.signIn(browser, root, user.username(), PASSWORD);
    }
}
