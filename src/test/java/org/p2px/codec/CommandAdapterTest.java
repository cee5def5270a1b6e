package org.p2px.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class CommandAdapterTest
{
    @Test
    void anUnknownMessageShorterThanTheCommandPrefixIsAnsweredWithoutReadingPastItsEnd()
    {
        final long[] seen = new long[3];
        final CommandHandler handler = (CommandHandler)Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[]{ CommandHandler.class }, (proxy, method, args) ->
            {
                if (method.getName().equals("onUnknownCommand"))
                {
                    seen[0] = (long)args[0];
                    seen[1] = (long)args[1];
                    seen[2] = (int)args[2];
                }
                return null;
            });
        // Only the 8-byte header, block length 0, template 99: followed in the buffer by bytes that are not its own.
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        new MessageHeaderEncoder().wrap(buffer, 0).blockLength(0).templateId(99)
            .schemaId(MessageHeaderEncoder.SCHEMA_ID).version(0);
        buffer.putLong(8, 4_102_444_800_000L);
        buffer.putLong(16, 4_102_444_800_000L);

        new CommandAdapter(handler).onCommand(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH);

        assertEquals(0, seen[0]);
        assertEquals(0, seen[1], "the bytes after the message are not its timestamp");
        assertEquals(99, seen[2]);

        final UnsafeBuffer exact = new UnsafeBuffer(new byte[MessageHeaderEncoder.ENCODED_LENGTH]);
        exact.putBytes(0, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH);
        new CommandAdapter(handler).onCommand(exact, 0, MessageHeaderEncoder.ENCODED_LENGTH);
        assertEquals(99, seen[2]);
    }
}
