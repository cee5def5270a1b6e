package org.p2px.gateway.rest;

import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.p2px.codec.ErrorCode;
import org.p2px.gateway.ErrorMessages;

/**
 * The catalogue of stable error codes, so that bot writers can map every refusal without reading the source.
 */
@Path("/api/v1/error-codes")
@Produces(MediaType.APPLICATION_JSON)
public class ErrorCodesResource
{
    /** One error code: its name (what clients match on), its number, its kind, and the message users see. */
    public record ErrorCodeView(String code, int number, String kind, String message)
    {
    }

    @GET
    public List<ErrorCodeView> list()
    {
        return Arrays.stream(ErrorCode.values())
            .filter(code -> code != ErrorCode.NULL_VAL)
            .map(code -> new ErrorCodeView(code.name(), code.value(), ErrorMessages.kind(code), ErrorMessages.message(code)))
            .toList();
    }
}
