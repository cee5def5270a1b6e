package org.p2px.gateway.ws;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import org.p2px.gateway.Caller;
import org.p2px.readmodel.ApiPermission;

/** Operations that exist only in the tests, to drive the dispatcher: who am I, a bug, a refusal, a slow one. */
final class TestOperations
{
    private TestOperations()
    {
    }

    @ApplicationScoped
    static class WhoAmI implements WsOperation
    {
        @Override
        public String name()
        {
            return "test.whoami";
        }

        @Override
        public Object invoke(final Caller caller, final JsonNode args)
        {
            return Map.of("userId", caller.userId(), "person", caller.person(), "args", args);
        }
    }

    @ApplicationScoped
    static class Anonymous implements WsOperation
    {
        @Override
        public String name()
        {
            return "test.public";
        }

        @Override
        public boolean anonymous()
        {
            return true;
        }

        @Override
        public Object invoke(final Caller caller, final JsonNode args)
        {
            return Map.of("signedIn", caller != null);
        }
    }

    @ApplicationScoped
    static class Trade implements WsOperation
    {
        @Override
        public String name()
        {
            return "test.trade";
        }

        @Override
        public Object invoke(final Caller caller, final JsonNode args)
        {
            caller.require(ApiPermission.TRADE);
            return Map.of("traded", true);
        }
    }

    @ApplicationScoped
    static class Bug implements WsOperation
    {
        @Override
        public String name()
        {
            return "test.bug";
        }

        @Override
        public boolean anonymous()
        {
            return true;
        }

        @Override
        public Object invoke(final Caller caller, final JsonNode args)
        {
            throw new IllegalStateException("secret internal detail");
        }
    }

    /** Sleeps {@code millis}: later requests of the connection wait, so replies stay in order. */
    @ApplicationScoped
    static class Slow implements WsOperation
    {
        @Override
        public String name()
        {
            return "test.slow";
        }

        @Override
        public boolean anonymous()
        {
            return true;
        }

        @Override
        public Object invoke(final Caller caller, final JsonNode args)
        {
            try
            {
                Thread.sleep(args.path("millis").asLong(100));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            return Map.of("slept", true);
        }
    }
}
