package org.p2px.gateway;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Instants on the wire exactly as {@link Instant#toString()} writes them ({@code 2026-12-06T07:01:02.345Z}: the
 * fraction in groups of three digits, as many as needed), written straight from the numbers. Every order view and
 * every push carries a few, and Jackson's own serializer goes through {@code DateTimeFormatter}: about a twelfth of
 * the live view's samples and a twenty-fifth of the event loops' at 500 trade cycles a second (docs/performance.md).
 * Years outside 1970 to 9999 fall back to {@code Instant.toString()}; {@code IsoInstantsTest} compares the two.
 */
@Singleton
public class IsoInstants implements ObjectMapperCustomizer
{
    /** 9999-12-31T23:59:59Z. */
    private static final long LAST_SECOND = 253_402_300_799L;
    private static final int SECONDS_PER_DAY = 86_400;

    @Override
    public void customize(final ObjectMapper mapper)
    {
        mapper.registerModule(new SimpleModule("p2px-iso-instants").addSerializer(Instant.class, new Serializer()));
    }

    /** Runs after Quarkus's own customizer, which registers the Java time module this replaces for Instant. */
    @Override
    public int priority()
    {
        return MINIMUM_PRIORITY;
    }

    public static String format(final Instant instant)
    {
        final char[] text = new char[30];
        final int length = write(instant, text);
        return length < 0 ? instant.toString() : new String(text, 0, length);
    }

    /** Writes into {@code text} (30 chars) and returns the length, or -1 outside the years 1970 to 9999. */
    static int write(final Instant instant, final char[] text)
    {
        final long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds > LAST_SECOND)
        {
            return -1;
        }
        final long day = seconds / SECONDS_PER_DAY;
        final int secondOfDay = (int)(seconds - day * SECONDS_PER_DAY);
        final LocalDate date = LocalDate.ofEpochDay(day);
        int at = digits(text, 0, date.getYear(), 4);
        text[at++] = '-';
        at = digits(text, at, date.getMonthValue(), 2);
        text[at++] = '-';
        at = digits(text, at, date.getDayOfMonth(), 2);
        text[at++] = 'T';
        at = digits(text, at, secondOfDay / 3600, 2);
        text[at++] = ':';
        at = digits(text, at, secondOfDay / 60 % 60, 2);
        text[at++] = ':';
        at = digits(text, at, secondOfDay % 60, 2);
        final int nanos = instant.getNano();
        if (nanos != 0)
        {
            text[at++] = '.';
            if (nanos % 1_000_000 == 0)
            {
                at = digits(text, at, nanos / 1_000_000, 3);
            }
            else if (nanos % 1_000 == 0)
            {
                at = digits(text, at, nanos / 1_000, 6);
            }
            else
            {
                at = digits(text, at, nanos, 9);
            }
        }
        text[at++] = 'Z';
        return at;
    }

    private static int digits(final char[] text, final int at, final int value, final int width)
    {
        int rest = value;
        for (int i = at + width - 1; i >= at; i--)
        {
            text[i] = (char)('0' + rest % 10);
            rest /= 10;
        }
        return at + width;
    }

    private static final class Serializer extends StdSerializer<Instant>
    {
        Serializer()
        {
            super(Instant.class);
        }

        @Override
        public void serialize(final Instant value, final JsonGenerator json, final SerializerProvider provider)
            throws IOException
        {
            final char[] text = new char[30];
            final int length = write(value, text);
            if (length < 0)
            {
                json.writeString(value.toString());
            }
            else
            {
                json.writeString(text, 0, length);
            }
        }
    }
}
