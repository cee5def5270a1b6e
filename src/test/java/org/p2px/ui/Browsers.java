package org.p2px.ui;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The system's Chromium (Debian's package at /usr/bin/chromium, or -Dp2px.ui.chromium=...) driven headless by
 * Playwright; nothing is downloaded. Without a Chromium the UI tests are skipped, unless -Dp2px.ui.require-browser
 * is set (CI sets it, so a missing browser fails there).
 */
final class Browsers
{
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browsers()
    {
    }

    static Browser launch(final Playwright playwright)
    {
        final Path chromium = Path.of(System.getProperty("p2px.ui.chromium", "/usr/bin/chromium"));
        if (!Boolean.getBoolean("p2px.ui.require-browser"))
        {
            Assumptions.assumeTrue(Files.isExecutable(chromium), "no Chromium at " + chromium + ": UI tests skipped");
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
            .setHeadless(true).setArgs(List.of("--no-sandbox")));
    }

    /** A new browser context, signed in through the page's own form. */
    static Page signIn(final Browser browser, final URL root, final String username, final String password)
    {
        return signIn(browser, root, username, password, new Browser.NewContextOptions().setViewportSize(1100, 800));
    }

    static Page signIn(final Browser browser, final URL root, final String username, final String password,
        final Browser.NewContextOptions screen)
    {
        final BrowserContext context = browser.newContext(screen);
        final Page page = context.newPage();
        page.navigate(root + "#/signin");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.locator("form button[type=submit]").click();
        PlaywrightAssertions.assertThat(page.locator("#username")).hasText(username);
        return page;
    }

    static Path screenshot(final String name)
    {
        return SCREENSHOTS.resolve(name + ".png");
    }
}
