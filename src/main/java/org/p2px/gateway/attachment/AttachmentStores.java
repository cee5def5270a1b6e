package org.p2px.gateway.attachment;

import java.io.IOException;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import io.quarkus.runtime.Startup;

/**
 * The store {@code p2px.attachments.store} names, made at start (so an unreachable bucket stops the server before it
 * takes an upload) and closed at shutdown.
 */
@ApplicationScoped
public class AttachmentStores
{
    @Produces
    @ApplicationScoped
    @Startup
    AttachmentStore store(final AttachmentSettings settings) throws IOException
    {
        return switch (settings.store())
        {
            case FILE -> new FileAttachmentStore(Path.of(settings.directory()));
            case S3 -> S3Connection.open(settings.s3());
        };
    }

    void close(@Disposes final AttachmentStore store) throws IOException
    {
        store.close();
    }
}
