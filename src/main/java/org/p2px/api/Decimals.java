package org.p2px.api;

import java.math.BigDecimal;

import org.p2px.codec.ErrorCode;

/**
 * Money on the wire: decimal strings in, decimal strings out, {@code long} minor units inside. Parsing never
 * rounds: a value with more decimals than its scale is refused, as is one that does not fit in a long. Every
 * trading call parses and every push formats amounts, so both work on the characters directly (no regular
 * expression compiled per call, no {@code BigDecimal}); {@code DecimalsTest} checks them against
 * {@code BigDecimal}.
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
        if (scale <= 0 || minor == Long.MIN_VALUE)
        {
            return BigDecimal.valueOf(minor, scale).toPlainString();
        }
        final String digits = Long.toString(Math.abs(minor));
        final int leadingZeros = scale + 1 - digits.length();
        final String padded = leadingZeros > 0 ? "0".repeat(leadingZeros) + digits : digits;
        final int point = padded.length() - scale;
        final StringBuilder text = new StringBuilder(padded.length() + 2);
        if (minor < 0)
        {
            text.append('-');
        }
        return text.append(padded, 0, point).append('.').append(padded, point, padded.length()).toString();
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

    /**
     * An amount that may be negative (a quantity change): an optional sign, digits, and optionally a point followed
     * by digits. Trailing zeros of the fraction do not count against the scale ("1.50" at scale 1 is 15).
     */
    public static long parseSigned(final String text, final int scale, final String field)
    {
        if (text == null || text.isBlank())
        {
            throw invalid(field, "is required");
        }
        final int length = text.length();
        if (length > MAX_TEXT_LENGTH)
        {
            throw notPlain(field);
        }
        int at = 0;
        final boolean negative = text.charAt(0) == '-';
        if (negative || text.charAt(0) == '+')
        {
            at++;
        }
        final int integerStart = at;
        at = skipDigits(text, at);
        final int integerEnd = at;
        int fractionStart = at;
        if (at < length && text.charAt(at) == '.')
        {
            fractionStart = at + 1;
            at = skipDigits(text, fractionStart);
            if (at == fractionStart)
            {
                at = -1;
            }
        }
        if (integerEnd == integerStart || at != length)
        {
            throw notPlain(field);
        }
        int fractionEnd = length;
        while (fractionEnd > fractionStart && text.charAt(fractionEnd - 1) == '0')
        {
            fractionEnd--;
        }
        if (fractionEnd - fractionStart > Math.max(scale, 0))
        {
            throw invalid(field, "has more than " + scale + " decimal places");
        }
        return minorUnits(text, integerStart, integerEnd, fractionStart, fractionEnd, scale, negative, field);
    }

    /** Accumulated negatively, so that the whole range of a long, Long.MIN_VALUE included, is reachable. */
    private static long minorUnits(final String text, final int integerStart, final int integerEnd,
        final int fractionStart, final int fractionEnd, final int scale, final boolean negative, final String field)
    {
        try
        {
            long value = 0;
            for (int i = integerStart; i < integerEnd; i++)
            {
                value = Math.subtractExact(Math.multiplyExact(value, 10), text.charAt(i) - '0');
            }
            for (int place = 0; place < scale; place++)
            {
                final int i = fractionStart + place;
                value = Math.subtractExact(Math.multiplyExact(value, 10), i < fractionEnd ? text.charAt(i) - '0' : 0);
            }
            return negative ? value : Math.negateExact(value);
        }
        catch (final ArithmeticException ex)
        {
            throw ApiException.of(ErrorCode.AMOUNT_TOO_LARGE, field + " is too large.");
        }
    }

    private static int skipDigits(final String text, final int from)
    {
        int at = from;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9')
        {
            at++;
        }
        return at;
    }

    private static ApiException notPlain(final String field)
    {
        return invalid(field, "must be a plain decimal number such as \"1234.56\"");
    }

    private static ApiException invalid(final String field, final String problem)
    {
        return ApiException.of(ErrorCode.INVALID_AMOUNT, field + " " + problem + ".");
    }
}
