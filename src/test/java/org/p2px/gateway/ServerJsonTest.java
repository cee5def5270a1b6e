package org.p2px.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The server's own mapper: instants through IsoInstants (customised after Quarkus registered the time module). */
@QuarkusTest
class ServerJsonTest
{
    @Inject
    ObjectMapper mapper;

    @Test
    void instantsAreWrittenByIsoInstantsAsIsoText() throws Exception
    {
        final Instant instant = Instant.parse("2026-12-06T07:01:02.345Z");
        assertEquals("\"2026-12-06T07:01:02.345Z\"", mapper.writeValueAsString(instant));
        assertTrue(mapper.getSerializerProviderInstance().findValueSerializer(Instant.class).getClass().getName()
            .startsWith(IsoInstants.class.getName()), "the time module's serializer is still in use");
    }
}
