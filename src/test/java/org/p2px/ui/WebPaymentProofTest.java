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
import org.junit.jupiter.api.Test;
import org.p2px.testing.TradingFixture.Trader;

/**
 * A buyer attaches the bank's confirmation to a chat line in the browser; the seller sees its thumbnail on the
 * order page, live, and saves the file: the same image, re-encoded by the server.
 */
@QuarkusTest
class WebPaymentProofTest extends BrowserTest
{
    @Test
    void aBuyerAttachesAProofAndTheSellerSeesAndSavesIt() throws IOException
    {
        final String market = newMarket();
        final Trader sellerUser = fundedMerchant(market);
        final long adId = postAd(sellerUser, market, "SELL", "100", "0.9300", "10", "500");
        final Trader buyerUser = newUser();
        final long orderId = take(buyerUser, adId, "46.50");
        final Page buyer = Browsers.signIn(browser, root, buyerUser.username(), PASSWORD);
        final Page seller = Browsers.signIn(browser, root, sellerUser.username(), PASSWORD);
        buyer.navigate(root + "#/order/" + orderId);
        seller.navigate(root + "#/order/" + orderId);
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

    private static byte[] png(final int width, final int height) throws IOException
    {
        final BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().drawString("SEPA 46.50 EUR", 10, 60);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }
}
