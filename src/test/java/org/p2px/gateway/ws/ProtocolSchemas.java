package org.p2px.gateway.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The messages of src/main/resources/asyncapi.yaml as JSON schemas: one per operation's request and reply, one per
 * channel's push type. Each schema is the whole document with a root {@code $ref} to the message's payload, so the
 * payload's own references into {@code #/components/schemas} resolve.
 */
final class ProtocolSchemas
{
    static final ProtocolSchemas DOCUMENT = new ProtocolSchemas(load());

    private final JsonNode document;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<String, JsonSchema> byPointer = new ConcurrentHashMap<>();

    private ProtocolSchemas(final JsonNode document)
    {
        this.document = document;
    }

    JsonNode document()
    {
        return document;
    }

    boolean hasMessage(final String message)
    {
        return document.path("components").path("messages").has(message);
    }

    /** The message's key for an operation's request or reply, e.g. {@code order_take.reply}. */
    static String operationMessage(final String op, final String kind)
    {
        return op.replace('.', '_') + "." + kind;
    }

    /** The message's key for a push, e.g. {@code book.delta} for a delta on {@code book.USDT-EUR}. */
    static String pushMessage(final String channel, final String type)
    {
        final int dot = channel.indexOf('.');
        return (dot < 0 ? channel : channel.substring(0, dot)) + "." + type;
    }

    /** What is wrong with the frame as this message, empty when it matches. */
    Set<String> violations(final String message, final JsonNode frame)
    {
        if (!hasMessage(message))
        {
            return Set.of("no message '" + message + "' in asyncapi.yaml");
        }
        return violationsAt("#/components/messages/" + message + "/payload", frame);
    }

    /** What is wrong with the frame as the component schema, e.g. {@code Push}; empty when it matches. */
    Set<String> violationsOfSchema(final String schema, final JsonNode frame)
    {
        return violationsAt("#/components/schemas/" + schema, frame);
    }

    private Set<String> violationsAt(final String pointer, final JsonNode frame)
    {
        return byPointer.computeIfAbsent(pointer, this::compile).validate(frame).stream()
            .map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    /** Whether the document's error code schema allows the code. */
    boolean allowsErrorCode(final String code)
    {
        final JsonNode reply = WsClient.JSON.createObjectNode().put("id", "x").put("ok", false)
            .set("error", WsClient.JSON.createObjectNode().put("code", code).put("message", "m"));
        return violations("ping.reply", reply).isEmpty();
    }

    List<String> messageNames()
    {
        return List.copyOf(iterable(document.path("components").path("messages")));
    }

    private JsonSchema compile(final String pointer)
    {
        final ObjectNode root = document.deepCopy();
        root.put("$ref", pointer);
        return factory.getSchema(root);
    }

    private static List<String> iterable(final JsonNode node)
    {
        final List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode load()
    {
        try (InputStream in = ProtocolSchemas.class.getClassLoader().getResourceAsStream("asyncapi.yaml"))
        {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
