package org.p2px.codec;

/**
 * Reads enum fields without throwing: the generated {@code get} methods throw on a value the schema does not
 * know, but a command from outside may carry anything, and the core must answer it with a code.
 */
public final class WireEnums
{
    private WireEnums()
    {
    }

    public static Side side(final short raw)
    {
        return raw == 1 || raw == 2 ? Side.get(raw) : Side.NULL_VAL;
    }

    public static AdStatus adStatus(final short raw)
    {
        return raw >= 1 && raw <= 3 ? AdStatus.get(raw) : AdStatus.NULL_VAL;
    }

    public static Role role(final short raw)
    {
        return raw >= 1 && raw <= 4 ? Role.get(raw) : Role.NULL_VAL;
    }

    public static DisputeOutcome outcome(final short raw)
    {
        return raw == 1 || raw == 2 ? DisputeOutcome.get(raw) : DisputeOutcome.NULL_VAL;
    }

    public static PriceType priceType(final short raw)
    {
        return raw == 1 || raw == 2 ? PriceType.get(raw) : PriceType.NULL_VAL;
    }

    public static Visibility visibility(final short raw)
    {
        return raw == 1 || raw == 2 ? Visibility.get(raw) : Visibility.NULL_VAL;
    }

    /** Only 1 is true: a flag is yes or no, and any other byte is read as no. */
    public static boolean flag(final short raw)
    {
        return raw == BooleanType.TRUE.value();
    }

    public static BooleanType flag(final boolean value)
    {
        return value ? BooleanType.TRUE : BooleanType.FALSE;
    }
}
