package org.p2px.gateway.rest;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.p2px.api.ErrorMessages;
import org.p2px.api.GatewayError;
import org.p2px.codec.ErrorCode;

/**
 * The catalogue of stable error codes, so that bot writers can map every refusal without reading the source.
 */
@Path("/api/v1/error-codes")
@Produces(MediaType.APPLICATION_JSON)
public class ErrorCodesResource
{
    /**
     * One error code: its name (what clients match on), its HTTP status, its number (the core's codes; 0 for the
     * gateways' own), its kind, and the message users see.
     */
    public record ErrorCodeView(String code, int status, int number, String kind, String message)
    {
    }

    @GET
    public List<ErrorCodeView> list()
    {
        final Stream<ErrorCodeView> core = Arrays.stream(ErrorCode.values())
            .filter(code -> code != ErrorCode.NULL_VAL)
            .map(code -> new ErrorCodeView(code.name(), ErrorMessages.httpStatus(code), code.value(),
                ErrorMessages.kind(code), ErrorMessages.message(code)));
        final Stream<ErrorCodeView> gateway = Arrays.stream(GatewayError.values())
            .map(error -> new ErrorCodeView(error.name(), error.status(), 0, ErrorMessages.kind(error), error.message()));
        return Stream.concat(core, gateway).toList();
    }
}
