package org.p2px.core;

/**
 * Arithmetic on minor units. Every amount is a {@code long}; a result that would not fit is reported as
 * {@link #OVERFLOW} (which callers turn into AMOUNT_TOO_LARGE) rather than wrapping or rounding silently.
 * Products are taken in 128 bits, so only a quotient that does not fit in 63 bits overflows.
 */
public final class Money
{
    /** Returned instead of a result that does not fit in a non-negative long. */
    public static final long OVERFLOW = -1L;

    private static final long[] POWERS_OF_TEN = new long[19];

    static
    {
        long value = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++)
        {
            POWERS_OF_TEN[i] = value;
            value *= 10;
        }
    }

    private Money()
    {
    }

    public static long pow10(final int exponent)
    {
        return POWERS_OF_TEN[exponent];
    }

    /** floor(a x b / c) for non-negative a, b and positive c, or {@link #OVERFLOW}. */
    public static long mulDivFloor(final long a, final long b, final long c)
    {
        final long high = Math.multiplyHigh(a, b);
        final long low = a * b;
        if (high == 0 && low >= 0)
        {
            return low / c;
        }
        return divide128(high, low, c, false);
    }

    /** ceil(a x b / c) for non-negative a, b and positive c, or {@link #OVERFLOW}. */
    public static long mulDivCeil(final long a, final long b, final long c)
    {
        final long high = Math.multiplyHigh(a, b);
        final long low = a * b;
        if (high == 0 && low >= 0)
        {
            final long quotient = low / c;
            return quotient * c == low ? quotient : quotient + 1;
        }
        return divide128(high, low, c, true);
    }

    /** a + b for non-negative operands, or {@link #OVERFLOW}. */
    public static long add(final long a, final long b)
    {
        final long sum = a + b;
        return sum < 0 ? OVERFLOW : sum;
    }

    /** The fee on {@code quantity} at {@code bps} basis points, rounded down. */
    public static long fee(final long quantity, final int bps)
    {
        return mulDivFloor(quantity, bps, 10_000);
    }

    private static long divide128(final long high, final long low, final long divisor, final boolean roundUp)
    {
        // Unsigned 128-by-63-bit long division, one bit at a time: rare (only for products beyond 2^63).
        if (Long.compareUnsigned(high, divisor) >= 0)
        {
            return OVERFLOW;
        }
        long remainder = high;
        long quotient = 0;
        for (int bit = 63; bit >= 0; bit--)
        {
            final boolean carry = remainder < 0;
            remainder = (remainder << 1) | ((low >>> bit) & 1);
            quotient <<= 1;
            if (carry || Long.compareUnsigned(remainder, divisor) >= 0)
            {
                remainder -= divisor;
                quotient |= 1;
            }
        }
        if (roundUp && remainder != 0)
        {
            quotient++;
        }
        return quotient < 0 ? OVERFLOW : quotient;
    }

    /**
     * Whether {@code price} lies further than {@code bandBps} basis points of {@code index} from it, either way;
     * false when there is no band ({@code bandBps} 0) or no index. Compared in 128 bits: no product overflows.
     */
    public static boolean outsideBand(final long price, final long index, final int bandBps)
    {
        if (bandBps <= 0 || index <= 0 || price <= 0)
        {
            return false;
        }
        final long distance = price >= index ? price - index : index - price;
        final long leftHigh = Math.multiplyHigh(distance, 10_000L);
        final long rightHigh = Math.multiplyHigh(index, bandBps);
        if (leftHigh != rightHigh)
        {
            return leftHigh > rightHigh;
        }
        return Long.compareUnsigned(distance * 10_000L, index * bandBps) > 0;
    }
}
