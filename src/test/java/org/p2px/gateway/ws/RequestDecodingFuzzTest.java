package org.p2px.gateway.ws;

import java.util.List;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.p2px.api.ApiException;
import org.p2px.api.Decimals;
import org.p2px.api.PaymentMethod;
import org.p2px.gateway.JsonShape;
import org.p2px.gateway.StrictJson;
import org.p2px.gateway.trade.AdTermsBody;
import org.p2px.gateway.trade.ExpressBody;
import org.p2px.gateway.trade.NewAdBody;
import org.p2px.gateway.trade.TakeBody;

/**
 * Any text, as a WebSocket frame and as a REST body, through the gateways' decoding: the frame reader, the same
 * strict JSON mapper, the request records and their constraints, and the amount and payment-method parsers that
 * turn them into a command's numbers. Only a refusal with a code may come out (a malformed frame, an
 * {@link ApiException}, a constraint violation, a JSON error whose message is then built): anything else (a
 * NullPointerException, an ArithmeticException, a NumberFormatException) would be a 500 for a client's mistake.
 * Committed inputs (hand-written seeds and what campaigns kept) run in every {@code mvn test}; a campaign is in
 * docs/security.md. The request records are left out of the campaign's instrumentation: on Java 17 an instrumented
 * record class crashes the JVM when Jackson reads its components (fixed in later JDKs).
 */
class RequestDecodingFuzzTest
{
    private static final ObjectMapper MAPPER = strictMapper();
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
        .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private static final WsArgs ARGS = new WsArgs(MAPPER, VALIDATOR);
    private static final List<Class<?>> BODIES =
        List.of(TakeBody.class, ExpressBody.class, NewAdBody.class, TradingOperations.AdUpdateArgs.class);

    @FuzzTest(maxDuration = "5m")
    @DictionaryEntries({ "{", "}", "[", "]", ":", ",", "\"", "null", "true", "-", ".", "e", "\"id\"", "\"op\"",
        "\"args\"", "\"adId\"", "\"amount\"", "\"amountIn\"", "\"paymentMethod\"", "\"paymentMethods\"",
        "\"clientOrderId\"", "\"link\"", "\"market\"", "\"side\"", "\"quantity\"", "\"terms\"",
        "\"priceType\"", "\"price\"", "\"marginBps\"", "\"minFiat\"", "\"maxFiat\"", "\"priceLimit\"",
        "\"allowSplit\"", "\"visibility\"", "\"SEPA\"", "\"FIXED\"", "\"FLOATING\"", "\"ASSET\"", "\"PRIVATE\"" })
    void anyTextIsDecodedOrRefusedWithACode(final FuzzedDataProvider data)
    {
        final Class<?> type = data.pickValue(BODIES);
        final String text = data.consumeRemainingAsString();

        final WsRequest frame = WsRequest.parse(MAPPER, text);
        if (!frame.malformed())
        {
            refusedWithACode(() -> toNumbers(ARGS.read(frame.args(), type)));
        }
        refusedWithACode(() ->
        {
            try
            {
                toNumbers(MAPPER.readValue(text, type));
            }
            catch (final JsonProcessingException ex)
            {
                JsonShape.describe(ex);
            }
        });
    }

    /** What the trading service does with a decoded body before the command is encoded. */
    private static void toNumbers(final Object body)
    {
        if (body == null)
        {
            return;
        }
        final var violations = VALIDATOR.validate(body);
        if (!violations.isEmpty())
        {
            throw new ConstraintViolationException(violations);
        }
        if (body instanceof TakeBody take)
        {
            Decimals.parsePositive(take.amount(), 2, "amount");
            PaymentMethod.of(take.paymentMethod());
        }
        else if (body instanceof ExpressBody express)
        {
            Decimals.parsePositive(express.amount(), 6, "amount");
            if (express.priceLimit() != null)
            {
                Decimals.parsePositive(express.priceLimit(), 4, "priceLimit");
            }
            PaymentMethod.mask(express.paymentMethods() == null ? List.of() : express.paymentMethods());
        }
        else if (body instanceof NewAdBody ad)
        {
            Decimals.parsePositive(ad.quantity(), 6, "quantity");
            terms(ad.terms());
        }
        else if (body instanceof TradingOperations.AdUpdateArgs update)
        {
            terms(update.terms());
        }
    }

    private static void terms(final AdTermsBody terms)
    {
        if (terms.price() != null)
        {
            Decimals.parsePositive(terms.price(), 4, "price");
        }
        Decimals.parsePositive(terms.minFiat(), 2, "minFiat");
        Decimals.parsePositive(terms.maxFiat(), 2, "maxFiat");
        PaymentMethod.mask(terms.paymentMethods() == null ? List.of() : terms.paymentMethods());
    }

    private static void refusedWithACode(final Runnable decoding)
    {
        try
        {
            decoding.run();
        }
        catch (final ApiException | ConstraintViolationException refused)
        {
            // A client's mistake, answered with its code.
        }
    }

    private static ObjectMapper strictMapper()
    {
        final ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }
}
