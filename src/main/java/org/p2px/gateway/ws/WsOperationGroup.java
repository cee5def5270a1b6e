package org.p2px.gateway.ws;

import java.util.List;

/**
 * Several operations from one bean, for a family of thin ones (the trading operations map one to one onto the
 * services both gateways share). {@link WsOperations} registers each of them like a {@link WsOperation} bean.
 */
public interface WsOperationGroup
{
    List<WsOperation> operations();

    /** A named operation from a lambda. */
    static WsOperation of(final String name, final boolean anonymous, final Handler handler)
    {
        return new WsOperation()
        {
            @Override
            public String name()
            {
                return name;
            }

            @Override
            public boolean anonymous()
            {
                return anonymous;
            }

            @Override
            public Object invoke(final org.p2px.gateway.Caller caller, final com.fasterxml.jackson.databind.JsonNode args)
            {
                return handler.invoke(caller, args);
            }
        };
    }

    /** The body of an operation. */
    @FunctionalInterface
    interface Handler
    {
        Object invoke(org.p2px.gateway.Caller caller, com.fasterxml.jackson.databind.JsonNode args);
    }
}
