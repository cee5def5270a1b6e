package org.p2px.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.aeron.archive.client.AeronArchive;
import io.aeron.cluster.ConsensusModule;

/**
 * Which of a member's snapshots stay and how much of its log goes with the others. A snapshot is a set of entries
 * in the recording log at one log position, one per service and one of the consensus module's; only a whole set
 * counts. The newest {@code kept} sets stay; the recordings of every older entry may be deleted, and the log before
 * the oldest kept set is needed by no restart: every one starts from a snapshot and replays the log after it.
 *
 * <p>The log goes only once {@code kept} sets exist: a member that falls behind (down, or starved) catches up from the
 * others' log, so it has at least the span of the kept snapshots to come back, from the first snapshot on too.
 */
final class SnapshotRetention
{
    /** Nothing of the log may go. */
    static final long NO_PURGE = -1;

    /** A valid snapshot entry of the recording log. */
    record Entry(long recordingId, long leadershipTermId, long logPosition, int serviceId)
    {
    }

    /**
     * @param oldestKept       the oldest kept set's entries, empty when there is no whole set (then nothing goes);
     * @param newestLogPosition the newest whole set's log position ({@link #NO_PURGE} when there is none);
     * @param keptCount        how many sets are kept;
     * @param full             whether that is as many as asked for, so that the log before the oldest may go;
     * @param deleteRecordings the recordings of the entries older than the oldest kept set.
     */
    record Plan(
        List<Entry> oldestKept, long newestLogPosition, int keptCount, boolean full, List<Long> deleteRecordings)
    {
        long oldestKeptLogPosition()
        {
            return oldestKept.isEmpty() ? NO_PURGE : oldestKept.get(0).logPosition();
        }

        /** Where the log must still start from; {@link #NO_PURGE} while fewer sets than asked for exist. */
        long logKeepFrom()
        {
            return full ? oldestKeptLogPosition() : NO_PURGE;
        }

        /** The oldest kept set's entry of the service, whose recording holds the batch the snapshot covers. */
        long oldestKeptServiceRecording()
        {
            return oldestKept.stream().filter(entry -> entry.serviceId() == 0).findFirst()
                .map(Entry::recordingId).orElseThrow();
        }
    }

    private SnapshotRetention()
    {
    }

    static Plan plan(final List<Entry> entries, final int serviceCount, final int kept)
    {
        final Comparator<Entry> byPosition =
            Comparator.comparingLong(Entry::logPosition).thenComparingLong(Entry::leadershipTermId);
        final TreeMap<Entry, List<Entry>> sets = new TreeMap<>(byPosition);
        for (final Entry entry : entries)
        {
            final Entry set = new Entry(0, entry.leadershipTermId(), entry.logPosition(), 0);
            sets.computeIfAbsent(set, key -> new ArrayList<>()).add(entry);
        }
        final List<List<Entry>> whole = new ArrayList<>();
        for (final List<Entry> set : sets.descendingMap().values())
        {
            if (isWhole(set, serviceCount) && whole.size() < kept)
            {
                whole.add(set);
            }
        }
        if (whole.isEmpty())
        {
            return new Plan(List.of(), NO_PURGE, 0, false, List.of());
        }
        final List<Entry> oldestKept = whole.get(whole.size() - 1);
        final List<Long> delete = new ArrayList<>();
        for (final Map.Entry<Entry, List<Entry>> set : sets.headMap(oldestKept.get(0), false).entrySet())
        {
            set.getValue().forEach(entry -> delete.add(entry.recordingId()));
        }
        return new Plan(List.copyOf(oldestKept), whole.get(0).get(0).logPosition(), whole.size(), whole.size() == kept,
            delete);
    }

    private static boolean isWhole(final List<Entry> set, final int serviceCount)
    {
        for (int serviceId = ConsensusModule.Configuration.SERVICE_ID; serviceId < serviceCount; serviceId++)
        {
            final int id = serviceId;
            if (set.stream().noneMatch(entry -> entry.serviceId() == id))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the log recording may start instead of {@code startPosition} so that it still holds {@code keepFrom}:
     * the start of the segment file holding {@code keepFrom}; {@link #NO_PURGE} when that is where it starts already.
     */
    static long purgePosition(
        final long startPosition, final long keepFrom, final int termLength, final int segmentLength)
    {
        if (keepFrom <= startPosition)
        {
            return NO_PURGE;
        }
        final long base = AeronArchive.segmentFileBasePosition(startPosition, keepFrom, termLength, segmentLength);
        return base > startPosition ? base : NO_PURGE;
    }
}
