package org.p2px.gateway.rest;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the generated OpenAPI document where annotations cannot say it once for all: every operation's
 * failures are the one error body ({@code {"code", "message"}}, as the {@code default} response: any status the
 * operation does not list), and every operation that takes a bearer token also takes an API-key signature (three
 * headers, docs/api.md). The test suite checks every request's answer against the document served.
 */
public class OpenApiContract implements OASFilter
{
    static final String ERROR = "Error";
    static final String API_KEY = "ApiKeySignature";

    @Override
    public void filterOpenAPI(final OpenAPI openApi)
    {
        if (openApi.getComponents() == null)
        {
            openApi.setComponents(OASFactory.createComponents());
        }
        openApi.getComponents().addSchema(ERROR, OASFactory.createSchema()
            .type(java.util.List.of(Schema.SchemaType.OBJECT))
            .description("Every failure: a stable code clients match on, and a message for people.")
            .addProperty("code", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING))
                .description("UPPER_SNAKE_CASE; the list: GET /api/v1/error-codes"))
            .addProperty("message", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)))
            .addRequired("code").addRequired("message"));
        openApi.getComponents().addSecurityScheme(API_KEY, OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-P2PX-APIKEY")
            .description("An API key's id, with X-P2PX-TIMESTAMP (epoch ms) and X-P2PX-SIGNATURE (lowercase hex "
                + "HMAC-SHA256 under the key's secret of timestamp, METHOD, path, raw query and body, joined by newlines); "
                + "see docs/api.md. Each signature is accepted once."));
        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null)
        {
            return;
        }
        for (final PathItem path : openApi.getPaths().getPathItems().values())
        {
            for (final Map.Entry<PathItem.HttpMethod, Operation> entry : path.getOperations().entrySet())
            {
                complete(entry.getValue());
            }
        }
    }

    private static org.eclipse.microprofile.openapi.models.media.Content errorBody()
    {
        return OASFactory.createContent().addMediaType("application/json",
            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERROR)));
    }

    private static void complete(final Operation operation)
    {
        if (operation.getResponses() == null)
        {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getResponses().getDefaultValue() == null)
        {
            operation.getResponses().setDefaultValue(OASFactory.createAPIResponse()
                .description("A failure (4xx, 5xx): the error body").content(errorBody()));
        }
        // The 401 and 403 generated for secured operations say nothing of their body: it is the error body too.
        final Map<String, org.eclipse.microprofile.openapi.models.responses.APIResponse> listed =
            operation.getResponses().getAPIResponses();
        if (listed != null)
        {
            listed.forEach((status, response) ->
            {
                if ((status.startsWith("4") || status.startsWith("5")) && response.getContent() == null)
                {
                    response.setContent(errorBody());
                }
            });
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()
            && operation.getSecurity().stream().noneMatch(requirement -> requirement.hasScheme(API_KEY)))
        {
            final SecurityRequirement apiKey = OASFactory.createSecurityRequirement().addScheme(API_KEY);
            operation.addSecurityRequirement(apiKey);
        }
    }
}
