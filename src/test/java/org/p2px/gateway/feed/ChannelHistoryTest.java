package org.p2px.gateway.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What a copy at some seq lacks: the chain from where the server started to follow, as far as it is kept. */
class ChannelHistoryTest
{
    @Test
    void aCopyGetsTheUpdatesAfterItsSeqChainedByPrev()
    {
        final ChannelHistory history = new ChannelHistory(8);
        history.restart(100);
        final ChannelUpdate at105 = history.next(105, "a");
        final ChannelUpdate at110 = history.next(110, "b");
        final ChannelUpdate at120 = history.next(120, "c");
        assertEquals(100, at105.prev());
        assertEquals(105, at110.prev());

        assertEquals(List.of(at105, at110, at120), history.after(100));
        assertEquals(List.of(at110, at120), history.after(105));
        // A copy at 107 was taken where the channel was as at 105 (nothing changed in between).
        assertEquals(List.of(at110, at120), history.after(107));
        assertEquals(List.of(at120), history.after(119));
        assertEquals(List.of(), history.after(120));
        assertEquals(List.of(), history.after(150));
        assertNull(history.after(99), "before the server followed the channel");
    }

    @Test
    void updatesFallOffPastTheBoundAndARestartForgetsThemAll()
    {
        final ChannelHistory history = new ChannelHistory(2);
        history.restart(0);
        history.next(1, "a");
        final ChannelUpdate two = history.next(2, "b");
        final ChannelUpdate three = history.next(3, "c");
        assertNull(history.after(0), "the update after 0 fell off");
        assertEquals(List.of(two, three), history.after(1));

        history.restart(10);
        assertNull(history.after(3));
        assertEquals(List.of(), history.after(10));
        assertEquals(10, history.next(12, "d").prev());
    }
}
