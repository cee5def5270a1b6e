package org.p2px.gateway.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2px.api.ApiException;

/**
 * PdfCheck reads a PDF in blocks: a token split across a block boundary is still found, one cut short by the
 * boundary is not mistaken for another, and the verdicts are those of the whole-file check it replaced (kept here
 * as the reference) on every block size and position tried.
 */
class PdfCheckTest
{
    private static final String HEAD = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n";
    private static final String END = "\ntrailer << /Root 1 0 R >>\n%%EOF\n";

    @TempDir
    Path folder;

    @Test
    void aTokenSplitAcrossABlockBoundaryIsFound() throws IOException
    {
        for (final String token : List.of("/JavaScript ", "/EmbeddedFiles>", "<ScRiPt>", "<HTML"))
        {
            for (int at = 0; at < 40; at++)
            {
                final String pdf = HEAD + "x".repeat(at) + token + END;
                assertEquals(reference(pdf), verdict(pdf, 32), token + " at " + at);
                assertEquals(true, verdict(pdf, 32) != null, token + " at " + at + " was missed");
            }
        }
    }

    @Test
    void aNameCutByABoundaryIsNotTakenForAShorterOne() throws IOException
    {
        for (int at = 0; at < 40; at++)
        {
            // "/JS" then "ON" in the next block is /JSON, not /JS; "/EmbeddedFile" then "s" is /EmbeddedFiles.
            final String json = HEAD + "x".repeat(at) + "/JSONData 1" + END;
            assertEquals(null, verdict(json, 32), "/JSON at " + at);
            final String files = HEAD + "x".repeat(at) + "/EmbeddedFiles 2" + END;
            assertEquals("active:EmbeddedFiles", verdict(files, 32), "/EmbeddedFiles at " + at);
        }
    }

    @Test
    void verdictsMatchTheWholeFileCheckOnRandomFiles() throws IOException
    {
        final Random random = new Random(17);
        final String[] pieces = {"/JS", "/JSON", "/Launch", "/Launchpad", "/XFA", "/RichMedia", "<script", "<HtMl",
            "/EmbeddedFile", "s", " ", "\n", "x", "\u00e9", "%%EOF", "/JavaScript", "<scrip", "%PDF-"};
        for (int file = 0; file < 400; file++)
        {
            final StringBuilder body = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--)
            {
                body.append(pieces[random.nextInt(pieces.length)]);
            }
            final String pdf = (random.nextInt(10) == 0 ? "" : HEAD) + body + (random.nextInt(10) == 0 ? "" : END);
            for (final int block : new int[] {17, 20, 33, 64, PdfCheck.BLOCK})
            {
                assertEquals(reference(pdf), verdict(pdf, block), "block " + block + ": " + pdf);
            }
        }
    }

    private String verdict(final String pdf, final int blockSize) throws IOException
    {
        final Path file = Files.write(folder.resolve("f.pdf"), pdf.getBytes(StandardCharsets.ISO_8859_1));
        try
        {
            PdfCheck.check(file, blockSize);
            return null;
        }
        catch (final ApiException refused)
        {
            final Matcher active = Pattern.compile("\\(/(\\w+)\\)").matcher(refused.getMessage());
            if (active.find())
            {
                return "active:" + active.group(1);
            }
            return refused.getMessage().contains("HTML") ? "html" : refused.getMessage().contains("%PDF-") ? "start"
                : "end";
        }
    }

    /** The check as it was, on the whole file as one string: the verdicts the block-wise one must keep. */
    private static String reference(final String text)
    {
        if (!text.startsWith("%PDF-"))
        {
            return "start";
        }
        if (!text.substring(Math.max(0, text.length() - 1024)).stripTrailing().endsWith("%%EOF"))
        {
            return "end";
        }
        final Matcher active = Pattern.compile("/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA)\\b").matcher(text);
        if (active.find())
        {
            return "active:" + active.group(1);
        }
        final String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("<script") || lower.contains("<html") ? "html" : null;
    }
}
