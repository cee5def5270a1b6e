package org.p2px.gateway.attachment;

import java.util.ArrayList;
import java.util.List;

/** Reads a JPEG's segments up to its image data and lists the APP1 (EXIF, XMP) ones: what metadata it carries. */
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
}
