package org.p2px.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
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

    static Path screenshot(final String name)
    {
        return SCREENSHOTS.resolve(name + ".png");
    }
}
