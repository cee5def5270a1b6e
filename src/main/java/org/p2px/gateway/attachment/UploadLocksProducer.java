package org.p2px.gateway.attachment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2px.server.SharedDatabase;

/**
 * PostgreSQL's advisory locks on PostgreSQL, where other gateways may share the database and the attachment store;
 * this process's own on H2, which belongs to one server.
 */
@ApplicationScoped
public class UploadLocksProducer
{
    @Produces
    @ApplicationScoped
    UploadLocks locks(@ConfigProperty(name = "quarkus.datasource.jdbc.url") final String url)
    {
        return SharedDatabase.postgres(url) ? new AdvisoryUploadLocks() : new ProcessUploadLocks();
    }
}
