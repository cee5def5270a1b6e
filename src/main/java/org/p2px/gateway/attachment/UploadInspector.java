package org.p2px.gateway.attachment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.codec.AttachmentType;

/**
 * Decides what an upload is from its bytes and makes it safe to store: PNG, JPEG and WebP images are checked and
 * re-encoded ({@link ImageSanitizer}; WebP is stored as PNG), PDFs checked ({@link PdfCheck}); anything else is 415.
 */
@ApplicationScoped
public class UploadInspector
{
    private static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/webp");

    private final ImageSanitizer images;

    public UploadInspector(final AttachmentSettings settings, final ScratchFolder scratch)
    {
        this.images = new ImageSanitizer(settings, scratch);
    }

    public Inspected inspect(final Path upload) throws IOException
    {
        final String sniffed = TypeSniffer.detect(upload);
        if (IMAGES.contains(sniffed))
        {
            return images.sanitize(upload, sniffed);
        }
        if (sniffed.equals("application/pdf"))
        {
            PdfCheck.check(upload);
            return new Inspected(AttachmentType.PDF, upload, null, null, null);
        }
        throw ApiException.of(GatewayError.UNSUPPORTED_ATTACHMENT_TYPE,
            "The file is " + sniffed + " (read from its bytes, whatever its name): attach a PNG, JPEG, WebP or PDF.");
    }
}
