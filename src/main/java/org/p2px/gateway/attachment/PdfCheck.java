package org.p2px.gateway.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;

/**
 * What is checked of a PDF, which is stored as sent (p2px does not rewrite PDFs): it starts with {@code %PDF-}, ends
 * with {@code %%EOF} (a truncated upload does not; neither does one with another file appended), and holds no
 * active content (JavaScript, launch actions, embedded files) nor HTML. Names hidden in compressed object streams
 * are not seen; downloads are served so that a browser never opens one inside the application (docs/security.md).
 * The file is read in blocks, never whole: memory stays the same for a 5 MB upload as for a 5 KB one.
 */
final class PdfCheck
{
    private static final Pattern ACTIVE = Pattern.compile("/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA)\\b");
    private static final Pattern HTML = Pattern.compile("<(script|html)", Pattern.CASE_INSENSITIVE);
    private static final int TAIL = 1024;
    static final int BLOCK = 64 * 1024;
    /** Longer than any token looked for plus the character after it, so none is lost across a block boundary. */
    static final int OVERLAP = 16;

    private PdfCheck()
    {
    }

    static void check(final Path file) throws IOException
    {
        check(file, BLOCK);
    }

    static void check(final Path file, final int blockSize) throws IOException
    {
        if (!startsWithHeader(file))
        {
            throw invalid("a PDF must start with %PDF-.");
        }
        if (!tail(file).stripTrailing().endsWith("%%EOF"))
        {
            throw invalid("the PDF does not end with %%EOF: it is truncated, or something follows it.");
        }
        final Scan scan = scan(file, blockSize);
        if (scan.active != null)
        {
            throw invalid("the PDF holds active content (/" + scan.active + "), which is not accepted.");
        }
        if (scan.html)
        {
            throw invalid("the PDF holds HTML: a file that is two things at once is not accepted.");
        }
    }

    /** The first active-content name in the file (or null) and whether HTML appears anywhere in it. */
    private static final class Scan
    {
        String active;
        boolean html;
    }

    /**
     * Matches each block with the last {@link #OVERLAP} characters of the one before it in front, so a token split by
     * a boundary is whole in the next window. A match touching a window's end is left to the next window (unless
     * the file ends there): only then is the character after it known, which {@code \b} needs ({@code /JSON} is
     * not {@code /JS}).
     */
    private static Scan scan(final Path file, final int blockSize) throws IOException
    {
        final Scan scan = new Scan();
        final byte[] block = new byte[blockSize];
        String carry = "";
        try (InputStream in = Files.newInputStream(file))
        {
            int read = in.readNBytes(block, 0, blockSize);
            while (read > 0)
            {
                final String window = carry + new String(block, 0, read, StandardCharsets.ISO_8859_1);
                read = in.readNBytes(block, 0, blockSize);
                final int usable = read > 0 ? window.length() - 1 : window.length();
                final Matcher active = ACTIVE.matcher(window);
                if (active.find() && active.end() <= usable)
                {
                    scan.active = active.group(1);
                    return scan;
                }
                scan.html |= HTML.matcher(window).find();
                carry = window.substring(Math.max(0, window.length() - OVERLAP));
            }
        }
        return scan;
    }

    private static boolean startsWithHeader(final Path file) throws IOException
    {
        try (InputStream in = Files.newInputStream(file))
        {
            return new String(in.readNBytes(5), StandardCharsets.ISO_8859_1).equals("%PDF-");
        }
    }

    private static String tail(final Path file) throws IOException
    {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r"))
        {
            final byte[] last = new byte[(int)Math.min(TAIL, in.length())];
            in.seek(in.length() - last.length);
            in.readFully(last);
            return new String(last, StandardCharsets.ISO_8859_1);
        }
    }

    private static ApiException invalid(final String why)
    {
        return ApiException.of(GatewayError.INVALID_ATTACHMENT, "Not accepted: " + why);
    }
}
