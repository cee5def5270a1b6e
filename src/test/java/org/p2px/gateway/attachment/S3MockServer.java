package org.p2px.gateway.attachment;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real S3-compatible server for the S3 store's tests: Adobe's S3Mock, whose executable jar the build copies to
 * {@code target/s3mock/s3mock.jar} (pom.xml, generate-test-resources), run as its own process on a free port (it is
 * a Spring Boot application and must not share the Quarkus tests' classpath), and stopped with the tests.
 */
public class S3MockServer implements QuarkusTestResourceLifecycleManager
{
    static final String BUCKET = "p2px-test";
    static final String PREFIX = "attachments/";
    private static final Path JAR = Path.of("target", "s3mock", "s3mock.jar");
    private static final long START_TIMEOUT_MS = 120_000;

    private Process process;
    private Path log;

    @Override
    public Map<String, String> start()
    {
        if (!Files.isRegularFile(JAR))
        {
            throw new IllegalStateException(JAR + " is missing: run the tests with Maven, which copies it there");
        }
        try
        {
            final int port = freePort();
            final Path root = Files.createTempDirectory(Path.of("target"), "s3mock-");
            log = root.resolve("s3mock.log");
            process = new ProcessBuilder(List.of(javaCommand(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
                JAR.toString(), "--com.adobe.testing.s3mock.httpPort=" + port, "--server.port=0", "--spring.main.banner-mode=off",
                "--com.adobe.testing.s3mock.store.root=" + root.resolve("store")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            final String endpoint = "http://127.0.0.1:" + port;
            awaitAnswer(endpoint);
            return Map.of(
                "p2px.attachments.store", "s3",
                "p2px.attachments.s3.endpoint", endpoint,
                "p2px.attachments.s3.bucket", BUCKET,
                "p2px.attachments.s3.region", "us-east-1",
                "p2px.attachments.s3.access-key-id", "test",
                "p2px.attachments.s3.secret-access-key", "test",
                "p2px.attachments.s3.path-style", "true",
                "p2px.attachments.s3.prefix", PREFIX,
                "p2px.attachments.s3.create-bucket", "true");
        }
        catch (final IOException | InterruptedException ex)
        {
            stop();
            throw new IllegalStateException("S3Mock did not start; see " + log, ex);
        }
    }

    @Override
    public void stop()
    {
        if (process == null)
        {
            return;
        }
        process.destroy();
        try
        {
            if (!process.waitFor(20, TimeUnit.SECONDS))
            {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (final InterruptedException ex)
        {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Waits until the server lists its buckets: only then does it take requests. */
    private void awaitAnswer(final String endpoint) throws IOException, InterruptedException
    {
        final long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline)
        {
            if (!process.isAlive())
            {
                throw new IOException("S3Mock exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try
            {
                final HttpURLConnection connection = (HttpURLConnection)URI.create(endpoint + "/").toURL().openConnection();
                connection.setConnectTimeout(1_000);
                if (connection.getResponseCode() == 200)
                {
                    return;
                }
            }
            catch (final IOException notYet)
            {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new IOException("S3Mock did not answer at " + endpoint + " within " + START_TIMEOUT_MS + " ms");
    }

    static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }

    private static String javaCommand()
    {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
