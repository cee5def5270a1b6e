package org.p2px.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2px.deploy.Manifests.LAUNCHER_VARIABLES;
import static org.p2px.deploy.Manifests.bytes;
import static org.p2px.deploy.Manifests.env;
import static org.p2px.deploy.Manifests.maxHeap;
import static org.p2px.deploy.Manifests.memory;
import static org.p2px.deploy.Manifests.mountPath;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2px.cluster.ClusterLayout;
import org.p2px.cluster.ClusterNodeSettings;

/**
 * deploy/kubernetes/cluster/: three members with the names, ports and ids the cluster code computes
 * ({@link ClusterLayout}, {@link ClusterNodeSettings}), each pod with a gateway beside its member on the member's
 * journal, and only settings that the server or the node reads. The containers' shell commands are run as the pod of
 * each ordinal would run them, with a stand-in java that prints what it is given.
 */
class KubernetesClusterManifestsTest
{
    private static final String CLUSTER = "kubernetes/cluster/";
    private static final Pattern EXPORTED = Pattern.compile("export (\\w+)=");
    private static final String GATEWAY_ID = "gateway-id=";

    @TempDir
    Path scratch;

    private final Served served = new Served();
    private final JsonNode statefulSet = DeployFiles.yaml(CLUSTER + "statefulset.yaml");
    private final JsonNode pod = statefulSet.path("spec").path("template");
    private final JsonNode member = container("member");
    private final JsonNode gateway = container("gateway");
    private final JsonNode members = DeployFiles.yaml(CLUSTER + "members-service.yaml");
    private final JsonNode configMap = DeployFiles.yaml(CLUSTER + "configmap.yaml");
    private final ClusterLayout layout = ClusterLayout.parse(config("P2PX_CLUSTER_HOSTS"),
        Integer.parseInt(config("P2PX_CLUSTER_PORT_BASE")));

    @Test
    void threeMembersEachReachableByAStableName()
    {
        final JsonNode spec = statefulSet.path("spec");
        assertEquals(3, spec.path("replicas").asInt());
        assertEquals(layout.size(), spec.path("replicas").asInt());
        // Started together: a pod is ready only once a majority runs.
        assertEquals("Parallel", spec.path("podManagementPolicy").asText());
        assertEquals(members.path("metadata").path("name").asText(), spec.path("serviceName").asText());
        assertEquals("None", members.path("spec").path("clusterIP").asText());
        assertTrue(members.path("spec").path("publishNotReadyAddresses").asBoolean());
        assertEquals(podLabels(), members.path("spec").path("selector"));
        for (int i = 0; i < layout.size(); i++)
        {
            assertEquals(podName(i) + "." + spec.path("serviceName").asText(), layout.hosts().get(i));
        }
    }

    @Test
    void theMembersServiceListsThePortsTheLayoutComputes()
    {
        final Map<Integer, Integer> memberOfPort = new TreeMap<>();
        for (final String endpoints : layout.clusterMembers().split("\\|"))
        {
            final String[] fields = endpoints.split(",");
            for (int i = 1; i < fields.length; i++)
            {
                memberOfPort.put(Integer.parseInt(fields[i].substring(fields[i].lastIndexOf(':') + 1)),
                    Integer.parseInt(fields[0]));
            }
        }
        final Set<Integer> listed = new TreeSet<>();
        for (final JsonNode port : members.path("spec").path("ports"))
        {
            assertEquals("UDP", port.path("protocol").asText(), port.toString());
            final int number = port.path("port").asInt();
            listed.add(number);
            assertTrue(port.path("name").asText().startsWith("m" + memberOfPort.get(number) + "-"), port.toString());
        }
        assertEquals(memberOfPort.keySet(), listed);
    }

    @Test
    void eachMemberTakesItsIdFromItsOrdinal() throws IOException, InterruptedException
    {
        for (int ordinal = 0; ordinal < layout.size(); ordinal++)
        {
            final ClusterNodeSettings settings = nodeSettings(systemProperties(runMember(ordinal)), new TreeSet<>());
            assertEquals(ordinal, settings.memberId());
            assertEquals(layout, settings.layout());
            assertEquals(member.path("ports").get(0).path("containerPort").asInt(), settings.metricsPort());
            assertEquals("member-metrics", member.path("ports").get(0).path("name").asText());
        }
    }

    @Test
    void theMemberIsGivenOnlySettingsTheNodeReads() throws IOException, InterruptedException
    {
        final Map<String, String> properties = systemProperties(runMember(0));
        final Set<String> asked = new TreeSet<>();
        nodeSettings(properties, asked);
        assertTrue(asked.containsAll(properties.keySet()), properties.keySet() + " but the node reads " + asked);
        // Its environment: what the command passes on as those settings, from the ConfigMap, and the launcher's.
        final Set<String> passedOn = new TreeSet<>();
        properties.keySet().forEach(property -> passedOn.add(ConfigNames.environmentName(property)));
        for (final JsonNode variable : member.path("env"))
        {
            final String name = variable.path("name").asText();
            assertTrue(LAUNCHER_VARIABLES.contains(name) || passedOn.contains(name), name);
            if (!LAUNCHER_VARIABLES.contains(name))
            {
                final JsonNode reference = variable.path("valueFrom").path("configMapKeyRef");
                assertEquals(configMap.path("metadata").path("name").asText(), reference.path("name").asText(), name);
                assertEquals(name, reference.path("key").asText());
            }
        }
    }

    @Test
    void eachGatewayHasAnIdOfItsOwnFromItsOrdinal() throws IOException, InterruptedException
    {
        final Set<Long> ids = new TreeSet<>();
        for (int ordinal = 0; ordinal < layout.size(); ordinal++)
        {
            final String printed = runGateway(ordinal).get(0);
            final long id = Long.parseLong(printed.substring(GATEWAY_ID.length()));
            assertEquals(ordinal + 1, id);
            ids.add(id);
        }
        assertEquals(layout.size(), ids.size());
    }

    @Test
    void theGatewayFollowsTheJournalOfTheMemberBesideIt() throws IOException, InterruptedException
    {
        final ClusterNodeSettings settings = nodeSettings(systemProperties(runMember(0)), new TreeSet<>());
        final Map<String, String> env = env(gateway);
        final String claim =
            statefulSet.path("spec").path("volumeClaimTemplates").get(0).path("metadata").path("name").asText();
        assertEquals(mountPath(member, claim), mountPath(gateway, claim));
        assertTrue(settings.dir().startsWith(mountPath(member, claim)), settings.dir().toString());
        assertEquals(settings.dir().resolve("journal").toString(), env.get("P2PX_CLUSTER_JOURNAL_DIR"));
        assertTrue(Path.of(env.get("P2PX_ENGINE_DATA_DIR")).startsWith(mountPath(gateway, claim)));
        assertEquals("cluster", env.get("P2PX_ENGINE_MODE"));
        assertEquals("status.podIP", gatewayVariable("P2PX_CLUSTER_EGRESS_HOST").path("valueFrom").path("fieldRef")
            .path("fieldPath").asText());
    }

    @Test
    void aeronsFilesAreInMemoryThatEachContainerHasRoomFor() throws IOException, InterruptedException
    {
        final ClusterNodeSettings settings = nodeSettings(systemProperties(runMember(0)), new TreeSet<>());
        final JsonNode shm = volume("shm");
        assertEquals("Memory", shm.path("emptyDir").path("medium").asText());
        final long shmBytes = bytes(shm.path("emptyDir").path("sizeLimit").asText());
        assertEquals("/dev/shm", mountPath(member, "shm"));
        assertEquals("/dev/shm", mountPath(gateway, "shm"));
        assertTrue(settings.aeronDir().startsWith("/dev/shm"), settings.aeronDir().toString());
        for (final JsonNode container : List.of(member, gateway))
        {
            assertTrue(maxHeap(container) + shmBytes < memory(container),
                container.path("name").asText() + ": the heap and /dev/shm leave no room below the memory");
        }
    }

    @Test
    void theBudgetKeepsAMajority()
    {
        final JsonNode budget = DeployFiles.yaml(CLUSTER + "pdb.yaml");
        assertEquals(podLabels(), budget.path("spec").path("selector").path("matchLabels"));
        assertEquals(layout.size() / 2 + 1, budget.path("spec").path("minAvailable").asInt());
    }

    @Test
    void noTwoMembersShareANode()
    {
        final JsonNode term = pod.path("spec").path("affinity").path("podAntiAffinity")
            .path("requiredDuringSchedulingIgnoredDuringExecution").get(0);
        assertEquals("kubernetes.io/hostname", term.path("topologyKey").asText());
        assertEquals(podLabels(), term.path("labelSelector").path("matchLabels"));
    }

    @Test
    void bothContainersRunTheImageTheBuildTagsAsItsUser()
    {
        assertEquals(served.latestImage(), member.path("image").asText());
        assertEquals(served.latestImage(), gateway.path("image").asText());
        assertEquals(served.imageUser(), pod.path("spec").path("securityContext").path("runAsUser").asLong());
        assertEquals(served.imageUser(), pod.path("spec").path("securityContext").path("fsGroup").asLong());
    }

    @Test
    void bothJavaCommandsGetEveryOptionOfJvmOptions() throws IOException, InterruptedException
    {
        final JsonNode options = DeployFiles.yaml(CLUSTER + "jvm-options.yaml");
        assertEquals(DeployFiles.jvmOptions(), List.of(options.path("data").path("jvm.options").asText().strip().split("\n")));
        assertEquals(options.path("metadata").path("name").asText(),
            volume("jvm-options").path("configMap").path("name").asText());
        final String argumentFile = "@" + mountPath(member, "jvm-options") + "/jvm.options";
        assertEquals(mountPath(member, "jvm-options"), mountPath(gateway, "jvm-options"));
        assertTrue(runMember(0).contains(argumentFile));
        assertTrue(runGateway(0).contains(argumentFile));
    }

    @Test
    void everyEnvironmentVariableOfTheGatewayIsASettingOfTheServer()
    {
        final Set<String> exported = new TreeSet<>();
        final Matcher export = EXPORTED.matcher(script(gateway));
        while (export.find())
        {
            exported.add(export.group(1));
        }
        assertTrue(exported.contains("P2PX_CLUSTER_GATEWAY_ID"), exported.toString());
        Manifests.assertServerSettings("deploy/kubernetes/cluster", gateway, configMap,
            DeployFiles.yaml("kubernetes/secrets/credentials.yaml"), exported);
    }

    @Test
    void theGatewaysServeHttpAndAnswerTheProbes()
    {
        final JsonNode service = DeployFiles.yaml(CLUSTER + "service.yaml");
        assertEquals(podLabels(), service.path("spec").path("selector"));
        assertEquals(served.httpPort(), service.path("spec").path("ports").get(0).path("targetPort").asInt());
        assertEquals(served.httpPort(), gateway.path("ports").get(0).path("containerPort").asInt());
        assertEquals(served.metricsPath(), pod.path("metadata").path("annotations").path("prometheus.io/path").asText());
        final Map<String, String> probes = Map.of("startupProbe", served.startupPath(), "livenessProbe",
            served.livenessPath(), "readinessProbe", served.readinessPath());
        probes.forEach((probe, path) ->
        {
            assertEquals(path, gateway.path(probe).path("httpGet").path("path").asText(), probe);
            assertEquals(served.httpPort(), gateway.path(probe).path("httpGet").path("port").asInt(), probe);
        });
    }

    private List<String> runMember(final int ordinal) throws IOException, InterruptedException
    {
        final Map<String, String> environment = new HashMap<>();
        environment.put("P2PX_CLUSTER_HOSTS", config("P2PX_CLUSTER_HOSTS"));
        environment.put("P2PX_CLUSTER_PORT_BASE", config("P2PX_CLUSTER_PORT_BASE"));
        return run(member, ordinal, environment);
    }

    private List<String> runGateway(final int ordinal) throws IOException, InterruptedException
    {
        final Path journal = Files.createDirectories(scratch.resolve("journal"));
        return run(gateway, ordinal, Map.of("P2PX_CLUSTER_JOURNAL_DIR", journal.toString()));
    }

    /**
     * Runs a container's command as the pod of that ordinal would, with stand-ins for java (prints the gateway id it
     * was given, then its arguments one a line) and getent (every name resolves).
     */
    private List<String> run(final JsonNode container, final int ordinal, final Map<String, String> environment)
        throws IOException, InterruptedException
    {
        final Path bin = Files.createDirectories(scratch.resolve("bin"));
        stub(bin.resolve("java"), "echo \"" + GATEWAY_ID + "${P2PX_CLUSTER_GATEWAY_ID:-}\"\nprintf '%s\\n' \"$@\"\n");
        stub(bin.resolve("getent"), "exit 0\n");
        final ProcessBuilder builder = new ProcessBuilder(DeployFiles.strings(container.path("command")))
            .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        builder.environment().put("HOSTNAME", podName(ordinal));
        builder.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        final Process process = builder.start();
        final List<String> printed;
        try (BufferedReader output = process.inputReader())
        {
            printed = output.lines().toList();
        }
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "the command of " + podName(ordinal) + " did not end");
        assertEquals(0, process.exitValue(), "the command of " + podName(ordinal) + " failed");
        return printed;
    }

    private static void stub(final Path file, final String body) throws IOException
    {
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }

    /** The {@code -Dname=value} arguments of a java command line. */
    private static Map<String, String> systemProperties(final List<String> arguments)
    {
        final Map<String, String> properties = new TreeMap<>();
        arguments.stream().filter(argument -> argument.startsWith("-D")).forEach(argument ->
        {
            final int equals = argument.indexOf('=');
            properties.put(argument.substring(2, equals), argument.substring(equals + 1));
        });
        return properties;
    }

    /** What the node makes of these system properties; every name it asks for goes to {@code asked}. */
    private static ClusterNodeSettings nodeSettings(final Map<String, String> properties, final Set<String> asked)
    {
        final Properties saved = System.getProperties();
        final RecordingProperties recording = new RecordingProperties(asked);
        recording.putAll(saved);
        recording.putAll(properties);
        System.setProperties(recording);
        try
        {
            return ClusterNodeSettings.fromSystemProperties();
        }
        finally
        {
            System.setProperties(saved);
        }
    }

    private String config(final String key)
    {
        return configMap.path("data").path(key).asText();
    }

    private String podName(final int ordinal)
    {
        return statefulSet.path("metadata").path("name").asText() + "-" + ordinal;
    }

    private JsonNode podLabels()
    {
        return pod.path("metadata").path("labels");
    }

    private JsonNode container(final String name)
    {
        final JsonNode containers = pod.path("spec").path("containers");
        assertEquals(2, containers.size());
        for (final JsonNode container : containers)
        {
            if (name.equals(container.path("name").asText()))
            {
                return container;
            }
        }
        throw new AssertionError("no container " + name);
    }

    private JsonNode volume(final String name)
    {
        for (final JsonNode volume : pod.path("spec").path("volumes"))
        {
            if (name.equals(volume.path("name").asText()))
            {
                return volume;
            }
        }
        throw new AssertionError("no volume " + name);
    }

    private JsonNode gatewayVariable(final String name)
    {
        for (final JsonNode variable : gateway.path("env"))
        {
            if (name.equals(variable.path("name").asText()))
            {
                return variable;
            }
        }
        throw new AssertionError("the gateway has no variable " + name);
    }

    private static String script(final JsonNode container)
    {
        final List<String> command = DeployFiles.strings(container.path("command"));
        return command.get(command.size() - 1);
    }

    /** System properties that note every name asked for. */
    private static final class RecordingProperties extends Properties
    {
        private static final long serialVersionUID = 1L;

        private final transient Set<String> asked;

        RecordingProperties(final Set<String> asked)
        {
            this.asked = asked;
        }

        @Override
        public String getProperty(final String key)
        {
            asked.add(key);
            return super.getProperty(key);
        }
    }
}
