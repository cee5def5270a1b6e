package org.p2px.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Payment method names to the bit set the core keeps, and back; a list that is not one set is refused. */
class PaymentMethodTest
{
    @Test
    void namesBecomeABitSetAndComeBackInCatalogueOrder()
    {
        final long mask = PaymentMethod.mask(List.of("WISE", "SEPA"));
        assertEquals(List.of("SEPA", "WISE"), PaymentMethod.names(mask));
    }

    @Test
    void anEmptyListAnUnknownNameAndANameTwiceAreRefused()
    {
        for (final List<String> names : List.of(List.<String>of(), List.of("PIGEON"), List.of("SEPA", "WISE", "SEPA")))
        {
            final ApiException refused = assertThrows(ApiException.class, () -> PaymentMethod.mask(names));
            assertEquals("INVALID_PAYMENT_METHODS", refused.code(), names.toString());
        }
        assertEquals("Payment method SEPA is named twice.", assertThrows(ApiException.class,
            () -> PaymentMethod.mask(List.of("SEPA", "SEPA"))).getMessage());
    }
}
