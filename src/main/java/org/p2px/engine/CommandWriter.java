package org.p2px.engine;

import org.agrona.MutableDirectBuffer;

/**
 * Writes one SBE command straight into its slot on the inbound ring buffer (as {@code org.p2px.codec.CommandProxy}
 * encodes it) and returns the command's length. At most {@link CommandPublisher#maxCommandLength()} bytes fit.
 */
@FunctionalInterface
public interface CommandWriter
{
    int write(MutableDirectBuffer buffer, int offset);
}
