package org.p2px.engine;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;
import org.p2px.codec.CommandNames;
import org.p2px.codec.ErrorCode;

/**
 * What the core thread counts, for readers on other threads (the metrics): commands by template id, rejections by
 * code, time spent working, the journal's position, failed appends, and a sample of append latencies. The core
 * thread is the only writer of each count, so a count is a plain read and a release store (a plain store on x86:
 * no lock, no atomic read-modify-write), and a reader sees it at most a moment late. Nothing here allocates.
 */
public final class CoreCounters
{
    /** Appends slower than this are recorded as this: a histogram with a bounded range never resizes. */
    public static final long MAX_RECORDED_NANOS = 60_000_000_000L;
    /** Latencies to within 1 %: about 30 KB per histogram instead of 220 KB for 0.1 %. */
    public static final int SIGNIFICANT_DIGITS = 2;
    /** Commands whose template id is outside the commands' band are counted here. */
    private static final int OUT_OF_BAND_SLOT = 0;

    private final AtomicLongArray commands = new AtomicLongArray(CommandNames.MAX_TEMPLATE_ID + 1);
    private final AtomicLongArray rejections = new AtomicLongArray(ErrorCode.values().length);
    private final AtomicLong busyNanos = new AtomicLong();
    private final AtomicLong journaledSequence = new AtomicLong();
    private final AtomicLong appendFailures = new AtomicLong();
    private final SingleWriterRecorder appendLatency = new SingleWriterRecorder(1, MAX_RECORDED_NANOS, SIGNIFICANT_DIGITS);

    // Written by the core thread only.

    void commandDecided(final int templateId)
    {
        final int slot = templateId > 0 && templateId <= CommandNames.MAX_TEMPLATE_ID ? templateId : OUT_OF_BAND_SLOT;
        commands.setRelease(slot, commands.getPlain(slot) + 1);
    }

    void rejected(final ErrorCode code)
    {
        final int slot = code.ordinal();
        rejections.setRelease(slot, rejections.getPlain(slot) + 1);
    }

    void worked(final long nanos)
    {
        busyNanos.setRelease(busyNanos.getPlain() + nanos);
    }

    void journaled(final long batchSequence)
    {
        journaledSequence.setRelease(batchSequence);
    }

    void appendTook(final long nanos)
    {
        appendLatency.recordValue(Math.min(Math.max(nanos, 0), MAX_RECORDED_NANOS));
    }

    void appendFailed()
    {
        appendFailures.setRelease(appendFailures.getPlain() + 1);
    }

    // Read by anyone.

    /** Commands of this type decided (or refused while the engine had failed). */
    public long commands(final int templateId)
    {
        return commands.get(templateId);
    }

    /** Messages with a template id that is no command's (answered UNKNOWN_COMMAND). */
    public long unknownCommands()
    {
        long unknown = 0;
        for (int templateId = 0; templateId < commands.length(); templateId++)
        {
            if (CommandNames.of(templateId) == null)
            {
                unknown += commands.get(templateId);
            }
        }
        return unknown;
    }

    /** Commands answered with a CommandRejected of this code (journaled rejections, and SERVICE_UNAVAILABLE). */
    public long rejections(final ErrorCode code)
    {
        return rejections.get(code.ordinal());
    }

    /** Time the core thread spent in duty cycles that found work: its duty cycle is the rate of this. */
    public long busyNanos()
    {
        return busyNanos.get();
    }

    /** The last batch appended to the journal (the recovered one before any). */
    public long journaledSequence()
    {
        return journaledSequence.get();
    }

    /** Appends that failed (each fails the engine stop, so this is 0 or 1 until a restart). */
    public long appendFailures()
    {
        return appendFailures.get();
    }

    /**
     * Moves the append latencies (nanoseconds) recorded since the last call into {@code into}, replacing what it
     * held. For one reader: each latency is handed out once.
     */
    public void appendLatenciesSinceLastRead(final Histogram into)
    {
        appendLatency.getIntervalHistogramInto(into);
    }
}
