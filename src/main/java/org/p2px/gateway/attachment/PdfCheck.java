package org.p2px.gateway.attachment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;

/**
 * What is checked of a PDF, which is stored as sent (p2px does not rewrite PDFs): it starts with {@code %PDF-}, ends
 * with {@code %%EOF} (a truncated upload does not; neither does one with another file appended), and holds no
 * active content (JavaScript, launch actions, embedded files) nor HTML. Names hidden in compressed object streams
 * are not seen; downloads are served so that a browser never opens one inside the application (docs/security.md).
 */
final class PdfCheck
{
    private static final Pattern ACTIVE = Pattern.compile("/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA)\\b");
    private static final int TAIL = 1024;

    private PdfCheck()
    {
    }

    static void check(final Path file) throws IOException
    {
        final String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        if (!text.startsWith("%PDF-"))
        {
            throw invalid("a PDF must start with %PDF-.");
        }
        final String tail = text.substring(Math.max(0, text.length() - TAIL)).stripTrailing();
        if (!tail.endsWith("%%EOF"))
        {
            throw invalid("the PDF does not end with %%EOF: it is truncated, or something follows it.");
        }
        final Matcher active = ACTIVE.matcher(text);
        if (active.find())
        {
            throw invalid("the PDF holds active content (/" + active.group(1) + "), which is not accepted.");
        }
        final String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("<script") || lower.contains("<html"))
        {
            throw invalid("the PDF holds HTML: a file that is two things at once is not accepted.");
        }
    }

    private static ApiException invalid(final String why)
    {
        return ApiException.of(GatewayError.INVALID_ATTACHMENT, "Not accepted: " + why);
    }
}
