package org.p2px.testing;

import java.util.concurrent.atomic.AtomicBoolean;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Checks every REST Assured request of the test suite, and its answer, against the OpenAPI document the server
 * serves ({@code /q/openapi}): a status, a body or a parameter that the document does not describe fails the test
 * that sent it, so the document stays what a generated client can rely on. A Quarkus test callback
 * (META-INF/services), so that it reaches the REST Assured of the tests' own class loader; the document is read on
 * the first request, once the test server's port is known.
 */
public final class ContractCheck implements QuarkusTestBeforeEachCallback
{
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    @Override
    public void beforeEach(final QuarkusTestMethodContext context)
    {
        if (INSTALLED.compareAndSet(false, true))
        {
            RestAssured.filters(new LazyValidation());
        }
    }

    /** The validator, built from the served document on first use. */
    private static final class LazyValidation implements Filter
    {
        private OpenApiValidationFilter validation;

        @Override
        public Response filter(final FilterableRequestSpecification request, final FilterableResponseSpecification response,
            final FilterContext context)
        {
            if (!request.getURI().contains("/api/v1/"))
            {
                return context.next(request, response);
            }
            return validation(request).filter(request, response, context);
        }

        private synchronized OpenApiValidationFilter validation(final FilterableRequestSpecification request)
        {
            if (validation == null)
            {
                final String base = request.getURI().substring(0, request.getURI().indexOf("/api/v1/"));
                validation = new OpenApiValidationFilter(OpenApiInteractionValidator
                    .createForSpecificationUrl(base + "/q/openapi?format=json")
                    // Answers are checked; requests are not, because many tests send wrong ones on purpose (the
                    // document describes the right ones).
                    .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                    .build());
            }
            return validation;
        }
    }
}
