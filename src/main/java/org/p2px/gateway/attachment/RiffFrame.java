package org.p2px.gateway.attachment;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The framing of a WebP file, which has no end marker: a RIFF header whose size field says where the file ends.
 * A file shorter than that was truncated; a longer one has another file glued on (a polyglot). Both are refused.
 * <pre>
 *   0        4              8        12
 *   | RIFF   | size (LE u32) | WEBP   | chunks ... (size - 4 bytes)
 * </pre>
 */
final class RiffFrame
{
    private static final int HEADER = 12;
    private static final int SIZE_OFFSET = 4;

    private RiffFrame()
    {
    }

    static void check(final Path file) throws IOException
    {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r"))
        {
            final byte[] header = new byte[HEADER];
            if (in.length() < HEADER)
            {
                throw ImageSanitizer.invalid("the file is too short to be a WebP image.");
            }
            in.readFully(header);
            if (!ascii(header, 0).equals("RIFF") || !ascii(header, 8).equals("WEBP"))
            {
                throw ImageSanitizer.invalid("a WebP image must start with a RIFF header of type WEBP.");
            }
            final long declared = Integer.toUnsignedLong(
                ByteBuffer.wrap(header, SIZE_OFFSET, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
            if (in.length() != declared + 8)
            {
                throw ImageSanitizer.invalid("the image does not end where its RIFF header says (" + (declared + 8) + " bytes, not "
                    + in.length() + "): it is truncated, or another file follows it (a polyglot).");
            }
        }
    }

    private static String ascii(final byte[] bytes, final int offset)
    {
        return new String(bytes, offset, 4, StandardCharsets.US_ASCII);
    }
}
