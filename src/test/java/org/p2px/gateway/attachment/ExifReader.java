package org.p2px.gateway.attachment;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads what metadata an image carries: a JPEG's APP1 (EXIF, XMP) segments up to its image data, and the chunk
 * types of a PNG (eXIf, tEXt, iTXt and zTXt hold metadata).
 */
final class ExifReader
{
    private ExifReader()
    {
    }

    static List<Integer> app1Segments(final byte[] jpeg)
    {
        final List<Integer> found = new ArrayList<>();
        int at = 2;   // after SOI
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF)
        {
            final int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xDA)   // start of scan: no metadata after it
            {
                break;
            }
            final int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            if (marker == 0xE1)
            {
                found.add(at);
            }
            at += 2 + length;
        }
        return found;
    }

    static List<String> pngChunks(final byte[] png)
    {
        final List<String> found = new ArrayList<>();
        int at = 8;   // after the signature
        while (at + 8 <= png.length)
        {
            final int length = ((png[at] & 0xFF) << 24) | ((png[at + 1] & 0xFF) << 16) | ((png[at + 2] & 0xFF) << 8)
                | (png[at + 3] & 0xFF);
            found.add(new String(png, at + 4, 4, java.nio.charset.StandardCharsets.US_ASCII));
            at += 12 + length;   // length, type, data, CRC
        }
        return found;
    }
}
