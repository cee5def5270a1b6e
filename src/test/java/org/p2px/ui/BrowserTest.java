package org.p2px.ui;

import java.net.URL;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A browser per test, on the system's Chromium (see {@link Browsers}), and the page's root URL. */
abstract class BrowserTest
{
    @TestHTTPResource("/")
    URL root;

    Browser browser;
    private Playwright playwright;

    @BeforeEach
    void launch()
    {
        playwright = Playwright.create();
        browser = Browsers.launch(playwright);
    }

    @AfterEach
    void close()
    {
        if (browser != null)
        {
            browser.close();
        }
        playwright.close();
    }
}
