package org.p2px.gateway.trade;

import jakarta.enterprise.context.ApplicationScoped;

import org.agrona.MutableDirectBuffer;
import org.p2px.codec.CommandProxy;
import org.p2px.core.CoreConfig;
import org.p2px.core.RulesCodec;
import org.p2px.gateway.Caller;
import org.p2px.gateway.view.RulesView;
import org.p2px.live.Command;
import org.p2px.readmodel.ApiPermission;
import org.p2px.server.CoreCommands;

/** Reads the rules in force from the live view and sends an admin's change through the core. */
@ApplicationScoped
public class TradingRules
{
    private final CoreCommands core;

    public TradingRules(final CoreCommands core)
    {
        this.core = core;
    }

    public RulesView current()
    {
        return RulesView.of(core.read(state -> state.rules()));
    }

    /** The core checks that the caller is an admin (NOT_ADMIN) and answers with the rules now in force. */
    public RulesView change(final Caller caller, final RulesView body)
    {
        caller.require(ApiPermission.TRADE);
        final CoreConfig rules = body.toCoreConfig();
        return RulesView.of(core.send(new SetRules(caller.userId(), rules), (reply, state) -> state.rules()));
    }

    /** SetRules is longer than the usual command slot: it asks for one of its own size. */
    private record SetRules(long actorId, CoreConfig rules) implements Command
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
}
