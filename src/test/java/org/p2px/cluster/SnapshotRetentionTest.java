package org.p2px.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import io.aeron.cluster.ConsensusModule;
import org.junit.jupiter.api.Test;

class SnapshotRetentionTest
{
    private static final long SEED = Long.getLong("p2px.retention.seed", 20261206L);
    private static final int CONSENSUS = ConsensusModule.Configuration.SERVICE_ID;

    @Test
    void keepsTheNewestWholeSnapshotsAndDeletesOnlyWhatIsOlderThanTheOldestKept()
    {
        System.out.println("SnapshotRetentionTest seed " + SEED + " (-Dp2px.retention.seed=N)");
        final SplittableRandom random = new SplittableRandom(SEED);
        for (int run = 0; run < 10_000; run++)
        {
            final int kept = random.nextInt(1, 6);
            final List<SnapshotRetention.Entry> entries = new ArrayList<>();
            final List<Long> wholePositions = new ArrayList<>();
            long position = 0;
            long term = 0;
            long recording = 1;
            final int snapshots = random.nextInt(0, 12);
            for (int i = 0; i < snapshots; i++)
            {
                position += random.nextLong(1, 1_000_000);
                term += random.nextInt(0, 2);
                // a set is whole unless the consensus module's or the service's entry is missing (torn or invalid)
                final int missing = random.nextInt(8) == 0 ? random.nextInt(CONSENSUS, 1) : Integer.MIN_VALUE;
                for (int serviceId = 0; serviceId >= CONSENSUS; serviceId--)
                {
                    if (serviceId != missing)
                    {
                        entries.add(new SnapshotRetention.Entry(recording++, term, position, serviceId));
                    }
                }
                if (missing == Integer.MIN_VALUE)
                {
                    wholePositions.add(position);
                }
            }
            java.util.Collections.shuffle(entries, new java.util.Random(random.nextLong()));

            final SnapshotRetention.Plan plan = SnapshotRetention.plan(entries, 1, kept);

            final int expectedKept = Math.min(kept, wholePositions.size());
            assertEquals(expectedKept, plan.keptCount());
            if (expectedKept == 0)
            {
                assertTrue(plan.deleteRecordings().isEmpty());
                assertEquals(SnapshotRetention.NO_PURGE, plan.oldestKeptLogPosition());
                assertEquals(SnapshotRetention.NO_PURGE, plan.logKeepFrom());
                continue;
            }
            final long oldestKept = wholePositions.get(wholePositions.size() - expectedKept);
            assertEquals(oldestKept, plan.oldestKeptLogPosition());
            assertEquals(expectedKept == kept ? oldestKept : SnapshotRetention.NO_PURGE, plan.logKeepFrom(),
                "the log goes only once as many snapshots as are kept exist");
            assertEquals(wholePositions.get(wholePositions.size() - 1), plan.newestLogPosition());
            final Set<Long> expectedDeleted = new HashSet<>();
            entries.stream().filter(entry -> entry.logPosition() < oldestKept)
                .forEach(entry -> expectedDeleted.add(entry.recordingId()));
            assertEquals(expectedDeleted, new HashSet<>(plan.deleteRecordings()));
            assertTrue(entries.stream().anyMatch(entry -> entry.recordingId() == plan.oldestKeptServiceRecording() &&
                entry.serviceId() == 0 && entry.logPosition() == oldestKept));
        }
    }

    @Test
    void theLogIsPurgedToTheStartOfTheSegmentThatHoldsTheOldestKeptSnapshot()
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        for (int run = 0; run < 100_000; run++)
        {
            final int termLength = 1 << random.nextInt(16, 25);
            final int segmentLength = termLength << random.nextInt(0, 5);
            // a log recording starts at a term's start (a new log) or at a segment's (purged before)
            final long start = random.nextBoolean() ? random.nextLong(0, 1_000) * (long)termLength
                : random.nextLong(0, 1_000) * (long)segmentLength;
            final long keepFrom = start + random.nextLong(0, 20L * segmentLength);

            final long purgeTo = SnapshotRetention.purgePosition(start, keepFrom, termLength, segmentLength);

            if (purgeTo == SnapshotRetention.NO_PURGE)
            {
                assertTrue(keepFrom - start < segmentLength, "a whole segment before " + keepFrom + " stays");
                continue;
            }
            assertTrue(purgeTo > start && purgeTo <= keepFrom, start + " " + purgeTo + " " + keepFrom);
            assertTrue(keepFrom - purgeTo < segmentLength, "more than a segment kept before " + keepFrom);
            assertEquals(0, (purgeTo - start) % segmentLength, "not a segment file's start");
        }
    }
}
