package org.p2px.journal;

import java.io.File;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The journal on Chronicle Queue: one excerpt per batch, laid out as {@link JournalRecord} describes, in
 * memory-mapped files that roll every {@code rollCycle}. An excerpt is complete once its document closes, so a
 * crash mid-append leaves no half record to a reader. With {@link SyncMode#SYNC} each append is also forced to
 * the device before it returns (see docs/reliability.md).
 *
 * <p>A {@link JournalPretoucher}, run by the appending thread when it is idle ({@link #prepareAhead}), writes and
 * maps the pages after the last excerpt, so that appends do not stall on the file system.
 */
public final class ChronicleJournal implements Journal
{
    /** How far ahead of the appender the pretoucher keeps pages in memory: about 0.1 s of appends at 1 M/s. */
    public static final long DEFAULT_PRETOUCH_AHEAD_BYTES = 16L * 1024 * 1024;
    /** Pages one {@link #prepareAhead} touches at most: a few microseconds, the longest it holds up a command. */
    private static final int PAGES_PER_PREPARE = 1;

    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final JournalPretoucher pretoucher;
    private final Map<Integer, File> releasedCycleFiles = new ConcurrentSkipListMap<>();
    private byte[] copyBuffer = new byte[4096];
    /** Where the last appended excerpt ends in its file, and that file's cycle: the pretoucher starts after it. */
    private long appendedEnd;
    private int appendedCycle = Integer.MIN_VALUE;

    public ChronicleJournal(final Path directory, final RollCycles rollCycle, final SyncMode syncMode)
    {
        this(directory, rollCycle, syncMode, DEFAULT_PRETOUCH_AHEAD_BYTES);
    }

    /**
     * @param pretouchAheadBytes how far ahead of the appender {@link #prepareAhead} faults pages in; 0: not at all
     *                           (the appender faults its pages itself).
     */
    public ChronicleJournal(
        final Path directory, final RollCycles rollCycle, final SyncMode syncMode, final long pretouchAheadBytes)
    {
        this(directory, rollCycle, syncMode, pretouchAheadBytes, SystemTimeProvider.INSTANCE);
    }

    /** As above, with the clock that decides when files roll (a test's). */
    ChronicleJournal(final Path directory, final RollCycles rollCycle, final SyncMode syncMode,
        final long pretouchAheadBytes, final TimeProvider rollClock)
    {
        queue = SingleChronicleQueueBuilder.binary(directory)
            .rollCycle(rollCycle)
            .syncMode(syncMode)
            .timeProvider(rollClock)
            .storeFileListener(new StoreFileListener()
            {
                @Override
                public void onReleased(final int cycle, final File file)
                {
                    releasedCycleFiles.put(cycle, file);
                }
            })
            .build();
        adoptEarlierFiles();
        appender = queue.createAppender();
        pretoucher = pretouchAheadBytes > 0 ? new JournalPretoucher(queue, pretouchAheadBytes) : null;
    }

    /**
     * Files of cycles before the newest were rolled past by an earlier run of the process, which cannot report them
     * released any more: they join the candidates for {@link #deleteBefore}, so that retention also prunes them.
     * Their names are Chronicle Queue's own: the cycle's start formatted with the roll cycle's pattern, in UTC.
     */
    private void adoptEarlierFiles()
    {
        final int last = queue.lastCycle();
        if (last == Integer.MIN_VALUE)
        {
            return;
        }
        final DateTimeFormatter names = DateTimeFormatter.ofPattern(queue.rollCycle().format()).withZone(ZoneOffset.UTC);
        final long cycleMs = queue.rollCycle().lengthInMillis();
        for (final long cycle : queue.listCyclesBetween(queue.firstCycle(), last).headSet((long)last))
        {
            final File file = new File(queue.file(),
                names.format(Instant.ofEpochMilli(cycle * cycleMs + queue.epoch())) + SingleChronicleQueue.SUFFIX);
            if (file.isFile())
            {
                releasedCycleFiles.putIfAbsent((int)cycle, file);
            }
        }
    }

    /** Opens a journal for reading only (the operator's tools), creating nothing. */
    public static ChronicleJournal openReadOnly(final Path directory)
    {
        return new ChronicleJournal(directory, RollCycles.FAST_HOURLY, SyncMode.NONE, 0);
    }

    @Override
    public long append(
        final long batchSequence, final long sessionId, final DirectBuffer events, final int offset, final int length)
    {
        try (DocumentContext document = appender.writingDocument())
        {
            try
            {
                final Bytes<?> bytes = document.wire().bytes();
                bytes.writeLong(batchSequence);
                bytes.writeLong(sessionId);
                writeEvents(bytes, events, offset, length);
                appendedEnd = bytes.writePosition();
            }
            catch (final RuntimeException | Error ex)
            {
                document.rollbackOnClose();
                throw ex;
            }
        }
        catch (final RuntimeException | Error ex)
        {
            throw new JournalWriteException("journal append failed at batch " + batchSequence, ex);
        }
        final long index = appender.lastIndexAppended();
        appendedCycle = queue.rollCycle().toCycle(index);
        return index;
    }

    private void writeEvents(final Bytes<?> bytes, final DirectBuffer events, final int offset, final int length)
    {
        final byte[] array = events.byteArray();
        if (array != null)
        {
            bytes.write(array, (int)events.wrapAdjustment() + offset, length);
            return;
        }
        if (copyBuffer.length < length)
        {
            copyBuffer = new byte[Math.max(length, copyBuffer.length * 2)];
        }
        events.getBytes(offset, copyBuffer, 0, length);
        bytes.write(copyBuffer, 0, length);
    }

    /** Readies one of the pages the next appends will write, when they are not all ready already. */
    @Override
    public int prepareAhead()
    {
        return pretoucher == null || appendedCycle == Integer.MIN_VALUE ? 0
            : pretoucher.prepare(appendedCycle, appendedEnd, PAGES_PER_PREPARE);
    }

    @Override
    public JournalReader reader(final long afterIndex)
    {
        return new ChronicleReader(queue.createTailer(), afterIndex);
    }

    @Override
    public long lastIndex()
    {
        final long last = queue.lastIndex();
        return last < 0 ? JournalReader.START : last;
    }

    @Override
    public long countAfter(final long afterIndex)
    {
        final long last = queue.lastIndex();
        if (last < 0)
        {
            return 0;
        }
        final long from = afterIndex == JournalReader.START ? queue.firstIndex() : afterIndex;
        final long count = queue.countExcerpts(from, last) + 1;
        return afterIndex == JournalReader.START ? count : count - 1;
    }

    /** Deletes rolled files whose whole cycle lies before both {@code keepFromIndex} and {@code olderThanMs}. */
    @Override
    public int deleteBefore(final long keepFromIndex, final long olderThanMs)
    {
        final int keepCycle = queue.rollCycle().toCycle(keepFromIndex);
        final long cycleMs = queue.rollCycle().lengthInMillis();
        int deleted = 0;
        for (final Map.Entry<Integer, File> entry : releasedCycleFiles.entrySet())
        {
            final int cycle = entry.getKey();
            final boolean old = (cycle + 1L) * cycleMs <= olderThanMs;
            if (cycle < keepCycle && cycle < queue.cycle() && old)
            {
                if (entry.getValue().delete())
                {
                    deleted++;
                }
                releasedCycleFiles.remove(cycle);
            }
        }
        return deleted;
    }

    public RollCycles rollCycle()
    {
        return (RollCycles)queue.rollCycle();
    }

    @Override
    public void close()
    {
        if (pretoucher != null)
        {
            pretoucher.close();
        }
        appender.close();
        queue.close();
    }

    private static final class ChronicleReader implements JournalReader
    {
        private final ExcerptTailer tailer;
        private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
        private long lastIndex;

        ChronicleReader(final ExcerptTailer tailer, final long afterIndex)
        {
            this.tailer = tailer;
            this.lastIndex = afterIndex;
            if (afterIndex == START)
            {
                tailer.toStart();
            }
            else if (tailer.moveToIndex(afterIndex))
            {
                skipOne();
            }
            else
            {
                throw new IllegalArgumentException("journal has no record at index " + afterIndex);
            }
        }

        private void skipOne()
        {
            try (DocumentContext document = tailer.readingDocument())
            {
                if (!document.isPresent())
                {
                    throw new IllegalArgumentException("journal has no record at index " + lastIndex);
                }
            }
        }

        @Override
        public int poll(final JournalRecordHandler handler, final int limit)
        {
            int read = 0;
            while (read < limit)
            {
                try (DocumentContext document = tailer.readingDocument())
                {
                    if (!document.isPresent())
                    {
                        break;
                    }
                    final Bytes<?> bytes = document.wire().bytes();
                    final long length = bytes.readRemaining();
                    view.wrap(bytes.addressForRead(bytes.readPosition()), (int)length);
                    lastIndex = document.index();
                    handler.onRecord(
                        lastIndex,
                        view.getLong(JournalRecord.BATCH_SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN),
                        view.getLong(JournalRecord.SESSION_ID_OFFSET, ByteOrder.LITTLE_ENDIAN),
                        view,
                        JournalRecord.EVENTS_OFFSET,
                        (int)length - JournalRecord.HEADER_LENGTH);
                    read++;
                }
            }
            return read;
        }

        @Override
        public long lastIndex()
        {
            return lastIndex;
        }

        @Override
        public void close()
        {
            tailer.close();
        }
    }
}
