package org.p2px.gateway.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.p2px.gateway.view.AdGates;
import org.p2px.gateway.view.AdView;

/**
 * A window's change, applied the way docs/protocol.md tells clients to, turns the old window into the new one:
 * for hand-picked cases and for seeded random pairs of windows (seed {@code -Dp2px.window.seed=N}).
 */
class BookWindowTest
{
    @Test
    void anUnchangedAdIsNotSentAndAChangedOneIsSentAtItsPlace()
    {
        final BookWindow window = new BookWindow();
        window.reset(List.of(ad(1, "0.9000", "5"), ad(2, "0.9100", "5"), ad(3, "0.9200", "5")));
        final BookWindow.Change change = window.replace(List.of(ad(1, "0.9000", "5"), ad(2, "0.9100", "4"),
            ad(3, "0.9200", "5")), id -> RemovalReason.CLOSED);
        assertEquals(List.of(new BookEntry(1, ad(2, "0.9100", "4"))), change.upserts());
        assertEquals(List.of(), change.removes());
    }

    @Test
    void anAdThatLeavesSaysWhyAndTheNextOneEnters()
    {
        final BookWindow window = new BookWindow();
        window.reset(List.of(ad(1, "0.9000", "5"), ad(2, "0.9100", "5")));
        final BookWindow.Change change = window.replace(List.of(ad(2, "0.9100", "5"), ad(4, "0.9300", "5")),
            id -> RemovalReason.TAKEN_OUT);
        assertEquals(List.of(new BookRemoval(1, "TAKEN_OUT")), change.removes());
        assertEquals(List.of(new BookEntry(1, ad(4, "0.9300", "5"))), change.upserts());
    }

    @Test
    void nothingChangedIsAnEmptyChange()
    {
        final BookWindow window = new BookWindow();
        window.reset(List.of(ad(1, "0.9000", "5")));
        assertTrue(window.replace(List.of(ad(1, "0.9000", "5")), id -> RemovalReason.CLOSED).isEmpty());
    }

    @Test
    void adsThatSwapPlacesWithTheSameViewsAreSentAgain()
    {
        // Relisted at the same price and quantity (offline and online in one batch): the view is the same, the
        // place is not.
        final BookWindow window = new BookWindow();
        window.reset(List.of(ad(1, "0.9000", "5"), ad(2, "0.9000", "5"), ad(3, "0.9000", "5")));
        final List<AdView> next = List.of(ad(2, "0.9000", "5"), ad(3, "0.9000", "5"), ad(1, "0.9000", "5"));
        final List<AdView> before = window.ads();
        assertEquals(next, applied(before, window.replace(next, id -> RemovalReason.CLOSED)));
    }

    @Test
    void seededRandomWindowsAreReproducedByTheClientsAlgorithm()
    {
        final long seed = Long.getLong("p2px.window.seed", 20_261_205L);
        System.out.println("BookWindowTest seed " + seed + " (-Dp2px.window.seed=" + seed + ")");
        final SplittableRandom random = new SplittableRandom(seed);
        final BookWindow window = new BookWindow();
        List<AdView> current = List.of();
        for (int round = 0; round < 5_000; round++)
        {
            final List<AdView> next = randomWindow(random);
            final List<AdView> before = current;
            final BookWindow.Change change = window.replace(next, id -> RemovalReason.OUT_OF_WINDOW);
            assertEquals(next, applied(before, change), "seed " + seed + ", round " + round);
            final Set<Long> nextIds = new HashSet<>();
            next.forEach(ad -> nextIds.add(ad.id()));
            change.removes().forEach(removal -> assertTrue(!nextIds.contains(removal.id()), "removed and kept"));
            current = next;
        }
    }

    /** The client's algorithm (docs/protocol.md, "Keeping a local book", step 3). */
    private static List<AdView> applied(final List<AdView> before, final BookWindow.Change change)
    {
        final Set<Long> gone = new HashSet<>();
        change.removes().forEach(removal -> gone.add(removal.id()));
        change.upserts().forEach(entry -> gone.add(entry.ad().id()));
        final List<AdView> side = new ArrayList<>(before);
        side.removeIf(ad -> gone.contains(ad.id()));
        change.upserts().forEach(entry -> side.add(entry.position(), entry.ad()));
        return side;
    }

    /** Up to 12 distinct ads out of 20, in a random order, each with one of two quantities. */
    private static List<AdView> randomWindow(final SplittableRandom random)
    {
        final List<Long> ids = new ArrayList<>();
        for (long id = 1; id <= 20; id++)
        {
            ids.add(id);
        }
        final int size = random.nextInt(13);
        final List<AdView> ads = new ArrayList<>(size);
        for (int i = 0; i < size; i++)
        {
            final long id = ids.remove(random.nextInt(ids.size()));
            ads.add(ad(id, "0.9000", random.nextInt(4) == 0 ? "4" : "5"));
        }
        return ads;
    }

    static AdView ad(final long id, final String price, final String remaining)
    {
        return new AdView(id, 1, "merchant", "USDT-EUR", "SELL", "ONLINE", "FIXED", price, null, remaining, "0", "0",
            "10.00", "100.00", List.of("SEPA"), 15, new AdGates(0, 0, 0, 0, 0), "PUBLIC", false, "", "",
            Instant.EPOCH, null);
    }
}
