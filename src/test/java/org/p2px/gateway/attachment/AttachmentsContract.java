package org.p2px.gateway.attachment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2px.testing.TradingFixture.assetOf;
import static org.p2px.testing.TradingFixture.deposit;
import static org.p2px.testing.TradingFixture.newMarket;
import static org.p2px.testing.TradingFixture.newUser;
import static org.p2px.testing.TradingFixture.postAd;
import static org.p2px.testing.TradingFixture.take;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.p2px.readmodel.AttachmentRecordRow;
import org.p2px.readmodel.AttachmentRow;
import org.p2px.readmodel.OrderRow;
import org.p2px.testing.ShiftableClock;
import org.p2px.testing.TradingFixture.Trader;

/**
 * Uploads and downloads of an order's files over REST, against real orders in the core: every allowed type, each
 * hostile input (refused with its code and leaving nothing behind), who may download, the journaled hash,
 * retention. Every {@link AttachmentStore} runs these same cases (AttachmentsTest, S3AttachmentsTest).
 */
abstract class AttachmentsContract
{
    @Inject
    ShiftableClock clock;

    @Inject
    AttachmentSettings settings;

    @Inject
    AttachmentRetention retention;

    @Inject
    AttachmentStore store;

    /** An open order between a merchant selling and a buyer. */
    record Trade(Trader seller, Trader buyer, long orderId)
    {
        static Trade open()
        {
            final String market = newMarket();
            final Trader seller = newUser("MERCHANT");
            final Trader buyer = newUser();
            deposit(seller.id(), assetOf(market), "1000");
            final long adId = postAd(seller, market, "SELL", "500", "0.9200", "10", "500");
            return new Trade(seller, buyer, take(buyer, adId, "92"));
        }
    }

    static Response upload(final Trader who, final long orderId, final String name, final String type, final byte[] bytes)
    {
        return given().auth().oauth2(who.token()).multiPart("file", name, bytes, type)
            .post("/api/v1/orders/" + orderId + "/attachments");
    }

    static Response download(final Trader who, final long orderId, final long attachmentId)
    {
        return given().auth().oauth2(who.token()).get("/api/v1/orders/" + orderId + "/attachments/" + attachmentId);
    }

    @Test
    void eachAllowedTypeIsStoredJournaledAndServedAsAFileToSave() throws IOException
    {
        final Trade trade = Trade.open();
        final long png = upload(trade.buyer(), trade.orderId(), "receipt.png", "image/png", TestFiles.png(120, 80))
            .then().statusCode(201)
            .body("orderId", equalTo((int)trade.orderId())).body("uploaderId", equalTo((int)trade.buyer().id()))
            .body("mediaType", equalTo("image/png")).body("width", equalTo(120)).body("height", equalTo(80))
            .body("thumbnail", equalTo(true)).body("fileName", equalTo("receipt.png")).body("messageId", nullValue())
            .body("purgedAt", nullValue())
            .extract().jsonPath().getLong("id");
        final long jpeg = upload(trade.seller(), trade.orderId(), "bank.jpg", "image/jpeg", TestFiles.jpeg(64, 48))
            .then().statusCode(201).body("mediaType", equalTo("image/jpeg")).extract().jsonPath().getLong("id");
        final byte[] pdf = TestFiles.pdf();
        final long pdfId = upload(trade.buyer(), trade.orderId(), "statement.pdf", "application/pdf", pdf)
            .then().statusCode(201).body("mediaType", equalTo("application/pdf")).body("thumbnail", equalTo(false))
            .body("width", nullValue()).body("sha256", equalTo(sha256(pdf))).extract().jsonPath().getLong("id");

        final Response served = download(trade.seller(), trade.orderId(), png);
        served.then().statusCode(200).contentType("image/png")
            .header("Content-Disposition", "attachment; filename=\"receipt.png\"; filename*=UTF-8''receipt.png")
            .header("X-Content-Type-Options", "nosniff")
            .header("Content-Security-Policy", "sandbox; default-src 'none'; frame-ancestors 'none'");
        assertEquals(120, ImageIO.read(new ByteArrayInputStream(served.asByteArray())).getWidth());
        download(trade.buyer(), trade.orderId(), jpeg).then().statusCode(200).contentType("image/jpeg");
        assertArrayEquals(pdf, download(trade.buyer(), trade.orderId(), pdfId).then().statusCode(200)
            .contentType("application/pdf").extract().asByteArray());
        final byte[] thumbnail = given().auth().oauth2(trade.buyer().token())
            .get("/api/v1/orders/" + trade.orderId() + "/attachments/" + png + "/thumbnail")
            .then().statusCode(200).contentType("image/png").header("X-Content-Type-Options", "nosniff")
            .extract().asByteArray();
        assertEquals(120, ImageIO.read(new ByteArrayInputStream(thumbnail)).getWidth());
        given().auth().oauth2(trade.buyer().token())
            .get("/api/v1/orders/" + trade.orderId() + "/attachments/" + pdfId + "/thumbnail")
            .then().statusCode(404).body("code", equalTo("UNKNOWN_ATTACHMENT"));

        given().auth().oauth2(trade.seller().token()).get("/api/v1/orders/" + trade.orderId() + "/attachments")
            .then().statusCode(200).body("id", equalTo(List.of((int)png, (int)jpeg, (int)pdfId)));
        // The journal recorded each, with the hash of the bytes served.
        final AttachmentRecordRow record = AttachmentRecordRow.findById(png);
        assertEquals(sha256(served.asByteArray()), record.sha256);
        assertEquals(trade.buyer().id(), record.uploaderId);
        assertEquals("PNG", record.mediaType);
    }

    @Test
    void exifAndGpsAreGoneAfterUpload()
    {
        final Trade trade = Trade.open();
        final byte[] withGps = TestFiles.jpegWithGps();
        assertTrue(new String(withGps, StandardCharsets.ISO_8859_1).contains(TestFiles.GPS_MARKER));
        final long id = upload(trade.buyer(), trade.orderId(), "photo.jpg", "image/jpeg", withGps)
            .then().statusCode(201).body("width", equalTo(40)).extract().jsonPath().getLong("id");
        final byte[] stored = download(trade.buyer(), trade.orderId(), id).then().statusCode(200).extract().asByteArray();
        final String text = new String(stored, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains(TestFiles.GPS_MARKER), "GPS data survived the upload");
        assertFalse(text.contains("Exif"), "an EXIF block survived the upload");
        assertTrue(ExifReader.app1Segments(stored).isEmpty(), "the stored JPEG carries an APP1 (EXIF) segment");
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderWithTheHeapIntact()
    {
        final Trade trade = Trade.open();
        // Decoded, it would need 10 GB.
        assertBombRefused(trade, "bomb.png", "image/png", TestFiles.pngBomb(50_000));
        assertNothingStored(trade);
    }

    /** A small file declaring huge dimensions is 413 from its header; the server still answers with its heap. */
    static void assertBombRefused(final Trade trade, final String name, final String type, final byte[] bomb)
    {
        assertTrue(bomb.length < 2_000);
        final Runtime runtime = Runtime.getRuntime();
        upload(trade.buyer(), trade.orderId(), name, type, bomb)
            .then().statusCode(413).body("code", equalTo("IMAGE_TOO_LARGE"));
        assertTrue(runtime.totalMemory() <= runtime.maxMemory());
        assertEquals(0, AttachmentRow.count("orderId", trade.orderId()));
    }

    @Test
    void hostileInputsGetClearErrorsAndLeaveNothingBehind()
    {
        final Trade trade = Trade.open();
        final Trader buyer = trade.buyer();
        final long order = trade.orderId();
        final byte[] png = TestFiles.png(50, 50);
        final byte[] html = "<html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.UTF_8);

        // A polyglot: a real PNG with a page glued on.
        upload(buyer, order, "proof.png", "image/png", TestFiles.concat(png, html))
            .then().statusCode(400).body("code", equalTo("INVALID_ATTACHMENT"));
        // A page named .png, declared image/png: the bytes decide.
        upload(buyer, order, "proof.png", "image/png", html)
            .then().statusCode(415).body("code", equalTo("UNSUPPORTED_ATTACHMENT_TYPE"));
        // A GIF, a ZIP: not on the list.
        upload(buyer, order, "a.gif", "image/gif", "GIF89a\1\0\1\0\0\0\0;".getBytes(StandardCharsets.ISO_8859_1))
            .then().statusCode(415).body("code", equalTo("UNSUPPORTED_ATTACHMENT_TYPE"));
        // Truncated image and PDF.
        upload(buyer, order, "cut.png", "image/png", java.util.Arrays.copyOf(png, png.length / 2))
            .then().statusCode(400).body("code", equalTo("INVALID_ATTACHMENT"));
        final byte[] jpeg = TestFiles.jpeg(200, 200);
        upload(buyer, order, "cut.jpg", "image/jpeg", java.util.Arrays.copyOf(jpeg, jpeg.length - 40))
            .then().statusCode(400).body("code", equalTo("INVALID_ATTACHMENT"));
        final byte[] pdf = TestFiles.pdf();
        upload(buyer, order, "cut.pdf", "application/pdf", java.util.Arrays.copyOf(pdf, pdf.length - 10))
            .then().statusCode(400).body("code", equalTo("INVALID_ATTACHMENT"));
        upload(buyer, order, "active.pdf", "application/pdf", TestFiles.pdfWithJavaScript())
            .then().statusCode(400).body("code", equalTo("INVALID_ATTACHMENT"));
        // Names with paths.
        for (final String name : List.of("../../etc/passwd.png", "..\\..\\boot.png", "a/b.png"))
        {
            upload(buyer, order, name, "image/png", png)
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        }
        // Oversize: refused from its declared length, before it is read.
        final byte[] big = new byte[(int)settings.maxBytes() + 100_000];
        upload(buyer, order, "big.png", "image/png", big)
            .then().statusCode(413).body("code", equalTo("ATTACHMENT_TOO_LARGE"));
        // No file part at all.
        given().auth().oauth2(buyer.token()).multiPart("other", "x").post("/api/v1/orders/" + order + "/attachments")
            .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));

        assertNothingStored(trade);
    }

    @Test
    void onlyThePartiesAndStaffOnceDisputedDownloadEveryoneElseSeesNoOrder() throws InterruptedException
    {
        final Trade trade = Trade.open();
        final Trader stranger = newUser();
        final Trader arbiter = newUser("ARBITER");
        final Trader admin = newUser("ADMIN");
        final long id = upload(trade.buyer(), trade.orderId(), "receipt.png", "image/png", TestFiles.png(10, 10))
            .then().statusCode(201).extract().jsonPath().getLong("id");
        final String noSuchOrder = download(stranger, Long.MAX_VALUE / 2, id).then().statusCode(404).extract().asString();

        for (final Trader outsider : List.of(stranger, arbiter, admin))
        {
            assertEquals(noSuchOrder.replace(String.valueOf(Long.MAX_VALUE / 2), ""),
                download(outsider, trade.orderId(), id).then().statusCode(404).body("code", equalTo("UNKNOWN_ORDER"))
                    .extract().asString());
            upload(outsider, trade.orderId(), "x.png", "image/png", TestFiles.png(10, 10))
                .then().statusCode(404).body("code", equalTo("UNKNOWN_ORDER"));
            given().auth().oauth2(outsider.token()).get("/api/v1/orders/" + trade.orderId() + "/attachments")
                .then().statusCode(404).body("code", equalTo("UNKNOWN_ORDER"));
        }
        given().get("/api/v1/orders/" + trade.orderId() + "/attachments/" + id).then().statusCode(401);
        download(trade.seller(), trade.orderId(), id + 1_000_000).then().statusCode(404)
            .body("code", equalTo("UNKNOWN_ATTACHMENT"));

        trade.buyer().request().post("/api/v1/orders/" + trade.orderId() + "/paid").then().statusCode(200);
        clock.advance(Duration.ofMinutes(11).toMillis());
        trade.buyer().request().post("/api/v1/orders/" + trade.orderId() + "/appeal").then().statusCode(200);
        download(arbiter, trade.orderId(), id).then().statusCode(200);
        download(admin, trade.orderId(), id).then().statusCode(200);
        download(stranger, trade.orderId(), id).then().statusCode(404).body("code", equalTo("UNKNOWN_ORDER"));
        // The arbiter may show a file too, once disputed.
        upload(arbiter, trade.orderId(), "note.pdf", "application/pdf", TestFiles.pdf()).then().statusCode(201);
    }

    /** Replaces the bytes stored under {@code sha256} behind the server's back, as an intruder in the store would. */
    abstract void tamper(String sha256, byte[] bytes) throws IOException;

    @Test
    void aFileWhoseBytesNoLongerMatchTheJournaledHashIsRefused() throws IOException
    {
        final Trade trade = Trade.open();
        final long id = upload(trade.buyer(), trade.orderId(), "statement.pdf", "application/pdf", TestFiles.pdf())
            .then().statusCode(201).extract().jsonPath().getLong("id");
        download(trade.seller(), trade.orderId(), id).then().statusCode(200);
        final String sha = AttachmentRow.<AttachmentRow>findById(id).sha256;
        tamper(sha, "%PDF-1.4\n% altered after upload\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

        download(trade.seller(), trade.orderId(), id).then().statusCode(500)
            .body("code", equalTo("ATTACHMENT_INTEGRITY_FAILED"));
    }

    @Test
    void aChatLineCarriesUploadedFilesOnRestAndTheHistoryShowsThem()
    {
        final Trade trade = Trade.open();
        final long id = upload(trade.buyer(), trade.orderId(), "receipt.png", "image/png", TestFiles.png(10, 10))
            .then().statusCode(201).extract().jsonPath().getLong("id");
        final long sellers = upload(trade.seller(), trade.orderId(), "s.png", "image/png", TestFiles.png(10, 10))
            .then().statusCode(201).extract().jsonPath().getLong("id");
        final String chat = "/api/v1/orders/" + trade.orderId() + "/chat";

        trade.buyer().request().body(Map.of("text", "", "attachmentIds", List.of(sellers))).post(chat)
            .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        final long line = trade.buyer().request().body(Map.of("text", "paid, see receipt", "attachmentIds", List.of(id)))
            .post(chat).then().statusCode(201)
            .body("attachments", hasSize(1)).body("attachments[0].id", equalTo((int)id))
            .body("attachments[0].fileName", equalTo("receipt.png"))
            .extract().jsonPath().getLong("id");
        trade.buyer().request().body(Map.of("text", "again", "attachmentIds", List.of(id))).post(chat)
            .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        trade.buyer().request().body(Map.of("text", "plain")).post(chat)
            .then().statusCode(201).body("attachments", hasSize(0));

        trade.seller().request().get(chat).then().statusCode(200)
            .body("find { it.id == " + line + " }.attachments[0].id", equalTo((int)id))
            .body("find { it.id == " + line + " }.attachments[0].messageId", equalTo((int)line))
            .body("find { it.text == 'plain' }.attachments", hasSize(0));
        given().auth().oauth2(trade.seller().token()).get("/api/v1/orders/" + trade.orderId() + "/attachments")
            .then().body("find { it.id == " + id + " }.messageId", notNullValue());
    }

    @Test
    void retentionDeletesTheFilesOfOrdersFinishedLongAgoAndKeepsThoseUnderAppeal() throws Exception
    {
        final Trade cancelled = Trade.open();
        final Trade appealed = Trade.open();
        final String shared = upload(cancelled.buyer(), cancelled.orderId(), "shared.png", "image/png",
            TestFiles.png(13, 13)).then().statusCode(201).extract().jsonPath().getString("sha256");
        final Response own = upload(cancelled.buyer(), cancelled.orderId(), "own.png", "image/png", TestFiles.png(14, 14));
        final long ownId = own.then().statusCode(201).extract().jsonPath().getLong("id");
        final String ownSha = own.jsonPath().getString("sha256");
        final long sharedOnAppeal = upload(appealed.buyer(), appealed.orderId(), "shared.png", "image/png",
            TestFiles.png(13, 13)).then().statusCode(201).extract().jsonPath().getLong("id");
        final long appealedOwn = upload(appealed.buyer(), appealed.orderId(), "receipt.png", "image/png",
            TestFiles.png(15, 15)).then().statusCode(201).extract().jsonPath().getLong("id");

        cancelled.buyer().request().post("/api/v1/orders/" + cancelled.orderId() + "/cancel").then().statusCode(200);
        appealed.buyer().request().post("/api/v1/orders/" + appealed.orderId() + "/paid").then().statusCode(200);
        clock.advance(Duration.ofMinutes(11).toMillis());
        appealed.buyer().request().post("/api/v1/orders/" + appealed.orderId() + "/appeal").then().statusCode(200);
        awaitFinished(cancelled.orderId());

        final Instant finished = Instant.ofEpochMilli(clock.time());
        retention.sweep(finished.plus(settings.retention()).minus(Duration.ofDays(1)));
        download(cancelled.buyer(), cancelled.orderId(), ownId).then().statusCode(200);

        assertTrue(retention.sweep(finished.plus(settings.retention()).plus(Duration.ofDays(1))) >= 2);
        download(cancelled.buyer(), cancelled.orderId(), ownId).then().statusCode(410)
            .body("code", equalTo("ATTACHMENT_EXPIRED"));
        assertFalse(isStored(ownSha), "the bytes only the purged row named are gone");
        assertTrue(isStored(shared), "bytes a kept row names stay");
        download(appealed.buyer(), appealed.orderId(), sharedOnAppeal).then().statusCode(200);
        download(appealed.seller(), appealed.orderId(), appealedOwn).then().statusCode(200);
        given().auth().oauth2(cancelled.buyer().token()).get("/api/v1/orders/" + cancelled.orderId() + "/attachments")
            .then().statusCode(200).body("id", hasSize(2))
            .body("find { it.id == " + ownId + " }.purgedAt", notNullValue());
        given().auth().oauth2(appealed.buyer().token()).get("/api/v1/orders/" + appealed.orderId() + "/attachments")
            .then().statusCode(200).body("purgedAt", equalTo(java.util.Arrays.asList(null, null)));
    }

    private boolean isStored(final String sha256) throws IOException
    {
        try (InputStream in = store.open(sha256))
        {
            return in != null;
        }
    }

    private static void awaitFinished(final long orderId) throws InterruptedException
    {
        for (int i = 0; i < 200 && OrderRow.count("id = ?1 and finishedAt is not null", orderId) == 0; i++)
        {
            Thread.sleep(50);
        }
        assertEquals(1, OrderRow.count("id = ?1 and finishedAt is not null", orderId), "the projector wrote the end");
    }

    private void assertNothingStored(final Trade trade)
    {
        assertEquals(0, AttachmentRow.count("orderId", trade.orderId()));
        assertEquals(List.of(), filesUnder(Path.of(settings.directory(), "tmp")));
        assertEquals(List.of(), filesUnder(Path.of(settings.directory(), "scratch")));
    }

    private static List<Path> filesUnder(final Path folder)
    {
        if (!Files.isDirectory(folder))
        {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder))
        {
            return files.filter(Files::isRegularFile).toList();
        }
        catch (final IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    static String sha256(final byte[] bytes)
    {
        return HexFormat.of().formatHex(Sha256.newDigest().digest(bytes));
    }
}
