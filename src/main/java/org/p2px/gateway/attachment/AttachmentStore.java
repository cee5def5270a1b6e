package org.p2px.gateway.attachment;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where attachments' bytes live, content-addressed: a file is stored under the lower-case hex SHA-256 of its bytes,
 * so the same bytes are stored once and a key names exactly one content. Implementations write a whole file or
 * none, and never hold a whole file in memory. {@code p2px.attachments.store} picks one ({@link AttachmentStores}).
 */
public interface AttachmentStore extends Closeable
{
    /** Stores the bytes of {@code file} and returns their SHA-256 (hex), the key to read them by. */
    String put(Path file) throws IOException;

    /** The bytes stored under {@code sha256}, streamed, for the caller to close; null when there are none. */
    InputStream open(String sha256) throws IOException;

    /** Deletes the bytes under {@code sha256}; nothing when there are none. */
    void delete(String sha256) throws IOException;

    @Override
    default void close() throws IOException
    {
    }
}
