package org.p2px.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.agrona.concurrent.SystemEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2px.api.ApiException;
import org.p2px.codec.Role;
import org.p2px.engine.Engine;
import org.p2px.engine.EngineConfig;
import org.p2px.live.LiveView;
import org.p2px.server.CoreCommands;

/** Commands and their answers through a real engine and the live view: accepted, rejected with the core's code, no engine at all. */
class CoreCommandsTest
{
    @TempDir
    Path dataDirectory;

    @Test
    void acceptedAndRejectedCommandsAreAnsweredByCorrelationId()
    {
        try (Engine engine = Engine.start(EngineConfig.defaults(dataDirectory), SystemEpochClock.INSTANCE);
            LiveView view = LiveView.start(engine, List.of()))
        {
            final CoreCommands commands = new CoreCommands(() -> view);
            commands.registerUser(1, Role.ADMIN, 3);
            commands.registerUser(2, Role.USER, 0);
            commands.setUserKyc(1, 2, 1);
            commands.setUserRole(1, 2, Role.MERCHANT);

            final ApiException exists = assertThrows(ApiException.class, () -> commands.registerUser(2, Role.USER, 0));
            assertEquals("USER_EXISTS", exists.code());
            assertEquals(409, exists.status());
            final ApiException notAdmin = assertThrows(ApiException.class, () -> commands.setUserKyc(2, 1, 0));
            assertEquals("NOT_ADMIN", notAdmin.code());
            assertEquals(403, notAdmin.status());
            final ApiException unknown = assertThrows(ApiException.class, () -> commands.setUserRole(1, 99, Role.USER));
            assertEquals("UNKNOWN_USER", unknown.code());
            assertEquals(404, unknown.status());
        }
    }

    @Test
    void aStoppedEngineIsServiceUnavailable()
    {
        final Engine engine = Engine.start(EngineConfig.defaults(dataDirectory), SystemEpochClock.INSTANCE);
        final LiveView view = LiveView.start(engine, List.of());
        final CoreCommands commands = new CoreCommands(() -> view);
        commands.registerUser(1, Role.USER, 0);
        engine.close();
        final ApiException stopped = assertThrows(ApiException.class, () -> commands.registerUser(2, Role.USER, 0));
        assertEquals("SERVICE_UNAVAILABLE", stopped.code());
        assertEquals(503, stopped.status());
        view.close();
    }

    @Test
    void noEngineIsServiceUnavailable()
    {
        final ApiException none = assertThrows(ApiException.class, () -> new CoreCommands(() -> null).registerUser(1, Role.USER, 0));
        assertEquals("SERVICE_UNAVAILABLE", none.code());
        assertEquals(503, none.status());
    }
}
