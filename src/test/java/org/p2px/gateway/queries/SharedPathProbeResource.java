package org.p2px.gateway.queries;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Stands in for the order commands' resource, which shares {@code /api/v1/orders} with the query resources: both
 * must be reachable, whatever each calls its path parameter.
 */
@Path("/api/v1/orders")
@Produces(MediaType.TEXT_PLAIN)
public class SharedPathProbeResource
{
    @POST
    @Path("/{id}/shared-path-probe")
    public String probe(@PathParam("id") final long id)
    {
        return "probe " + id;
    }
}
