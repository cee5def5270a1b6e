package org.p2px.gateway.attachment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2px.gateway.attachment.AttachmentsContract.download;
import static org.p2px.gateway.attachment.AttachmentsContract.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javax.imageio.ImageIO;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.p2px.gateway.attachment.AttachmentsContract.Trade;
import org.p2px.readmodel.AttachmentRecordRow;
import org.p2px.readmodel.AttachmentRow;

/**
 * WebP uploads (decoded by TwelveMonkeys' reader, stored as PNG): lossy with an EXIF block carrying GPS data and
 * lossless, both accepted and re-encoded without metadata; a bomb refused from its header; truncated and polyglot
 * files refused. The fixtures under src/test/resources/attachments/ were made with libwebp's cwebp and webpmux
 * from a 60 x 40 picture (webpmux -set exif put {@link TestFiles#GPS_MARKER} in the lossy one's EXIF chunk).
 */
@QuarkusTest
class WebpAttachmentsTest
{
    @Test
    void lossyAndLosslessWebpAreAcceptedAndStoredAsPngWithoutTheirExif() throws IOException
    {
        final Trade trade = Trade.open();
        final byte[] lossy = fixture("lossy-gps.webp");
        assertTrue(new String(lossy, StandardCharsets.ISO_8859_1).contains(TestFiles.GPS_MARKER));
        for (final byte[] webp : new byte[][] {lossy, fixture("lossless.webp")})
        {
            final long id = upload(trade.buyer(), trade.orderId(), "receipt.webp", "image/webp", webp)
                .then().statusCode(201).body("mediaType", equalTo("image/png")).body("width", equalTo(60))
                .body("height", equalTo(40)).body("thumbnail", equalTo(true)).body("fileName", equalTo("receipt.webp"))
                .extract().jsonPath().getLong("id");
            final byte[] stored = download(trade.seller(), trade.orderId(), id).then().statusCode(200)
                .contentType("image/png")
                .header("Content-Disposition", "attachment; filename=\"receipt.png\"; filename*=UTF-8''receipt.png")
                .extract().asByteArray();
            assertPngWithoutMetadata(stored);
            assertEquals("PNG", AttachmentRecordRow.<AttachmentRecordRow>findById(id).mediaType, "journaled as PNG");
            given().auth().oauth2(trade.buyer().token()).get("/api/v1/orders/" + trade.orderId() + "/attachments/" + id
                + "/thumbnail").then().statusCode(200).contentType("image/png");
        }
    }

    @Test
    void aWebpBombIsRefusedFromItsHeaderWithTheHeapIntact()
    {
        // Decoded, it would need 1 GB.
        AttachmentsContract.assertBombRefused(Trade.open(), "bomb.webp", "image/webp", TestFiles.webpBomb(16_384));
    }

    @Test
    void truncatedDamagedAndPolyglotWebpAreRefused() throws IOException
    {
        final Trade trade = Trade.open();
        final byte[] webp = fixture("lossy-gps.webp");
        upload(trade.buyer(), trade.orderId(), "cut.webp", "image/webp", Arrays.copyOf(webp, webp.length - 30))
            .then().statusCode(400).body("code", equalTo("INVALID_ATTACHMENT"));
        final byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        upload(trade.buyer(), trade.orderId(), "glued.webp", "image/webp", TestFiles.concat(webp, html))
            .then().statusCode(400).body("code", equalTo("INVALID_ATTACHMENT"));
        // Framed right, but the picture data is noise: the decoder's failure is the upload's fault, not a 500.
        final byte[] noise = webp.clone();
        Arrays.fill(noise, 60, noise.length, (byte)0x5A);
        upload(trade.buyer(), trade.orderId(), "noise.webp", "image/webp", noise)
            .then().statusCode(400).body("code", equalTo("INVALID_ATTACHMENT"));
        assertEquals(0, AttachmentRow.count("orderId", trade.orderId()));
    }

    /** A PNG holding pixels only: no text, EXIF or other ancillary chunk, and no trace of the GPS marker. */
    private static void assertPngWithoutMetadata(final byte[] png) throws IOException
    {
        assertFalse(new String(png, StandardCharsets.ISO_8859_1).contains(TestFiles.GPS_MARKER), "GPS data survived");
        final List<String> chunks = ExifReader.pngChunks(png);
        assertEquals("IHDR", chunks.get(0));
        assertTrue(chunks.stream().noneMatch(List.of("eXIf", "tEXt", "iTXt", "zTXt")::contains),
            "the stored PNG carries metadata: " + chunks);
        assertEquals(60, ImageIO.read(new ByteArrayInputStream(png)).getWidth());
    }

    private static byte[] fixture(final String name) throws IOException
    {
        try (InputStream in = WebpAttachmentsTest.class.getResourceAsStream("/attachments/" + name))
        {
            return Objects.requireNonNull(in, name).readAllBytes();
        }
    }
}
