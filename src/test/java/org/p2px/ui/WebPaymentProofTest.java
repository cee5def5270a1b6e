package org.p2px.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.p2px.testing.TradingFixture.PASSWORD;
import static org.p2px.testing.TradingFixture.fundedMerchant;
import static org.p2px.testing.TradingFixture.newMarket;
import static org.p2px.testing.TradingFixture.newUser;
import static org.p2px.testing.TradingFixture.postAd;
import static org.p2px.testing.TradingFixture.take;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.p2px.testing.ShiftableClock;
import org.p2px.testing.TradingFixture.Trader;

/**
 * A buyer attaches the bank's confirmation to a chat line in the browser; the seller sees its thumbnail on the
 * order page, live, and saves the file: the same image, re-encoded by the server. An appeal opened with a statement
 * and a file, answered by the seller and the arbiter: each page's dossier shows every statement as it comes.
 */
@QuarkusTest
class WebPaymentProofTest extends BrowserTest
{
    @Inject
    ShiftableClock clock;

    @Test
    void aBuyerAttachesAProofAndTheSellerSeesAndSavesIt() throws IOException
    {
        final OrderInBrowsers trade = orderInBrowsers(false);
        final Page buyer = trade.buyer();
        final Page seller = trade.seller();
        assertThat(seller.locator("#order-state")).hasText("Awaiting payment");

        buyer.getByLabel("Message").fill("Paid, here is the confirmation");
        buyer.getByLabel("Attach a proof").setInputFiles(
            new FilePayload("bank-confirmation.png", "image/png", png(200, 120)));
        buyer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();

        final Locator line = seller.locator("#chat .line", new Page.LocatorOptions().setHasText("here is the confirmation"));
        final Locator link = line.locator("a.attachment");
        assertThat(link).hasText("bank-confirmation.png");
        assertThat(line.locator("img")).isVisible();
        seller.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("payment-proof")).setFullPage(true));

        final Download download = seller.waitForDownload(link::click);
        assertEquals("bank-confirmation.png", download.suggestedFilename());
        final BufferedImage saved = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(download.path())));
        assertEquals(200, saved.getWidth());
        assertEquals(120, saved.getHeight());

        // A file of a type the server refuses is shown as its error, and nothing is sent.
        buyer.getByLabel("Attach a proof").setInputFiles(
            new FilePayload("notes.png", "image/png", "<html>not an image</html>".getBytes()));
        buyer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(buyer.locator(".toast.error").last()).isVisible();
        assertEquals(1, buyer.locator("#chat a.attachment").count(), "only the first proof was sent");
    }

    @Test
    void anAppealCarriesStatementsAndFilesThatTheArbiterSeesInOnePlace() throws IOException
    {
        final OrderInBrowsers trade = orderInBrowsers(true);
        final Page buyer = trade.buyer();
        final Page seller = trade.seller();

        assertThat(buyer.locator("#order-state")).hasText("Paid");
        assertThat(buyer.locator("#connection")).hasClass(java.util.regex.Pattern.compile("\\bon\\b"));
        final Locator statement = buyer.getByLabel("Appeal statement");
        statement.fill("Paid 46.50 EUR by SEPA, the seller does not release");
        assertThat(statement).hasValue("Paid 46.50 EUR by SEPA, the seller does not release");
        buyer.getByLabel("Appeal evidence file").setInputFiles(
            new FilePayload("sepa-receipt.png", "image/png", png(300, 150)));
        buyer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Appeal")).click();
        assertThat(buyer.locator("#order-state")).hasText("In dispute");
        final Locator buyerStatements = buyer.locator("#statements li");
        assertThat(buyerStatements).hasCount(1);
        assertThat(buyerStatements.first()).containsText("the seller does not release");
        assertThat(buyerStatements.first().locator("a.attachment")).hasText("sepa-receipt.png");

        // The seller answers with a statement of their own; the buyer's dossier shows it as it arrives.
        assertThat(seller.locator("#order-state")).hasText("In dispute");
        seller.getByLabel("Statement").fill("Nothing arrived on my account");
        seller.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add evidence")).click();
        assertThat(buyerStatements).hasCount(2);
        assertThat(buyerStatements.nth(1)).containsText("(seller)");
        assertThat(buyer.locator("#chat .line.evidence")).hasCount(2);

        final Page arbiter = Browsers.signIn(browser, root, newUser("ARBITER").username(), PASSWORD);
        arbiter.navigate(root + "#/order/" + trade.orderId());
        final Locator statements = arbiter.locator("#statements li");
        assertThat(statements).hasCount(2);
        assertThat(statements.first()).containsText("(buyer)");
        assertThat(statements.first().locator("img")).isVisible();
        arbiter.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("appeal-dossier")).setFullPage(true));
        // A statement needs text or a file: an empty one is refused in the page and sends nothing.
        arbiter.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add evidence")).click();
        assertThat(arbiter.locator(".toast.error").last()).isVisible();
        arbiter.getByLabel("Statement").fill("Seller: please upload your account statement for the 6th");
        arbiter.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add evidence")).click();
        assertThat(statements).hasCount(3);
        assertThat(seller.locator("#statements li")).hasCount(3);
        assertThat(seller.locator("#statements li").nth(2)).containsText("(arbiter)");
    }

    /** An order of 46.50 EUR taken from a new merchant's ad, open in the buyer's and the seller's browsers. */
    private record OrderInBrowsers(long orderId, Page buyer, Page seller)
    {
    }

    /** {@code appealable}: marked paid and the server's clock moved past the appeal wait first. */
    private OrderInBrowsers orderInBrowsers(final boolean appealable)
    {
        final String market = newMarket();
        final Trader sellerUser = fundedMerchant(market);
        final long adId = postAd(sellerUser, market, "SELL", "100", "0.9300", "10", "500");
        final Trader buyerUser = newUser();
        final long orderId = take(buyerUser, adId, "46.50");
        if (appealable)
        {
            buyerUser.request().post("/api/v1/orders/" + orderId + "/paid").then().statusCode(200);
            clock.advance(11 * 60_000L);
        }
        final Page buyer = Browsers.signIn(browser, root, buyerUser.username(), PASSWORD);
        final Page seller = Browsers.signIn(browser, root, sellerUser.username(), PASSWORD);
        buyer.navigate(root + "#/order/" + orderId);
        seller.navigate(root + "#/order/" + orderId);
        return new OrderInBrowsers(orderId, buyer, seller);
    }

    private static byte[] png(final int width, final int height) throws IOException
    {
        final BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().drawString("SEPA 46.50 EUR", 10, 60);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }
}
