package org.p2px.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The chat lines lately pushed to this gateway's clients, so that none is pushed twice: a line can reach the push
 * by several ways (stored here, its notice, the catch-up of {@link ChatLineCatchUp}), and whichever claims it first
 * pushes it. The newest {@value #KEPT} ids are kept (a few MB at most): the catch-up meets a line within a second or
 * so of its commit, and a notice comes within milliseconds, so a line is long claimed before its id is dropped.
 */
@ApplicationScoped
public class PushedChatLines
{
    static final int KEPT = 65_536;

    private final Map<Long, Boolean> ids = new LinkedHashMap<>(1024, 0.75f, false)
    {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(final Map.Entry<Long, Boolean> eldest)
        {
            return size() > KEPT;
        }
    };

    /** True the first time for a line: then the caller pushes it; false once it is pushed (or being pushed). */
    public synchronized boolean claim(final long lineId)
    {
        return ids.putIfAbsent(lineId, Boolean.TRUE) == null;
    }

    /** Whether the line is pushed already, so that it need not even be read. */
    synchronized boolean claimed(final long lineId)
    {
        return ids.containsKey(lineId);
    }
}
