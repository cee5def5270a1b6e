package org.p2px.server;

import org.agrona.MutableDirectBuffer;
import org.p2px.codec.CommandProxy;
import org.p2px.core.CoreConfig;
import org.p2px.core.RulesCodec;
import org.p2px.live.Command;

/**
 * SetRules by {@code actorId} (0: the system itself, as the engine journals its configured rules). It is longer than
 * the usual command slot, so it asks for one of its own size.
 */
public record SetRulesCommand(long actorId, CoreConfig rules) implements Command
{
    @Override
    public int encode(final CommandProxy proxy, final MutableDirectBuffer buffer, final int offset,
        final long correlationId)
    {
        return proxy.setRules(buffer, offset, correlationId, 0, actorId, out -> RulesCodec.encode(rules, out));
    }

    @Override
    public int maxLength()
    {
        return CommandProxy.SET_RULES_LENGTH;
    }
}
