package org.p2px.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2px.core.CoreHarness.ADMIN;
import static org.p2px.core.CoreHarness.ARBITER;
import static org.p2px.core.CoreHarness.USDT_UNIT;
import static org.p2px.core.CoreHarness.ok;
import static org.p2px.core.CoreHarness.terms;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.p2px.codec.DisputeOutcome;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.Side;

/**
 * RecordAttachment: the journal's record of a file shown in an order. The parties of an open order may record one,
 * staff only once it is disputed, nobody once it is finished; the event carries the hash and changes no state.
 */
class AttachmentRecordTest
{
    private static final long SELLER = 10;
    private static final long BUYER = 20;
    private static final long STRANGER = 30;
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final long MINUTE_MS = 60_000;

    private CoreHarness h;
    private long orderId;

    @BeforeEach
    void givenAnOpenOrder()
    {
        h = new CoreHarness().standardWorld();
        h.merchant(SELLER, 1_000);
        h.user(BUYER, 0);
        h.user(STRANGER, 0);
        final long adId = h.ad(SELLER, Side.SELL, 500, terms(9200));
        orderId = h.takeEur(BUYER, adId, 92);
    }

    @AfterEach
    void stateIsSoundAndReplayable()
    {
        h.assertSoundAndReplayable();
    }

    @Test
    void eitherPartyRecordsAnAttachmentAndTheEventCarriesItsHashWithoutChangingState()
    {
        final long before = h.core.digest();

        ok(h.recordAttachment(BUYER, orderId, 7, HASH));

        assertEquals(List.of("AttachmentRecorded"), h.events());
        assertTrue(h.eventsText().contains("uploaderId=" + BUYER), h.eventsText());
        assertTrue(h.eventsText().contains("sha256=" + HASH), h.eventsText());
        assertTrue(h.eventsText().contains("attachmentId=7"), h.eventsText());
        assertEquals(before, h.core.digest());
        ok(h.recordAttachment(SELLER, orderId, 8, HASH));
    }

    @Test
    void strangersAndStaffBeforeTheDisputeAreRefused()
    {
        h.assertRejected(ErrorCode.NOT_ORDER_PARTY, () -> h.recordAttachment(STRANGER, orderId, 7, HASH));
        h.assertRejected(ErrorCode.NOT_ORDER_PARTY, () -> h.recordAttachment(ARBITER, orderId, 7, HASH));
        h.assertRejected(ErrorCode.UNKNOWN_ORDER, () -> h.recordAttachment(BUYER, orderId + 100, 7, HASH));
        h.assertRejected(ErrorCode.UNKNOWN_USER, () -> h.recordAttachment(999, orderId, 7, HASH));
        h.assertRejected(ErrorCode.INVALID_ID, () -> h.recordAttachment(BUYER, orderId, 0, HASH));
    }

    @Test
    void staffRecordsOnceDisputedAndNobodyOnceFinished()
    {
        ok(h.markPaid(BUYER, orderId));
        h.advance(10 * MINUTE_MS);
        ok(h.appeal(BUYER, orderId));

        ok(h.recordAttachment(ARBITER, orderId, 9, HASH));
        ok(h.recordAttachment(ADMIN, orderId, 10, HASH));
        h.assertRejected(ErrorCode.NOT_ORDER_PARTY, () -> h.recordAttachment(STRANGER, orderId, 7, HASH));

        ok(h.resolve(ARBITER, orderId, DisputeOutcome.RELEASE));
        h.assertRejected(ErrorCode.ORDER_FINISHED, () -> h.recordAttachment(BUYER, orderId, 11, HASH));
        assertEquals(100 * USDT_UNIT, h.available(BUYER));
    }
}
