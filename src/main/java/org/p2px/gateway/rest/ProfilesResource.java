package org.p2px.gateway.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.p2px.gateway.ReadModels;
import org.p2px.gateway.view.FeedbackView;
import org.p2px.gateway.view.PageView;
import org.p2px.gateway.view.ProfileView;

/** A user's public profile and the ratings it received. Public: what a taker checks before trading. */
@Path("/api/v1/users/{userId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Profiles", description = "Public profiles and ratings")
public class ProfilesResource
{
    private static final int DEFAULT_PAGE_SIZE = 20;

    private final ReadModels readModels;

    public ProfilesResource(final ReadModels readModels)
    {
        this.readModels = readModels;
    }

    @GET
    @Path("/profile")
    @Operation(summary = "Completed orders, completion rate, average pay and release times, ratings, age, online")
    public ProfileView profile(@PathParam("userId") final long userId)
    {
        return readModels.profile(userId);
    }

    @GET
    @Path("/feedback")
    @Operation(summary = "The ratings the user received, newest first")
    public PageView<FeedbackView> feedback(
        @PathParam("userId") final long userId, @QueryParam("page") final String page,
        @QueryParam("size") final String size)
    {
        return readModels.feedbackFor(userId, QueryParams.intOr(page, 0, "page"),
            QueryParams.intOr(size, DEFAULT_PAGE_SIZE, "size"));
    }
}
