package org.p2px.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

class IsoInstantsTest
{
    private static final long SEED = Long.getLong("p2px.instants.seed", 20261206L);

    @Test
    void writesWhatInstantToStringWrites()
    {
        System.out.println("IsoInstantsTest seed " + SEED + " (-Dp2px.instants.seed=N)");
        final SplittableRandom random = new SplittableRandom(SEED);
        final long lastSecond = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        final Instant[] edges = {Instant.EPOCH, Instant.parse("1970-01-01T00:00:00.000000001Z"),
            Instant.parse("2000-02-29T23:59:59.999Z"), Instant.parse("2026-12-06T07:00:00.120Z"),
            Instant.parse("2026-12-06T07:00:00.000120Z"), Instant.ofEpochSecond(lastSecond, 999_999_999),
            Instant.ofEpochSecond(lastSecond + 1), Instant.ofEpochSecond(-1, 5), Instant.MIN, Instant.MAX};
        for (final Instant instant : edges)
        {
            assertEquals(instant.toString(), IsoInstants.format(instant));
        }
        for (int i = 0; i < 100_000; i++)
        {
            final long seconds = random.nextLong(-100_000_000_000L, lastSecond + 100_000_000_000L);
            final int nanos = switch (random.nextInt(4))
            {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            final Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(instant.toString(), IsoInstants.format(instant));
        }
    }

    @Test
    void aMapperCustomisedAfterTheJavaTimeModuleWritesTheSameJson() throws Exception
    {
        final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        final Instant instant = Instant.parse("2026-12-06T07:01:02.345Z");
        final String before = mapper.writeValueAsString(new Stamped(instant));
        new IsoInstants().customize(mapper);
        assertEquals(before, mapper.writeValueAsString(new Stamped(instant)));
        assertEquals("{\"at\":\"2026-12-06T07:01:02.345Z\"}", before);
    }

    record Stamped(Instant at)
    {
    }
}
