package org.p2px.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.p2px.testing.TradingFixture.PASSWORD;
import static org.p2px.testing.TradingFixture.newUser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.p2px.testing.AuthenticatorApp;
import org.p2px.testing.TradingFixture.Trader;

/** A person turns an authenticator on in the account page, and from then on the sign-in page asks for its code. */
@QuarkusTest
class WebAuthenticatorTest extends BrowserTest
{
    @Test
    void anAuthenticatorSetUpInTheAccountPageIsAskedForAtTheNextSignIn()
    {
        final Trader user = newUser();
        final Page page = Browsers.signIn(browser, root, user.username(), PASSWORD);
        page.navigate(root + "#/account");
        final Locator section = page.locator("section[aria-label=Authenticator]");
        section.getByLabel("Account password").fill(PASSWORD);
        section.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
            new Locator.GetByRoleOptions().setName("Set up an authenticator")).click();
        final String secret = section.locator("#totp-secret").textContent().trim();
        section.getByLabel("Code from the app").fill(AuthenticatorApp.code(secret, 0));
        section.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
            new Locator.GetByRoleOptions().setName("Turn on")).click();
        assertThat(section.locator("#recovery-codes li")).hasCount(10);
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.screenshot("account-authenticator")));

        final Page again = browser.newContext(new Browser.NewContextOptions().setViewportSize(1100, 800)).newPage();
        again.navigate(root + "#/signin");
        again.getByLabel("Username").fill(user.username());
        again.getByLabel("Password").fill(PASSWORD);
        again.locator("form button[type=submit]").click();
        final Locator code = again.getByLabel("Authenticator code");
        assertThat(code).isVisible();
        code.fill(AuthenticatorApp.code(secret, 1));
        again.locator("form button[type=submit]").click();
        assertThat(again.locator("#username")).hasText(user.username());
    }
}
