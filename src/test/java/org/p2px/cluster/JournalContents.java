package org.p2px.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.agrona.DirectBuffer;
import org.p2px.codec.CommandAcceptedDecoder;
import org.p2px.codec.EventAdapter;
import org.p2px.codec.EventHandler;
import org.p2px.core.CoreConfig;
import org.p2px.core.TradingCore;
import org.p2px.journal.ChronicleJournal;
import org.p2px.journal.JournalReader;

/**
 * What a node's journal holds, read from the test process while the node may still write it: every batch in order
 * (bytes), the correlation ids of the accepted commands (a duplicate is remembered), and the digest of a core that
 * applied it all.
 */
final class JournalContents implements EventHandler
{
    final List<byte[]> batches = new ArrayList<>();
    final Set<Long> accepted = new HashSet<>();
    final List<Long> duplicates = new ArrayList<>();
    long lastSequence;
    boolean gap;
    long digest;

    private JournalContents()
    {
    }

    static JournalContents read(final Path directory)
    {
        final JournalContents contents = new JournalContents();
        if (!Files.isDirectory(directory))
        {
            return contents;
        }
        final TradingCore core = new TradingCore(CoreConfig.genesis());
        final EventAdapter adapter = new EventAdapter(contents);
        try (ChronicleJournal journal = ChronicleJournal.openReadOnly(directory);
            JournalReader reader = journal.reader(JournalReader.START))
        {
            while (reader.poll((index, sequence, session, events, offset, length) ->
                contents.add(core, adapter, sequence, events, offset, length), 1024) > 0)
            {
                // to the end
            }
        }
        contents.digest = core.digest();
        return contents;
    }

    private void add(final TradingCore core, final EventAdapter adapter, final long sequence, final DirectBuffer events,
        final int offset, final int length)
    {
        gap |= sequence != lastSequence + 1;
        lastSequence = sequence;
        final byte[] bytes = new byte[length];
        events.getBytes(offset, bytes);
        batches.add(bytes);
        adapter.onBatch(events, offset, length);
        core.apply(events, offset, length);
    }

    @Override
    public void onCommandAccepted(final CommandAcceptedDecoder event)
    {
        if (!accepted.add(event.correlationId()))
        {
            duplicates.add(event.correlationId());
        }
    }

    /** Whether every batch of this journal is the same, in the same place, in {@code other}. */
    boolean isPrefixOf(final JournalContents other)
    {
        if (batches.size() > other.batches.size())
        {
            return false;
        }
        for (int i = 0; i < batches.size(); i++)
        {
            if (!java.util.Arrays.equals(batches.get(i), other.batches.get(i)))
            {
                return false;
            }
        }
        return true;
    }
}
