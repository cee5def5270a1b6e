package org.p2px.gateway.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

/** Files for upload tests, good and hostile, made in memory. */
public final class TestFiles
{
    /** A marker only an EXIF block with GPS coordinates of the test holds. */
    static final String GPS_MARKER = "GPSLatitude=52.3731N";

    private TestFiles()
    {
    }

    public static byte[] png(final int width, final int height)
    {
        return encode(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    static byte[] jpeg(final int width, final int height)
    {
        return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    /** A JPEG with an EXIF (APP1) block right after its start, holding {@link #GPS_MARKER}. */
    static byte[] jpegWithGps()
    {
        final byte[] plain = jpeg(40, 30);
        final byte[] payload = ("Exif\0\0MM\0*\0\0\0\b" + GPS_MARKER).getBytes(StandardCharsets.ISO_8859_1);
        final ByteBuffer out = ByteBuffer.allocate(plain.length + payload.length + 4);
        out.put(plain, 0, 2);   // SOI
        out.put((byte)0xFF).put((byte)0xE1).putShort((short)(payload.length + 2)).put(payload);
        out.put(plain, 2, plain.length - 2);
        return out.array();
    }

    public static byte[] pdf()
    {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
            + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] pdfWithJavaScript()
    {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n"
            + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A PNG of a few hundred bytes whose header declares {@code side} x {@code side} pixels: decoded, it would take
     * side² x 4 bytes of heap (10 GB for 50,000).
     */
    static byte[] pngBomb(final int side)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte)0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        final ByteBuffer header = ByteBuffer.allocate(13).putInt(side).putInt(side).put((byte)8).put((byte)2)
            .put((byte)0).put((byte)0).put((byte)0);
        chunk(out, "IHDR", header.array());
        final Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[1 << 16]);
        deflater.finish();
        final byte[] compressed = new byte[1 << 16];
        chunk(out, "IDAT", Arrays.copyOf(compressed, deflater.deflate(compressed)));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /**
     * A lossless WebP of a few hundred bytes whose VP8L header declares {@code side} x {@code side} pixels (16,384,
     * the format's most, would take 1 GB of heap decoded), followed by noise rather than pixels.
     * <pre>
     *   RIFF size WEBP | VP8L size | 0x2F | 14 bits width-1, 14 bits height-1, alpha, 3 bits version | data
     * </pre>
     */
    static byte[] webpBomb(final int side)
    {
        final byte[] data = new byte[500];
        Arrays.fill(data, (byte)0x11);
        final int bits = (side - 1) | ((side - 1) << 14);
        final ByteBuffer chunk = ByteBuffer.allocate(8 + 5 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        chunk.put("VP8L".getBytes(StandardCharsets.US_ASCII)).putInt(5 + data.length).put((byte)0x2F).putInt(bits)
            .put(data);
        final ByteBuffer file = ByteBuffer.allocate(12 + chunk.capacity()).order(ByteOrder.LITTLE_ENDIAN);
        file.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + chunk.capacity())
            .put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(chunk.array());
        return file.array();
    }

    static byte[] concat(final byte[] first, final byte[] second)
    {
        final byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static void chunk(final ByteArrayOutputStream out, final String type, final byte[] data)
    {
        final byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        final CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int)crc.getValue()).array());
    }

    private static BufferedImage picture(final int width, final int height, final int type)
    {
        final BufferedImage image = new BufferedImage(width, height, type);
        final Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.BLUE);
        graphics.drawString("paid 92 EUR", 2, Math.max(10, height / 2));
        graphics.dispose();
        return image;
    }

    private static byte[] encode(final BufferedImage image, final String format)
    {
        try
        {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
