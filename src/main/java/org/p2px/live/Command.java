package org.p2px.live;

import org.agrona.MutableDirectBuffer;
import org.p2px.codec.CommandProxy;

/** Encodes one command with the calling thread's proxy, in place at {@code offset}, and returns its length. */
@FunctionalInterface
public interface Command
{
    int encode(CommandProxy proxy, MutableDirectBuffer buffer, int offset, long correlationId);

    /** The most bytes {@link #encode} writes; the usual slot, unless a command says otherwise (SetRules). */
    default int maxLength()
    {
        return CommandProxy.MAX_LENGTH;
    }
}
