package org.p2px.gateway.attachment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.quarkus.test.junit.QuarkusTest;

/** The attachment cases against the file store, the default. */
@QuarkusTest
class AttachmentsTest extends AttachmentsContract
{
    @Override
    void tamper(final String sha256, final byte[] bytes) throws IOException
    {
        Files.write(Path.of(settings.directory(), sha256.substring(0, 2), sha256), bytes);
    }
}
