package org.p2px.gateway.feed;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

import org.p2px.gateway.view.AdView;

/**
 * The CRC-32 (as java.util.zip, zlib and most languages' standard libraries compute it) of the window's text
 * form: {@code BUY}, then {@code |id:price:remaining} for each BUY ad best first, then {@code SELL} and the same
 * for each SELL ad; prices and quantities exactly as the ad views spell them. An unsigned 32-bit number, so a
 * client proves its copy right in a few lines (docs/protocol.md, "Keeping a local book").
 */
public final class BookChecksum
{
    private BookChecksum()
    {
    }

    public static long of(final List<AdView> buy, final List<AdView> sell)
    {
        final StringBuilder text = new StringBuilder(32 * (buy.size() + sell.size()) + 8);
        text.append("BUY");
        append(text, buy);
        text.append("SELL");
        append(text, sell);
        final CRC32 crc = new CRC32();
        crc.update(text.toString().getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private static void append(final StringBuilder text, final List<AdView> ads)
    {
        for (final AdView ad : ads)
        {
            text.append('|').append(ad.id()).append(':').append(ad.price()).append(':').append(ad.remaining());
        }
    }
}
