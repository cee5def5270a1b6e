package org.p2px.deploy;

import java.util.List;
import java.util.Properties;

/**
 * What the server serves and where it keeps its data, from application.properties, with Quarkus' own defaults for
 * the keys it leaves unset: the values every manifest under deploy/ must name.
 */
final class Served
{
    private final Properties properties = DeployFiles.applicationProperties();

    int httpPort()
    {
        return Integer.parseInt(property("quarkus.http.port", "8080"));
    }

    String livenessPath()
    {
        return healthPath("quarkus.smallrye-health.liveness-path", "live");
    }

    String readinessPath()
    {
        return healthPath("quarkus.smallrye-health.readiness-path", "ready");
    }

    String startupPath()
    {
        return healthPath("quarkus.smallrye-health.startup-path", "started");
    }

    /** Micrometer's Prometheus registry. */
    String metricsPath()
    {
        return underNonApplicationRoot(property("quarkus.micrometer.export.prometheus.path", "metrics"));
    }

    /** The data directory the container image sets; every deployment mounts its volume there. */
    String imageDataDir()
    {
        return required("quarkus.jib.environment-variables.\"P2PX_ENGINE_DATA_DIR\"");
    }

    long imageUser()
    {
        return Long.parseLong(required("quarkus.jib.user"));
    }

    /** The image as Jib tags it for the deployments: group/name:latest. */
    String latestImage()
    {
        if (!List.of(required("quarkus.container-image.additional-tags").split(",")).contains("latest"))
        {
            throw new IllegalStateException("the build does not tag the image latest");
        }
        return required("quarkus.container-image.group") + "/" +
            property("quarkus.container-image.name", required("quarkus.application.name")) + ":latest";
    }

    String property(final String key, final String quarkusDefault)
    {
        return properties.getProperty(key, quarkusDefault).trim();
    }

    String required(final String key)
    {
        final String value = properties.getProperty(key);
        if (value == null)
        {
            throw new IllegalStateException(key + " is not set in application.properties");
        }
        return value.trim();
    }

    private String healthPath(final String key, final String quarkusDefault)
    {
        final String root = underNonApplicationRoot(property("quarkus.smallrye-health.root-path", "health"));
        final String path = property(key, quarkusDefault);
        return path.startsWith("/") ? path : root + "/" + path;
    }

    private String underNonApplicationRoot(final String path)
    {
        if (path.startsWith("/"))
        {
            return path;
        }
        final String root = property("quarkus.http.non-application-root-path", "q");
        return (root.startsWith("/") ? root : "/" + root) + "/" + path;
    }
}
