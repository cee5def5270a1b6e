package org.p2px.gateway.attachment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.p2px.gateway.Audit;
import org.p2px.gateway.OrderAccess;
import org.p2px.projector.ProjectionProgress;
import org.p2px.server.CoreCommands;

/**
 * Makes an {@link AttachmentService} beside the server's, from the server's parts but a store or locks of the
 * test's: as after a restart, or as another gateway process on the same database would have.
 */
@ApplicationScoped
class SecondService
{
    private final OrderAccess access;
    private final CoreCommands core;
    private final UploadInspector inspector;
    private final AttachmentSettings settings;
    private final Audit audit;
    private final Instance<ProjectionProgress> projection;
    private final ScratchFolder scratch;

    SecondService(final OrderAccess access, final CoreCommands core, final UploadInspector inspector,
        final AttachmentSettings settings, final Audit audit, final Instance<ProjectionProgress> projection,
        final ScratchFolder scratch)
    {
        this.access = access;
        this.core = core;
        this.inspector = inspector;
        this.settings = settings;
        this.audit = audit;
        this.projection = projection;
        this.scratch = scratch;
    }

    AttachmentService over(final AttachmentStore store, final UploadLocks locks)
    {
        return new AttachmentService(access, core, store, inspector, settings, audit, projection, scratch, locks);
    }
}
