package org.p2px.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import org.p2px.gateway.Caller;

/**
 * A test-only endpoint that needs TRADE and echoes its body: the trading endpoints that will need signed bodies
 * come with the next slice, and the signing of bodies must be tested now.
 */
@Path("/test/signed-echo")
public class SignedEchoResource
{
    private final SecurityIdentity identity;

    public SignedEchoResource(final SecurityIdentity identity)
    {
        this.identity = identity;
    }

    public record Echo(long userId, String note, String body)
    {
    }

    @POST
    @RolesAllowed("TRADE")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Echo echo(@QueryParam("note") final String note, final String body)
    {
        return new Echo(Caller.of(identity).userId(), note, body);
    }
}
