package org.p2px.gateway.rest;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import org.p2px.gateway.Caller;

/**
 * Gives every identity authenticated over HTTP the client's address ({@link Caller#ADDRESS}), so that the
 * {@link Caller} of a REST request carries it to the audit log as a WebSocket's caller does, whichever mechanism
 * (bearer token, API key) authenticated it. Identities made without a request (a WebSocket sign-in over an open
 * connection) are left as they are.
 */
@ApplicationScoped
public class ClientAddressAugmentor implements SecurityIdentityAugmentor
{
    @Override
    public Uni<SecurityIdentity> augment(final SecurityIdentity identity, final AuthenticationRequestContext context)
    {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(final SecurityIdentity identity, final AuthenticationRequestContext context,
        final Map<String, Object> attributes)
    {
        final RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        final SocketAddress remote = routing == null ? null : routing.request().remoteAddress();
        if (identity.isAnonymous() || remote == null)
        {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
            .addAttribute(Caller.ADDRESS, remote.hostAddress()).build());
    }
}
