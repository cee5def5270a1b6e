package org.p2px.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** An idle timeout not longer than the server's pings would close clients that only answer them: the start fails. */
class IdleTimeoutCheckTest
{
    @Test
    void anIdleTimeoutNotLongerThanThePingsStopsTheStartNamingBothSettings()
    {
        final IllegalStateException refused = assertThrows(IllegalStateException.class,
            () -> IdleSweeper.requireLongerThanThePings(Duration.ofSeconds(8), Optional.of(Duration.ofSeconds(20))));
        assertTrue(refused.getMessage().contains("p2px.ws.idle-timeout")
            && refused.getMessage().contains("auto-ping-interval"), refused.getMessage());
        assertThrows(IllegalStateException.class,
            () -> IdleSweeper.requireLongerThanThePings(Duration.ofSeconds(20), Optional.of(Duration.ofSeconds(20))));
        assertDoesNotThrow(() -> IdleSweeper.requireLongerThanThePings(Duration.ofSeconds(60),
            Optional.of(Duration.ofSeconds(20))));
        assertDoesNotThrow(() -> IdleSweeper.requireLongerThanThePings(Duration.ofSeconds(8), Optional.empty()));
    }
}
