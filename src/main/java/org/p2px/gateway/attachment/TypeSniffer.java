package org.p2px.gateway.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.tika.Tika;

/**
 * The media type of a file read from its bytes (Apache Tika's magic numbers), never from its name or the type the
 * client declared: a page of HTML named {@code proof.png} is {@code text/html}.
 */
final class TypeSniffer
{
    private static final Tika TIKA = new Tika();

    private TypeSniffer()
    {
    }

    static String detect(final Path file) throws IOException
    {
        try (InputStream in = Files.newInputStream(file))
        {
            return TIKA.detect(in);   // a stream, no name: the bytes alone decide
        }
    }
}
