package org.p2px.gateway.attachment;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.p2px.gateway.attachment.AttachmentsContract.sha256;
import static org.p2px.gateway.attachment.AttachmentsContract.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.p2px.gateway.Caller;
import org.p2px.gateway.view.AttachmentView;
import org.p2px.readmodel.ApiPermission;

/**
 * Files outlive the store and the service that hold them: uploaded over REST, then read through a store opened anew
 * on the same directory and a new service over it, each file is listed with its chat link and downloads with the
 * hash the journal recorded. (The journal and the read models have their own restart tests: EngineRestartTest,
 * ProjectorTest.)
 */
@QuarkusTest
class AttachmentsRestartTest
{
    @Inject
    AttachmentSettings settings;

    @Inject
    SecondService services;

    @Inject
    UploadLocks locks;

    @Test
    void everyFileItsListEntryAndItsChatLinkSurviveReopeningTheStoreAndTheService() throws IOException
    {
        final AttachmentsContract.Trade trade = AttachmentsContract.Trade.open();
        final byte[] pdf = TestFiles.pdf();
        final long pdfId = upload(trade.buyer(), trade.orderId(), "statement.pdf", "application/pdf", pdf)
            .then().statusCode(201).extract().jsonPath().getLong("id");
        final String pngSha = upload(trade.seller(), trade.orderId(), "bank.png", "image/png", TestFiles.png(30, 20))
            .then().statusCode(201).extract().jsonPath().getString("sha256");
        final String chat = "/api/v1/orders/" + trade.orderId() + "/chat";
        final long line = trade.buyer().request().body(Map.of("text", "paid", "attachmentIds", List.of(pdfId)))
            .post(chat).then().statusCode(201).extract().jsonPath().getLong("id");

        try (AttachmentStore reopened = new FileAttachmentStore(Path.of(settings.directory())))
        {
            final AttachmentService service = services.over(reopened, locks);
            final Caller buyer = new Caller(trade.buyer().id(), Set.of(ApiPermission.READ), true);
            final List<AttachmentView> listed = service.list(buyer, trade.orderId());
            assertEquals(List.of(sha256(pdf), pngSha), listed.stream().map(AttachmentView::sha256).toList());
            assertEquals(line, listed.get(0).messageId());
            for (final AttachmentView file : listed)
            {
                assertEquals(file.sha256(), hashOf(service.download(buyer, trade.orderId(), file.id(), false)));
            }
        }
        trade.seller().request().get(chat).then().statusCode(200)
            .body("find { it.id == " + line + " }.attachments[0].id", equalTo((int)pdfId))
            .body("find { it.id == " + line + " }.attachments[0].sha256", equalTo(sha256(pdf)));
    }

    private static String hashOf(final AttachmentService.Download download) throws IOException
    {
        try (InputStream in = download.content())
        {
            return sha256(in.readAllBytes());
        }
    }
}
