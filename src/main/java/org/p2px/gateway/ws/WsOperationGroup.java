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

    /**
     * A trading command answered from the live view: on a worker it waits for the answer; where {@code nonBlocking}
     * says so for the caller, it runs on the event loop and its reply is built when the answer comes.
     */
    static WsOperation command(final String name, final java.util.function.Predicate<org.p2px.gateway.Caller> nonBlocking,
        final CommandHandler handler)
    {
        return new WsOperation()
        {
            @Override
            public String name()
            {
                return name;
            }

            @Override
            public Object invoke(final org.p2px.gateway.Caller caller, final com.fasterxml.jackson.databind.JsonNode args)
            {
                return handler.send(caller, args).await();
            }

            @Override
            public boolean nonBlocking(final org.p2px.gateway.Caller caller)
            {
                return nonBlocking.test(caller);
            }

            @Override
            public java.util.concurrent.CompletionStage<?> invokeNonBlocking(final org.p2px.gateway.Caller caller,
                final com.fasterxml.jackson.databind.JsonNode args, final java.util.concurrent.Executor loop,
                final java.util.concurrent.Executor workers)
            {
                return handler.send(caller, args).answerOn(loop, workers);
            }
        };
    }

    /** A command operation: checks its args and sends the command. */
    @FunctionalInterface
    interface CommandHandler
    {
        org.p2px.gateway.trade.SentCommand<?, ?> send(org.p2px.gateway.Caller caller,
            com.fasterxml.jackson.databind.JsonNode args);
    }

    /** The body of an operation. */
    @FunctionalInterface
    interface Handler
    {
        Object invoke(org.p2px.gateway.Caller caller, com.fasterxml.jackson.databind.JsonNode args);
    }
}
