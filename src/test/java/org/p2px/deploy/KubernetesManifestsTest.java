package org.p2px.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2px.deploy.Manifests.env;
import static org.p2px.deploy.Manifests.keys;
import static org.p2px.deploy.Manifests.maxHeap;
import static org.p2px.deploy.Manifests.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.p2px.auth.KeyFiles;

/**
 * deploy/kubernetes/ names what the server uses: its port, health and metrics paths, the data directory on the
 * claimed volume, the key files KeyFiles reads, environment variables that are its settings; and, when a package
 * has written target/kubernetes/kubernetes.yml (quarkus.kubernetes.* in application.properties), the same container
 * as that generated manifest.
 */
class KubernetesManifestsTest
{
    private static final Path GENERATED = Path.of("target/kubernetes/kubernetes.yml");

    private final Served served = new Served();
    private final JsonNode statefulSet = DeployFiles.yaml("kubernetes/statefulset.yaml");
    private final JsonNode pod = statefulSet.path("spec").path("template");
    private final JsonNode container = onlyContainer(statefulSet);
    private final Map<String, String> env = env(container);

    @Test
    void oneReplicaWritesTheJournal()
    {
        assertEquals("StatefulSet", statefulSet.path("kind").asText());
        assertEquals(1, statefulSet.path("spec").path("replicas").asInt());
        assertEquals(served.required("quarkus.kubernetes.replicas"), statefulSet.path("spec").path("replicas").asText());
    }

    @Test
    void theContainerRunsTheImageTheBuildTags()
    {
        assertEquals(served.latestImage(), container.path("image").asText());
    }

    @Test
    void theContainerAndTheServiceUseTheHttpPort()
    {
        final JsonNode port = container.path("ports").get(0);
        assertEquals(served.httpPort(), port.path("containerPort").asInt());
        final JsonNode service = DeployFiles.yaml("kubernetes/service.yaml");
        assertEquals(served.httpPort(), service.path("spec").path("ports").get(0).path("targetPort").asInt());
        assertEquals(pod.path("metadata").path("labels"), service.path("spec").path("selector"));
        assertEquals(statefulSet.path("spec").path("serviceName").asText(), service.path("metadata").path("name").asText());
    }

    @Test
    void theProbesAskTheHealthEndpoints()
    {
        assertProbe(served.startupPath(), "startupProbe");
        assertProbe(served.livenessPath(), "livenessProbe");
        assertProbe(served.readinessPath(), "readinessProbe");
    }

    @Test
    void prometheusIsToldWhereTheMetricsAre()
    {
        final JsonNode annotations = pod.path("metadata").path("annotations");
        assertEquals(served.metricsPath(), annotations.path("prometheus.io/path").asText());
        assertEquals(served.httpPort(), annotations.path("prometheus.io/port").asInt());
    }

    @Test
    void theDataDirectoryIsTheClaimedVolume()
    {
        final String claim =
            statefulSet.path("spec").path("volumeClaimTemplates").get(0).path("metadata").path("name").asText();
        assertEquals(served.imageDataDir(), env.get("P2PX_ENGINE_DATA_DIR"));
        assertEquals(env.get("P2PX_ENGINE_DATA_DIR"), mountPath(claim));
    }

    @Test
    void theKeyDirectoryIsTheSecretWithEveryKeyFile()
    {
        final JsonNode secret = DeployFiles.yaml("kubernetes/secrets/keys.yaml");
        final JsonNode volume = volumeFromSecret(secret.path("metadata").path("name").asText());
        assertEquals(env.get("P2PX_AUTH_KEY_DIR"), mountPath(volume.path("name").asText()));
        assertEquals(Set.of(KeyFiles.PRIVATE_KEY, KeyFiles.PUBLIC_KEY, KeyFiles.SECRETS_KEY), keys(secret.path("stringData")));
        // Provided, never generated: new keys would sign everyone out and void every API key.
        assertEquals("false", env.get("P2PX_AUTH_GENERATE_KEYS"));
    }

    @Test
    void everyEnvironmentVariableIsASettingOfTheServer()
    {
        Manifests.assertServerSettings("deploy/kubernetes", container, DeployFiles.yaml("kubernetes/configmap.yaml"),
            DeployFiles.yaml("kubernetes/secrets/credentials.yaml"), Set.of());
    }

    @Test
    void thePodRunsAsTheImagesUserWithAFixedHeapInsideItsMemory()
    {
        final JsonNode security = pod.path("spec").path("securityContext");
        assertEquals(served.imageUser(), security.path("runAsUser").asLong());
        assertEquals(served.imageUser(), security.path("fsGroup").asLong());
        assertTrue(maxHeap(container) < memory(container), "the heap leaves no room below the memory");
    }

    @Test
    void theBudgetCoversThePod()
    {
        final JsonNode budget = DeployFiles.yaml("kubernetes/pdb.yaml");
        assertEquals(pod.path("metadata").path("labels"), budget.path("spec").path("selector").path("matchLabels"));
        assertEquals(statefulSet.path("spec").path("replicas").asInt(), budget.path("spec").path("minAvailable").asInt());
    }

    /** Only when the last package ran after application.properties last changed: else its output is not current. */
    @Test
    void theGeneratedManifestHasTheSameContainer() throws IOException
    {
        Assumptions.assumeTrue(Files.exists(GENERATED), "no " + GENERATED + ": run mvn package to check it too");
        Assumptions.assumeTrue(
            Files.getLastModifiedTime(GENERATED).compareTo(Files.getLastModifiedTime(DeployFiles.APPLICATION_PROPERTIES)) > 0,
            GENERATED + " is older than application.properties");
        final JsonNode generated = DeployFiles.yamlDocuments(GENERATED).stream()
            .filter(document -> "StatefulSet".equals(document.path("kind").asText()))
            .findFirst()
            .orElseThrow();
        final JsonNode generatedContainer = onlyContainer(generated);
        assertEquals(generated.path("spec").path("replicas"), statefulSet.path("spec").path("replicas"));
        assertEquals(env(generatedContainer), env);
        for (final String field : List.of("ports", "resources", "startupProbe", "livenessProbe", "readinessProbe"))
        {
            assertEquals(generatedContainer.path(field), container.path(field), field);
        }
        // The generator lists the secret and the config map in either order (they share no key, so it means nothing).
        assertEquals(sources(generatedContainer), sources(container), "envFrom");
        assertEquals(generated.path("spec").path("template").path("spec").path("securityContext").path("runAsUser"),
            pod.path("spec").path("securityContext").path("runAsUser"));
    }

    private static Set<String> sources(final JsonNode container)
    {
        final Set<String> sources = new TreeSet<>();
        container.path("envFrom").forEach(source -> sources.add(source.toString()));
        return sources;
    }

    private void assertProbe(final String path, final String probe)
    {
        final JsonNode action = container.path(probe).path("httpGet");
        assertEquals(path, action.path("path").asText(), probe);
        assertEquals(served.httpPort(), action.path("port").asInt(), probe);
    }

    private String mountPath(final String volume)
    {
        return Manifests.mountPath(container, volume);
    }

    private JsonNode volumeFromSecret(final String secretName)
    {
        for (final JsonNode volume : pod.path("spec").path("volumes"))
        {
            if (secretName.equals(volume.path("secret").path("secretName").asText()))
            {
                return volume;
            }
        }
        throw new AssertionError("no volume of the Secret " + secretName);
    }

    private static JsonNode onlyContainer(final JsonNode statefulSet)
    {
        final JsonNode containers = statefulSet.path("spec").path("template").path("spec").path("containers");
        assertEquals(1, containers.size());
        return containers.get(0);
    }
}
