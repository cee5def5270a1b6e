package org.p2px.observability;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the read models' readiness check watches, under {@code p2px.health.*} (docs/operations.md, "Health"). */
@ConfigMapping(prefix = "p2px.health")
public interface HealthSettings
{
    /** How often a thread of its own checks that the database answers. */
    @WithDefault("PT5S")
    Duration databaseProbeInterval();

    /** A check that has not answered within this counts as the database not answering. */
    @WithDefault("PT2S")
    Duration databaseProbeTimeout();

    /** Read models this far behind the journal (in time) are reported degraded. */
    @WithDefault("PT10S")
    Duration readModelsMaxLag();
}
