package org.p2px.gateway.feed;

/** An ad that left a book window, and why (a {@link RemovalReason} name). */
public record BookRemoval(long id, String reason)
{
}
