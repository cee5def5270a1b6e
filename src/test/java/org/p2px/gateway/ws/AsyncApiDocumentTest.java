package org.p2px.gateway.ws;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.p2px.api.GatewayError;
import org.p2px.codec.ErrorCode;

/** The AsyncAPI document is served, and describes every operation, channel and error code the server has. */
@QuarkusTest
class AsyncApiDocumentTest
{
    /** Registered by the tests only (TestOperations), not part of the protocol. */
    private static final String TEST_OPERATIONS = "test.";

    @Inject
    WsOperations operations;

    @Test
    void isServedNextToOpenApiAndParses() throws Exception
    {
        final String yaml = given().when().get("/q/asyncapi").then().statusCode(200)
            .contentType("application/yaml").extract().asString();
        final JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        assertEquals("3.0.0", document.path("asyncapi").asText());
        assertEquals("ws", document.path("servers").path("local").path("protocol").asText());
    }

    @Test
    void everyOperationHasItsRequestAndReply()
    {
        final ProtocolSchemas schemas = ProtocolSchemas.DOCUMENT;
        final List<String> missing = operations.names().stream().filter(op -> !op.startsWith(TEST_OPERATIONS))
            .flatMap(op -> Stream.of(ProtocolSchemas.operationMessage(op, "request"),
                ProtocolSchemas.operationMessage(op, "reply")))
            .filter(message -> !schemas.hasMessage(message)).toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void everyChannelHasItsSnapshotAndUpdates()
    {
        final List<String> channels = List.of("orders", "balances", "chat", "disputes", "book.USDT-EUR", "index.USDT-EUR");
        channels.forEach(channel -> assertTrue(Channels.isPrivate(channel) || Channels.isStaff(channel)
            || Channels.isPublic(channel), channel));
        final List<String> messages = List.of(
            ProtocolSchemas.pushMessage("orders", "snapshot"), ProtocolSchemas.pushMessage("orders", "order"),
            ProtocolSchemas.pushMessage("balances", "snapshot"), ProtocolSchemas.pushMessage("balances", "balance"),
            ProtocolSchemas.pushMessage("chat", "snapshot"), ProtocolSchemas.pushMessage("chat", "message"),
            ProtocolSchemas.pushMessage("disputes", "snapshot"), ProtocolSchemas.pushMessage("disputes", "order"),
            ProtocolSchemas.pushMessage("disputes", "message"),
            ProtocolSchemas.pushMessage("book.USDT-EUR", "snapshot"), ProtocolSchemas.pushMessage("book.USDT-EUR", "delta"),
            ProtocolSchemas.pushMessage("index.USDT-EUR", "snapshot"), ProtocolSchemas.pushMessage("index.USDT-EUR", "index"));
        assertEquals(List.of(), messages.stream().filter(m -> !ProtocolSchemas.DOCUMENT.hasMessage(m)).toList());
        final JsonNode documented = ProtocolSchemas.DOCUMENT.document().path("channels");
        Stream.of("orders", "balances", "chat", "disputes", "book", "index")
            .forEach(channel -> assertTrue(documented.has(channel), channel));
    }

    @Test
    void aReplyThatIsNotItsOperationsIsAViolation()
    {
        final JsonNode halfAnOrder = WsClient.JSON.createObjectNode().put("id", "o-1").put("ok", true)
            .set("result", WsClient.JSON.createObjectNode().put("id", 1));
        assertTrue(!ProtocolSchemas.DOCUMENT.violations("order_get.reply", halfAnOrder).isEmpty());
    }

    @Test
    void everyErrorCodeIsAllowed()
    {
        final List<String> refused = Stream.concat(Stream.of(GatewayError.values()).map(Enum::name),
                Stream.of(ErrorCode.values()).filter(code -> code != ErrorCode.NULL_VAL).map(Enum::name))
            .filter(code -> !ProtocolSchemas.DOCUMENT.allowsErrorCode(code)).toList();
        assertEquals(List.of(), refused);
        assertTrue(!ProtocolSchemas.DOCUMENT.allowsErrorCode("not a code"));
    }

    @Test
    void theErrorCodesAreExactlyTheCatalogue()
    {
        final java.util.Set<String> documented = new java.util.TreeSet<>();
        ProtocolSchemas.DOCUMENT.document().path("components").path("schemas").path("ErrorCode").path("enum")
            .forEach(code -> documented.add(code.asText()));
        final java.util.Set<String> catalogue = new java.util.TreeSet<>(io.restassured.RestAssured
            .get("/api/v1/error-codes").then().statusCode(200).extract().jsonPath().getList("code", String.class));
        assertEquals(catalogue, documented);
    }
}
