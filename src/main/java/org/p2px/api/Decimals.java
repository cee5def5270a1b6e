package org.p2px.api;

import java.math.BigDecimal;

import org.p2px.codec.ErrorCode;

/**
 * Money on the wire: decimal strings in, decimal strings out, {@code long} minor units inside. Parsing never
 * rounds: a value with more decimals than its scale is refused, as is one that does not fit in a long.
 */
public final class Decimals
{
    private static final int MAX_TEXT_LENGTH = 40;

    private Decimals()
    {
    }

    /** {@code minor} at {@code scale} decimals: 123456 at scale 2 is "1234.56". */
    public static String format(final long minor, final int scale)
    {
        return BigDecimal.valueOf(minor, scale).toPlainString();
    }

    /** A non-negative amount; {@code field} names it in the error message. */
    public static long parse(final String text, final int scale, final String field)
    {
        final long value = parseSigned(text, scale, field);
        if (value < 0)
        {
            throw invalid(field, "must not be negative");
        }
        return value;
    }

    /** A strictly positive amount. */
    public static long parsePositive(final String text, final int scale, final String field)
    {
        final long value = parseSigned(text, scale, field);
        if (value <= 0)
        {
            throw invalid(field, "must be greater than zero");
        }
        return value;
    }

    /** An amount that may be negative (a quantity change). */
    public static long parseSigned(final String text, final int scale, final String field)
    {
        if (text == null || text.isBlank())
        {
            throw invalid(field, "is required");
        }
        if (text.length() > MAX_TEXT_LENGTH || !text.matches("[+-]?\\d+(\\.\\d+)?"))
        {
            throw invalid(field, "must be a plain decimal number such as \"1234.56\"");
        }
        final BigDecimal decimal = new BigDecimal(text);
        if (decimal.stripTrailingZeros().scale() > scale)
        {
            throw invalid(field, "has more than " + scale + " decimal places");
        }
        try
        {
            return decimal.movePointRight(scale).longValueExact();
        }
        catch (final ArithmeticException ex)
        {
            throw ApiException.of(ErrorCode.AMOUNT_TOO_LARGE, field + " is too large.");
        }
    }

    private static ApiException invalid(final String field, final String problem)
    {
        return ApiException.of(ErrorCode.INVALID_AMOUNT, field + " " + problem + ".");
    }
}
