package org.p2px.gateway.attachment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.p2px.codec.AttachmentType;

/**
 * An upload found to be what it claims: the bytes to store (an image re-encoded, a PDF as sent), its thumbnail
 * (images only) and dimensions. The temporary files are the caller's to delete ({@link #deleteTemporary}).
 */
public record Inspected(AttachmentType type, Path content, Path thumbnail, Integer width, Integer height)
{
    public String mediaType()
    {
        return mediaTypeOf(type);
    }

    public static String mediaTypeOf(final AttachmentType type)
    {
        return switch (type)
        {
            case PNG -> "image/png";
            case JPEG -> "image/jpeg";
            case PDF -> "application/pdf";
            default -> throw new IllegalArgumentException("no media type for " + type);
        };
    }

    /** Deletes the files made while inspecting (never the upload itself, which is the web layer's). */
    public void deleteTemporary(final Path upload) throws IOException
    {
        if (!content.equals(upload))
        {
            Files.deleteIfExists(content);
        }
        if (thumbnail != null)
        {
            Files.deleteIfExists(thumbnail);
        }
    }
}
