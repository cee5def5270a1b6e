package org.p2px.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.p2px.codec.ErrorCode;

/**
 * The catalogue of payment methods. The core knows a method by its bit: the ordinal here. Never reorder; add at
 * the end (at most 64).
 */
public enum PaymentMethod
{
    SEPA,
    SEPA_INSTANT,
    WISE,
    REVOLUT,
    ZELLE,
    PIX,
    UPI,
    BANK_TRANSFER,
    CASH_IN_PERSON,
    PAYPAL,
    SWIFT,
    FASTER_PAYMENTS,
    ACH,
    INTERAC,
    MPESA,
    ADVCASH,
    SKRILL,
    N26,
    MONZO,
    PAYONEER;

    public int bit()
    {
        return ordinal();
    }

    public static PaymentMethod of(final String name)
    {
        for (final PaymentMethod method : values())
        {
            if (method.name().equals(name))
            {
                return method;
            }
        }
        throw ApiException.of(ErrorCode.INVALID_PAYMENT_METHODS, "Unknown payment method: " + name + ".");
    }

    public static PaymentMethod ofBit(final int bit)
    {
        return bit >= 0 && bit < values().length ? values()[bit] : null;
    }

    /** The bit set of the named methods. */
    public static long mask(final Collection<String> names)
    {
        if (names == null || names.isEmpty())
        {
            throw ApiException.of(ErrorCode.INVALID_PAYMENT_METHODS, "Name at least one payment method.");
        }
        long mask = 0;
        for (final String name : names)
        {
            final long bit = 1L << of(name).bit();
            if ((mask & bit) != 0)
            {
                // Merged silently, a list that says two methods (by mistake) would stand for one.
                throw ApiException.of(ErrorCode.INVALID_PAYMENT_METHODS, "Payment method " + name + " is named twice.");
            }
            mask |= bit;
        }
        return mask;
    }

    /** The names in a bit set, in catalogue order. */
    public static List<String> names(final long mask)
    {
        final List<String> names = new ArrayList<>();
        for (final PaymentMethod method : values())
        {
            if ((mask & (1L << method.bit())) != 0)
            {
                names.add(method.name());
            }
        }
        return names;
    }
}
