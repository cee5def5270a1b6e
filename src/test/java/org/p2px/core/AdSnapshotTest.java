package org.p2px.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.p2px.codec.AdStatus;
import org.p2px.codec.PriceType;
import org.p2px.codec.Side;
import org.p2px.codec.Visibility;

/** AdSnapshot's equals is written out by hand: it must still tell apart snapshots that differ in any component. */
class AdSnapshotTest
{
    private static final AdSnapshot AD = new AdSnapshot(7, 3, 1, Side.SELL, AdStatus.ONLINE, PriceType.FIXED, 100_00,
        0, 100_00, 5_000, 10, 20, 30, 1_000, 9_000, 3, 15, 1, 2, 3, 9_000, 4, Visibility.PUBLIC, true, 1_700_000_000_000L);

    @Test
    void aCopyIsEqualAndHashesAlike() throws Exception
    {
        final AdSnapshot copy = with(-1, null);
        assertEquals(AD, copy);
        assertEquals(AD.hashCode(), copy.hashCode());
    }

    @Test
    void everyComponentCounts() throws Exception
    {
        final RecordComponent[] components = AdSnapshot.class.getRecordComponents();
        for (int i = 0; i < components.length; i++)
        {
            final Object changed = changed(components[i].getType(), components[i].getAccessor().invoke(AD));
            assertNotEquals(AD, with(i, changed), "a snapshot differing only in " + components[i].getName());
        }
    }

    private static AdSnapshot with(final int index, final Object value) throws Exception
    {
        final RecordComponent[] components = AdSnapshot.class.getRecordComponents();
        final Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++)
        {
            args[i] = i == index ? value : components[i].getAccessor().invoke(AD);
        }
        final Constructor<AdSnapshot> canonical = AdSnapshot.class.getDeclaredConstructor(
            Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        return canonical.newInstance(args);
    }

    private static Object changed(final Class<?> type, final Object value)
    {
        if (type == long.class)
        {
            return (Long)value + 1;
        }
        if (type == int.class)
        {
            return (Integer)value + 1;
        }
        if (type == boolean.class)
        {
            return !(Boolean)value;
        }
        final Object[] constants = type.getEnumConstants();
        return constants[(((Enum<?>)value).ordinal() + 1) % constants.length];
    }
}
