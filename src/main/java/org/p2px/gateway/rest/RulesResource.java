package org.p2px.gateway.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.p2px.gateway.trade.TradingRules;
import org.p2px.gateway.view.RulesView;

/** The trading rules in force: public, traders plan by them (an admin changes them: AdminTradingResource). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rules")
public class RulesResource
{
    private final TradingRules rules;

    public RulesResource(final TradingRules rules)
    {
        this.rules = rules;
    }

    @GET
    @Path("/rules")
    @Operation(summary = "The trading rules in force: payment windows, cancel limits, restrictions, caps")
    public RulesView current()
    {
        return rules.current();
    }
}
