package org.p2px.gateway.attachment;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where attachments' bytes live, content-addressed: a file is stored under the lower-case hex SHA-256 of its bytes,
 * so the same bytes are stored once and a key names exactly one content. Implementations write a whole file or
 * none.
 */
public interface AttachmentStore
{
    /** Stores the bytes of {@code file} and returns their SHA-256 (hex), the key to read them by. */
    String put(Path file) throws IOException;

    /** The bytes stored under {@code sha256}, or null when there are none. */
    byte[] read(String sha256) throws IOException;

    /** Deletes the bytes under {@code sha256}; nothing when there are none. */
    void delete(String sha256) throws IOException;
}
