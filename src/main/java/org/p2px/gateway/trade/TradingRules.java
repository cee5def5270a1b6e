package org.p2px.gateway.trade;

import jakarta.enterprise.context.ApplicationScoped;

import org.p2px.core.CoreConfig;
import org.p2px.gateway.Caller;
import org.p2px.gateway.view.RulesView;
import org.p2px.readmodel.ApiPermission;
import org.p2px.server.CoreCommands;
import org.p2px.server.SetRulesCommand;

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
        return RulesView.of(core.send(new SetRulesCommand(caller.userId(), rules), (reply, state) -> state.rules()));
    }
}
