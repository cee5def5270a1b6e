package org.p2px.gateway.attachment;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.codec.AttachmentType;

/**
 * Turns an uploaded image into one p2px made itself: its dimensions are read from the header and checked before a
 * single pixel is decoded (a 50,000 x 50,000 PNG of a few kilobytes never reaches the heap), the pixels are decoded
 * (at most {@code concurrentDecodes} at once) and written anew, which leaves behind EXIF, GPS, comments and anything
 * appended, and a thumbnail is drawn. A file that does not end where its format says (a truncated upload, or one
 * with another file glued on: a polyglot) is refused. WebP is read by TwelveMonkeys' reader (the JDK has none) and
 * stored as PNG, since there is no pure-Java WebP writer: its attachment, thumbnail and journaled type are PNG.
 */
final class ImageSanitizer
{
    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte)0xAE, 0x42, 0x60, (byte)0x82};
    private static final byte[] JPEG_END = {(byte)0xFF, (byte)0xD9};
    private static final float JPEG_QUALITY = 0.9f;
    private static final long DECODE_WAIT_SECONDS = 30;

    private final AttachmentSettings settings;
    private final Semaphore decodes;
    private final ScratchFolder scratch;

    ImageSanitizer(final AttachmentSettings settings, final ScratchFolder scratch)
    {
        this.settings = settings;
        this.scratch = scratch;
        this.decodes = new Semaphore(settings.concurrentDecodes(), true);
        ImageIO.setUseCache(false);   // no temporary files of ImageIO's own
    }

    /** {@code mediaType} is what the bytes were sniffed as: image/png, image/jpeg or image/webp. */
    Inspected sanitize(final Path upload, final String mediaType) throws IOException
    {
        if (mediaType.equals("image/webp"))
        {
            RiffFrame.check(upload);
        }
        else
        {
            checkEnd(upload, mediaType.equals("image/png") ? PNG_END : JPEG_END);
        }
        final AttachmentType type = mediaType.equals("image/jpeg") ? AttachmentType.JPEG : AttachmentType.PNG;
        final BufferedImage image = decode(upload, mediaType);
        final String format = type == AttachmentType.JPEG ? "jpeg" : "png";
        final Path content = scratch.newFile("p2px-attachment-", "." + format);
        final Path thumbnail = scratch.newFile("p2px-thumbnail-", "." + format);
        try
        {
            write(image, format, content);
            write(thumbnail(image), format, thumbnail);
            return new Inspected(type, content, thumbnail, image.getWidth(), image.getHeight());
        }
        catch (final IOException | RuntimeException ex)
        {
            Files.deleteIfExists(content);
            Files.deleteIfExists(thumbnail);
            throw ex;
        }
    }

    private BufferedImage decode(final Path upload, final String mediaType) throws IOException
    {
        final Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mediaType);
        if (!readers.hasNext())
        {
            throw ApiException.of(GatewayError.UNSUPPORTED_ATTACHMENT_TYPE,
                "This server cannot decode " + mediaType + " images, so it cannot check them: send a PNG or JPEG.");
        }
        final ImageReader reader = readers.next();
        // Opened directly rather than through ImageIO's stream SPIs, which imageio-core (WebP's dependency) extends.
        try (ImageInputStream in = new FileImageInputStream(upload.toFile()))
        {
            reader.setInput(in, true, true);
            final List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            final int width = reader.getWidth(0);
            final int height = reader.getHeight(0);
            checkDimensions(width, height);
            final BufferedImage image = decodeInTurn(reader);
            if (!warnings.isEmpty())
            {
                throw invalid("the image could not be read whole (" + warnings.get(0) + ").");
            }
            return image;
        }
        catch (final ApiException refused)
        {
            throw refused;
        }
        catch (final javax.imageio.IIOException | RuntimeException ex)
        {
            // A hostile file may trip any decoder (WebP's throws more than the JDK's): a bad upload, not a server fault.
            throw invalid("the image could not be decoded; it is damaged or truncated.");
        }
        finally
        {
            reader.dispose();
        }
    }

    private BufferedImage decodeInTurn(final ImageReader reader) throws IOException
    {
        try
        {
            if (!decodes.tryAcquire(DECODE_WAIT_SECONDS, TimeUnit.SECONDS))
            {
                throw ApiException.of(GatewayError.RATE_LIMITED, "The server is busy checking other images; retry shortly.");
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw ApiException.of(GatewayError.RATE_LIMITED, "The server is busy checking other images; retry shortly.");
        }
        try
        {
            return reader.read(0, reader.getDefaultReadParam());
        }
        finally
        {
            decodes.release();
        }
    }

    void checkDimensions(final long width, final long height)
    {
        if (width <= 0 || height <= 0)
        {
            throw invalid("the image has no pixels.");
        }
        if (width > settings.maxImageSide() || height > settings.maxImageSide()
            || width * height > settings.maxImagePixels())
        {
            throw ApiException.of(GatewayError.IMAGE_TOO_LARGE, "The image is " + width + " x " + height
                + " pixels: at most " + settings.maxImageSide() + " a side and " + settings.maxImagePixels()
                + " pixels in all are accepted.");
        }
    }

    private BufferedImage thumbnail(final BufferedImage image)
    {
        final int side = settings.thumbnailSize();
        final double scale = Math.min(1.0, (double)side / Math.max(image.getWidth(), image.getHeight()));
        final int width = Math.max(1, (int)Math.round(image.getWidth() * scale));
        final int height = Math.max(1, (int)Math.round(image.getHeight() * scale));
        final BufferedImage small = new BufferedImage(width, height,
            image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        final Graphics2D graphics = small.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(image, 0, 0, width, height, null);
        graphics.dispose();
        return small;
    }

    /** Writes pixels only: no metadata of the upload's is carried over. JPEG has no alpha, so it is drawn on RGB. */
    private static void write(final BufferedImage image, final String format, final Path file) throws IOException
    {
        BufferedImage pixels = image;
        if (format.equals("jpeg") && image.getType() != BufferedImage.TYPE_INT_RGB)
        {
            pixels = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            final Graphics2D graphics = pixels.createGraphics();
            graphics.drawImage(image, 0, 0, null);
            graphics.dispose();
        }
        final ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile()))
        {
            writer.setOutput(out);
            final ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg"))
            {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(pixels, null, null), param);
        }
        finally
        {
            writer.dispose();
        }
    }

    /** The file must end with its format's end marker: not truncated, nothing appended. */
    private static void checkEnd(final Path file, final byte[] end) throws IOException
    {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r"))
        {
            final byte[] last = new byte[end.length];
            if (in.length() < end.length)
            {
                throw invalid("the file is too short to be an image.");
            }
            in.seek(in.length() - end.length);
            in.readFully(last);
            if (!Arrays.equals(last, end))
            {
                throw invalid("the image does not end where its format says: it is truncated, or another file "
                    + "follows it (a polyglot).");
            }
        }
    }

    static ApiException invalid(final String why)
    {
        return ApiException.of(GatewayError.INVALID_ATTACHMENT, "Not accepted: " + why);
    }
}
