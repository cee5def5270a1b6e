package org.p2px.gateway.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.p2px.gateway.Caller;
import org.p2px.gateway.LiveQueries;
import org.p2px.gateway.view.AdView;

/**
 * Reading one ad (its link). Public; the caller, when signed in, sees its own CLOSED ads too. Shares the class
 * path with the ad commands' resource: JAX-RS serves the methods of both.
 */
@Path("/api/v1/ads")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ads")
public class AdQueriesResource
{
    private final SecurityIdentity identity;
    private final LiveQueries readModels;

    public AdQueriesResource(final SecurityIdentity identity, final LiveQueries readModels)
    {
        this.identity = identity;
        this.readModels = readModels;
    }

    @GET
    @Path("/{adId}")
    @Operation(summary = "One ad by id (a PRIVATE ad for its owner only); 404 UNKNOWN_AD")
    public AdView ad(@PathParam("adId") final long adId)
    {
        return readModels.ad(adId, identity.isAnonymous() ? null : Caller.of(identity));
    }

    @GET
    @Path("/link/{link}")
    @Operation(summary = "A PRIVATE ad by the link its owner shared; 404 UNKNOWN_AD")
    public AdView adByLink(@PathParam("link") final String link)
    {
        return readModels.adByLink(link, identity.isAnonymous() ? null : Caller.of(identity));
    }
}
