package org.p2px.gateway.attachment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.p2px.gateway.attachment.AttachmentsContract.sha256;
import static org.p2px.gateway.attachment.AttachmentsContract.upload;
import static org.p2px.testing.TradingFixture.newUser;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.p2px.gateway.attachment.AttachmentsContract.Trade;
import org.p2px.readmodel.AttachmentRecordRow;
import org.p2px.testing.ShiftableClock;
import org.p2px.testing.TradingFixture.Trader;

/**
 * Evidence in an appeal over REST: a statement with files when the appeal opens and while it is open, from both
 * parties and the arbiter; the dossier that gathers them; who may see and add what; bad input refused with nothing
 * opened or written.
 */
@QuarkusTest
class AppealEvidenceTest
{
    @Inject
    ShiftableClock clock;

    @Test
    void bothPartiesAndTheArbiterStateTheirCaseAndTheDossierGathersEveryStatementWithItsFiles()
    {
        final Trade trade = Trade.open();
        final Trader arbiter = newUser("ARBITER");
        final byte[] receipt = TestFiles.png(40, 30);
        final long receiptId = uploaded(trade.buyer(), trade, "receipt.png", "image/png", receipt);
        paidAndAppealable(trade);
        trade.buyer().request().body(Map.of("statement", "I paid 92 EUR, receipt attached", "attachmentIds",
            List.of(receiptId))).post(appeal(trade)).then().statusCode(200).body("state", equalTo("DISPUTED"));

        final byte[] statement = TestFiles.pdf();
        final long statementId = uploaded(trade.seller(), trade, "statement.pdf", "application/pdf", statement);
        evidence(trade.seller(), trade, Map.of("statement", "Nothing arrived", "attachmentIds", List.of(statementId)))
            .statusCode(201).body("role", equalTo("SELLER")).body("authorId", equalTo((int)trade.seller().id()))
            .body("attachments[0].sha256", equalTo(sha256(statement)));
        evidence(arbiter, trade, Map.of("statement", "Buyer: send the bank's confirmation, please"))
            .statusCode(201).body("role", equalTo("ARBITER")).body("attachments", hasSize(0));

        final String receiptUrl = "/api/v1/orders/" + trade.orderId() + "/attachments/" + receiptId;
        for (final Trader reader : List.of(arbiter, trade.buyer(), trade.seller()))
        {
            reader.request().get(appeal(trade)).then().statusCode(200)
                .body("orderId", equalTo((int)trade.orderId())).body("state", equalTo("DISPUTED"))
                .body("openedBy", equalTo((int)trade.buyer().id()))
                .body("openedByName", equalTo(trade.buyer().username())).body("openedAt", notNullValue())
                .body("statements.role", equalTo(List.of("BUYER", "SELLER", "ARBITER")))
                .body("statements[0].statement", equalTo("I paid 92 EUR, receipt attached"))
                .body("statements[0].authorName", equalTo(trade.buyer().username()))
                .body("statements[0].sentAt", notNullValue())
                .body("statements[0].attachments[0].id", equalTo((int)receiptId))
                .body("statements[0].attachments[0].sha256", equalTo(sha256OfStored(trade, receiptId)))
                .body("statements[0].attachments[0].mediaType", equalTo("image/png"))
                .body("statements[0].attachments[0].width", equalTo(40))
                .body("statements[0].attachments[0].height", equalTo(30))
                .body("statements[0].attachments[0].downloadUrl", equalTo(receiptUrl))
                .body("statements[1].attachments[0].size", equalTo(statement.length));
        }
        given().auth().oauth2(arbiter.token()).get(receiptUrl).then().statusCode(200).contentType("image/png");
        // The statements are chat lines of kind EVIDENCE: the chat's history shows them too.
        trade.seller().request().get("/api/v1/orders/" + trade.orderId() + "/chat").then().statusCode(200)
            .body("findAll { it.kind == 'EVIDENCE' }.text", equalTo(List.of("I paid 92 EUR, receipt attached",
                "Nothing arrived", "Buyer: send the bank's confirmation, please")));
    }

    @Test
    void strangersSeeNoOrderStaffOnlyOnceDisputedAndEvidenceOnlyWhileDisputed()
    {
        final Trade trade = Trade.open();
        final Trader stranger = newUser();
        final Trader arbiter = newUser("ARBITER");
        final Map<String, Object> note = Map.of("statement", "a note");
        final String noSuchOrder = stranger.request().get("/api/v1/orders/" + Long.MAX_VALUE / 2 + "/appeal")
            .then().statusCode(404).body("code", equalTo("UNKNOWN_ORDER")).extract().asString();

        for (final Trader outsider : List.of(stranger, arbiter))
        {
            assertEquals(noSuchOrder, outsider.request().get(appeal(trade)).then().statusCode(404).extract().asString());
            evidence(outsider, trade, note).statusCode(404).body("code", equalTo("UNKNOWN_ORDER"));
        }
        trade.buyer().request().get(appeal(trade)).then().statusCode(409).body("code", equalTo("INVALID_ORDER_STATE"));
        evidence(trade.buyer(), trade, note).statusCode(409).body("code", equalTo("INVALID_ORDER_STATE"));
        given().get(appeal(trade)).then().statusCode(401);

        // No body, as bots appeal: still valid, and the dossier has no statement yet.
        paidAndAppealable(trade);
        trade.seller().request().post(appeal(trade)).then().statusCode(200).body("state", equalTo("DISPUTED"));
        arbiter.request().get(appeal(trade)).then().statusCode(200)
            .body("openedBy", equalTo((int)trade.seller().id())).body("statements", hasSize(0));
        assertEquals(noSuchOrder, stranger.request().get(appeal(trade)).then().statusCode(404).extract().asString());
        evidence(stranger, trade, note).statusCode(404).body("code", equalTo("UNKNOWN_ORDER"));
        evidence(arbiter, trade, note).statusCode(201);

        trade.seller().request().post(appeal(trade) + "/withdraw").then().statusCode(200).body("state", equalTo("PAID"));
        evidence(trade.buyer(), trade, note).statusCode(409).body("code", equalTo("INVALID_ORDER_STATE"));
        trade.buyer().request().get(appeal(trade)).then().statusCode(200).body("statements", hasSize(1));
    }

    @Test
    void badStatementsAreRefusedAndARefusedAppealIsNotOpened()
    {
        final Trade trade = Trade.open();
        final Trade other = Trade.open();
        final long mine = uploaded(trade.buyer(), trade, "mine.png", "image/png", TestFiles.png(10, 10));
        final long sellers = uploaded(trade.seller(), trade, "theirs.png", "image/png", TestFiles.png(11, 11));
        final long elsewhere = uploaded(other.buyer(), other, "other.png", "image/png", TestFiles.png(12, 12));
        paidAndAppealable(trade);

        final String tooLong = String.join("", Collections.nCopies(2001, "x"));
        for (final Map<String, Object> body : List.of(
            Map.<String, Object>of("statement", tooLong),
            Map.<String, Object>of("statement", "see", "attachmentIds", List.of(sellers)),
            Map.<String, Object>of("statement", "see", "attachmentIds", List.of(elsewhere)),
            Map.<String, Object>of("statement", "see", "attachmentIds", List.of(Long.MAX_VALUE)),
            Map.<String, Object>of("statement", "see", "attachmentIds", Collections.nCopies(11, mine)),
            Map.<String, Object>of("statement", "paid \u202Eto 99")))
        {
            trade.buyer().request().body(body).post(appeal(trade)).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        }
        // None of those opened the appeal: the order is still PAID and nothing was written.
        trade.buyer().request().get("/api/v1/orders/" + trade.orderId()).then().statusCode(200)
            .body("state", equalTo("PAID"));

        trade.buyer().request().body(Map.of()).post(appeal(trade)).then().statusCode(200);
        evidence(trade.buyer(), trade, Map.of()).statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        evidence(trade.buyer(), trade, Map.of("statement", "  ")).statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        evidence(trade.buyer(), trade, Map.of("statement", "x", "attachmentIds", List.of(sellers))).statusCode(400)
            .body("code", equalTo("VALIDATION_FAILED"));
        evidence(trade.buyer(), trade, Map.of("attachmentIds", List.of(mine))).statusCode(201)
            .body("statement", equalTo("")).body("attachments[0].id", equalTo((int)mine));
        // A chat line shows new files only: one shown already is refused there (a statement may cite it, below).
        trade.buyer().request().body(Map.of("text", "again", "attachmentIds", List.of(mine)))
            .post("/api/v1/orders/" + trade.orderId() + "/chat").then().statusCode(400)
            .body("code", equalTo("VALIDATION_FAILED"));
        trade.buyer().request().get(appeal(trade)).then().statusCode(200).body("statements", hasSize(1));
    }

    @Test
    void aStatementCitesTheReceiptItsAuthorShowedInTheChatWithoutUploadingItAgain()
    {
        final Trade trade = Trade.open();
        final byte[] receipt = TestFiles.png(40, 30);
        final long receiptId = uploaded(trade.buyer(), trade, "receipt.png", "image/png", receipt);
        final long sellers = uploaded(trade.seller(), trade, "theirs.png", "image/png", TestFiles.png(11, 11));
        final String chat = "/api/v1/orders/" + trade.orderId() + "/chat";
        final long chatLine = trade.buyer().request().body(Map.of("text", "Paid, receipt attached", "attachmentIds",
            List.of(receiptId))).post(chat).then().statusCode(201).extract().jsonPath().getLong("id");
        trade.seller().request().body(Map.of("text", "mine", "attachmentIds", List.of(sellers))).post(chat)
            .then().statusCode(201);
        paidAndAppealable(trade);

        // The other party's file, though shown in the chat, is not the buyer's to cite.
        trade.buyer().request().body(Map.of("statement", "see", "attachmentIds", List.of(sellers))).post(appeal(trade))
            .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        trade.buyer().request().body(Map.of("statement", "I paid, see the receipt I posted", "attachmentIds",
            List.of(receiptId))).post(appeal(trade)).then().statusCode(200).body("state", equalTo("DISPUTED"));
        final long later = uploaded(trade.buyer(), trade, "bank.pdf", "application/pdf", TestFiles.pdf());
        evidence(trade.buyer(), trade, Map.of("statement", "and the bank's statement", "attachmentIds",
            List.of(later, receiptId))).statusCode(201).body("attachments.id", equalTo(List.of((int)receiptId, (int)later)));

        trade.seller().request().get(appeal(trade)).then().statusCode(200)
            .body("statements[0].attachments.id", equalTo(List.of((int)receiptId)))
            .body("statements[0].attachments[0].sha256", equalTo(sha256OfStored(trade, receiptId)))
            .body("statements[1].attachments.id", equalTo(List.of((int)receiptId, (int)later)));
        // The receipt is still on the chat line that first showed it, and the journal holds its one upload.
        trade.seller().request().get(chat).then().statusCode(200)
            .body("find { it.id == " + chatLine + " }.attachments.id", equalTo(List.of((int)receiptId)));
        given().auth().oauth2(trade.seller().token()).get("/api/v1/orders/" + trade.orderId() + "/attachments")
            .then().statusCode(200).body("find { it.id == " + receiptId + " }.messageId", equalTo((int)chatLine));
        assertEquals(sha256OfStored(trade, receiptId),
            AttachmentRecordRow.<AttachmentRecordRow>findById(receiptId).sha256);
    }

    private void paidAndAppealable(final Trade trade)
    {
        trade.buyer().request().post("/api/v1/orders/" + trade.orderId() + "/paid").then().statusCode(200);
        clock.advance(Duration.ofMinutes(11).toMillis());
    }

    private static long uploaded(final Trader who, final Trade trade, final String name, final String type,
        final byte[] bytes)
    {
        return upload(who, trade.orderId(), name, type, bytes).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static String sha256OfStored(final Trade trade, final long attachmentId)
    {
        return sha256(given().auth().oauth2(trade.buyer().token())
            .get("/api/v1/orders/" + trade.orderId() + "/attachments/" + attachmentId).then().statusCode(200)
            .extract().asByteArray());
    }

    private static ValidatableResponse evidence(final Trader who, final Trade trade, final Map<String, Object> body)
    {
        return who.request().body(body).post(appeal(trade) + "/evidence").then();
    }

    private static String appeal(final Trade trade)
    {
        return "/api/v1/orders/" + trade.orderId() + "/appeal";
    }
}
