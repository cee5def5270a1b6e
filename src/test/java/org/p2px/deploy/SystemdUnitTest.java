package org.p2px.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * deploy/p2px.service starts the server through deploy/run-server.sh (which passes deploy/jvm.options) on the
 * packaged application, with its data directory the one place it may write, and stops it as late as the other
 * deployments do.
 */
class SystemdUnitTest
{
    /** Read by deploy/run-server.sh, not by the configuration. */
    private static final Set<String> LAUNCHER_VARIABLES = Set.of("JAVA_OPTS", "P2PX_APP");

    private final SystemdUnit unit = new SystemdUnit(DeployFiles.DEPLOY.resolve("p2px.service"));
    private final Map<String, String> environment = unit.environment();

    @Test
    void theLauncherScriptRunsThePackagedApplicationInstalledBesideIt()
    {
        final Path launcher = Path.of(unit.value("Service", "ExecStart"));
        assertEquals(DeployFiles.DEPLOY.resolve("run-server.sh").getFileName(), launcher.getFileName());
        final Path application = Path.of(environment.get("P2PX_APP"));
        // mvn package lays out target/quarkus-app/quarkus-run.jar; it is copied as quarkus-app/.
        assertEquals(Path.of("quarkus-app", "quarkus-run.jar"),
            application.getParent().getFileName().resolve(application.getFileName()));
        assertEquals(launcher.getParent(), application.getParent().getParent());
    }

    @Test
    void theDataDirectoryIsTheStateDirectoryAndTheOnlyWritablePath()
    {
        final String dataDir = environment.get("P2PX_ENGINE_DATA_DIR");
        assertEquals("/var/lib/" + unit.value("Service", "StateDirectory"), dataDir);
        assertEquals(dataDir, unit.value("Service", "WorkingDirectory"));
        assertEquals(List.of(dataDir), unit.values("Service", "ReadWritePaths"));
        assertEquals("strict", unit.value("Service", "ProtectSystem"));
        assertEquals("yes", unit.value("Service", "NoNewPrivileges"));
        assertNotEquals("root", unit.value("Service", "User"));
    }

    @Test
    void everyEnvironmentVariableIsASettingOfTheServer()
    {
        ConfigNames.server().assertAllSetProperties("deploy/p2px.service", environment.keySet(), LAUNCHER_VARIABLES);
        assertEquals("false", environment.get("P2PX_AUTH_GENERATE_KEYS"));
    }

    @Test
    void itRestartsAfterAFailureAndStopsAsLateAsOnKubernetes()
    {
        assertEquals("on-failure", unit.value("Service", "Restart"));
        assertEquals(String.valueOf(DeployFiles.stopGraceSeconds()), unit.value("Service", "TimeoutStopSec"));
        assertTrue(Long.parseLong(unit.value("Service", "LimitNOFILE")) >= 65_536, "room for WebSocket connections");
    }
}
