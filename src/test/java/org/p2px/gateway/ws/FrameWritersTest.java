package org.p2px.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameWritersTest
{
    /**
     * Frames still work without the accessor (through sendText), but cost more; a Quarkus upgrade that removes it
     * should be noticed here rather than in a load test.
     */
    @Test
    void framesGoStraightToTheSocketWithThisQuarkusVersion()
    {
        assertTrue(FrameWriters.direct(), "WebSocketConnectionBase.webSocket() is gone: see FrameWriters");
    }
}
