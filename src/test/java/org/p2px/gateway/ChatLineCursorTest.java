package org.p2px.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the chat catch-up reads next: above the highest id read, and the ids a late commit may still fill. */
class ChatLineCursorTest
{
    @Test
    void startsFromTheNewestLineAndReadsWhatComesAbove()
    {
        final ChatLineCursor cursor = new ChatLineCursor();
        assertFalse(cursor.started());
        cursor.start(40);
        assertTrue(cursor.started());
        assertEquals(40, cursor.high());
        cursor.read(41, true, 0);
        cursor.read(42, true, 0);
        assertEquals(42, cursor.high());
        assertArrayEquals(new long[0], cursor.holes(0));
    }

    /** Line 11 took its id before line 12 but committed after it: it is read once it shows up. */
    @Test
    void anIdSkippedIsReadAgainUntilItsLineShowsUp()
    {
        final ChatLineCursor cursor = new ChatLineCursor();
        cursor.start(10);
        cursor.read(12, true, 0);
        cursor.read(15, true, 0);
        assertEquals(15, cursor.high());
        assertArrayEquals(new long[] {11, 13, 14}, cursor.holes(1_000));

        cursor.read(11, true, 1_000);
        assertArrayEquals(new long[] {13, 14}, cursor.holes(1_000));
    }

    @Test
    void aHoleIsGivenUpAfterItsLifetime()
    {
        final ChatLineCursor cursor = new ChatLineCursor();
        cursor.start(0);
        cursor.read(2, true, 1_000);
        assertArrayEquals(new long[] {1}, cursor.holes(1_000 + ChatLineCursor.HOLE_LIFETIME_MS));
        assertArrayEquals(new long[0], cursor.holes(1_001 + ChatLineCursor.HOLE_LIFETIME_MS));
    }

    @Test
    void aLineNotHandledIsReadAgainAsAHole()
    {
        final ChatLineCursor cursor = new ChatLineCursor();
        cursor.start(0);
        cursor.read(1, false, 0);
        assertEquals(1, cursor.high());
        assertArrayEquals(new long[] {1}, cursor.holes(0));
        cursor.read(1, false, 500);
        assertArrayEquals(new long[] {1}, cursor.holes(500));
        cursor.read(1, true, 600);
        assertArrayEquals(new long[0], cursor.holes(600));
    }

    @Test
    void aJumpOfTheSequenceKeepsOnlyTheHighestHoles()
    {
        final ChatLineCursor cursor = new ChatLineCursor();
        cursor.start(0);
        cursor.read(1_000_000, true, 0);
        final long[] holes = cursor.holes(0);
        assertEquals(ChatLineCursor.MAX_HOLES, holes.length);
        assertEquals(1_000_000 - ChatLineCursor.MAX_HOLES, holes[0]);
        assertEquals(999_999, holes[holes.length - 1]);
    }
}
