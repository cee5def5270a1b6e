package org.p2px.readmodel;

/**
 * What an API key may do. Each becomes a role of the key's security identity, so endpoints say
 * {@code @RolesAllowed("TRADE")}; a signed-in person's access token carries READ and TRADE as well.
 */
public enum ApiPermission
{
    READ,
    TRADE,
    RELEASE
}
