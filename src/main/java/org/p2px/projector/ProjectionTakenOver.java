package org.p2px.projector;

/**
 * The read models are not where this projector left them: another server sharing the database projected meanwhile
 * (it took the lease over). Nothing was written; the projector starts over from the database's position.
 */
final class ProjectionTakenOver extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    ProjectionTakenOver(final long expected, final long found)
    {
        super("the read models are at batch " + found + ", not at batch " + expected +
            " where this projector left them: another server projected meanwhile");
    }
}
