package org.p2px.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Decimals works on characters for speed; these check it against BigDecimal, which states the rules plainly. */
class DecimalsTest
{
    private static final long SEED = Long.getLong("p2px.decimals.seed", 20261206L);
    private static final String ALPHABET = "0123456789.-+ e,";

    @Test
    void formatsLikeBigDecimalsPlainString()
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        System.out.println("DecimalsTest seed " + SEED + " (-Dp2px.decimals.seed=N)");
        final long[] edges = {0, 1, -1, 9, 10, 99, 100, -100, 123456, Long.MAX_VALUE, Long.MIN_VALUE,
            Long.MIN_VALUE + 1};
        for (int scale = 0; scale <= 18; scale++)
        {
            for (final long minor : edges)
            {
                assertEquals(BigDecimal.valueOf(minor, scale).toPlainString(), Decimals.format(minor, scale),
                    minor + " at " + scale);
            }
            for (int i = 0; i < 2_000; i++)
            {
                final long minor = random.nextBoolean() ? random.nextLong() : random.nextLong(-1_000_000, 1_000_000);
                assertEquals(BigDecimal.valueOf(minor, scale).toPlainString(), Decimals.format(minor, scale),
                    minor + " at " + scale);
            }
        }
    }

    @Test
    void parsesWhatItFormatsBack()
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 20_000; i++)
        {
            final int scale = random.nextInt(0, 19);
            final long minor = random.nextLong();
            assertEquals(minor, Decimals.parseSigned(Decimals.format(minor, scale), scale, "amount"));
        }
        assertEquals(Long.MIN_VALUE, Decimals.parseSigned("-92233720368547758.08", 2, "amount"));
    }

    @Test
    void acceptsAndRefusesExactlyWhatTheBigDecimalRuleDoes()
    {
        final SplittableRandom random = new SplittableRandom(SEED + 1);
        final String[] fixed = {"", " ", "1", "+1", "-1", "1.", ".5", "1.50", "1.500", "1.505", "00012.3400", "-0",
            "--1", "+-1", "1.2.3", "1e5", "1,5", " 1", "1 ", "٣", "92233720368547758.07", "92233720368547758.08",
            "-92233720368547758.08", "-92233720368547758.09", "99999999999999999999999999999999999999999",
            "1234567890123456789012345678901234567890", "0.00000000000000000000000000000000000001"};
        for (final String text : fixed)
        {
            for (int scale = 0; scale <= 8; scale++)
            {
                assertSameVerdict(text, scale);
            }
        }
        for (int i = 0; i < 50_000; i++)
        {
            final StringBuilder text = new StringBuilder();
            final int length = random.nextInt(0, 24);
            for (int c = 0; c < length; c++)
            {
                text.append(c > 0 && random.nextInt(4) > 0 ? (char) ('0' + random.nextInt(10))
                    : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertSameVerdict(text.toString(), random.nextInt(0, 9));
        }
    }

    @Test
    void signsAreCheckedByTheCallersRule()
    {
        assertEquals("INVALID_AMOUNT", assertThrows(ApiException.class,
            () -> Decimals.parse("-0.01", 2, "price")).code());
        assertEquals("INVALID_AMOUNT", assertThrows(ApiException.class,
            () -> Decimals.parsePositive("0.00", 2, "price")).code());
        assertEquals(1, Decimals.parsePositive("0.01", 2, "price"));
        assertEquals("price has more than 2 decimal places.", assertThrows(ApiException.class,
            () -> Decimals.parse("0.001", 2, "price")).getMessage());
    }

    private static void assertSameVerdict(final String text, final int scale)
    {
        final String expected = reference(text, scale);
        String actual;
        try
        {
            actual = Long.toString(Decimals.parseSigned(text, scale, "amount"));
        }
        catch (final ApiException refused)
        {
            actual = refused.code() + ": " + refused.getMessage();
        }
        assertEquals(expected, actual, "'" + text + "' at scale " + scale);
    }

    /** The rule as it reads with BigDecimal (what Decimals did before it worked on characters). */
    private static String reference(final String text, final int scale)
    {
        if (text == null || text.isBlank())
        {
            return "INVALID_AMOUNT: amount is required.";
        }
        if (text.length() > 40 || !text.matches("[+-]?[0-9]+(\\.[0-9]+)?"))
        {
            return "INVALID_AMOUNT: amount must be a plain decimal number such as \"1234.56\".";
        }
        final BigDecimal decimal = new BigDecimal(text);
        if (decimal.stripTrailingZeros().scale() > scale)
        {
            return "INVALID_AMOUNT: amount has more than " + scale + " decimal places.";
        }
        try
        {
            return Long.toString(decimal.movePointRight(scale).longValueExact());
        }
        catch (final ArithmeticException ex)
        {
            return "AMOUNT_TOO_LARGE: amount is too large.";
        }
    }
}
