package org.p2px.gateway.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.p2px.gateway.feed.BookWindowTest.ad;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The checksum of docs/protocol.md's example, so the document and the server agree. */
class BookChecksumTest
{
    @Test
    void theDocumentedExample()
    {
        assertEquals(4_264_280_015L, BookChecksum.of(List.of(),
            List.of(ad(7, "0.9200", "50.000000"), ad(9, "0.9300", "10.000000"))));
    }

    @Test
    void anEmptyBook()
    {
        assertEquals(2_885_119_237L, BookChecksum.of(List.of(), List.of()));
    }
}
