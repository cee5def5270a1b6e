package org.p2px.projector;

/**
 * Told after each projector transaction has committed, on the projector's thread: what it wrote. The gateway
 * listens to push the system's chat lines, which exist (with their ids) only once they are in the database.
 * A listener that fails is logged; the rows stay committed.
 */
public interface ProjectionListener
{
    void committed(Committed committed);
}
