package org.p2px.journal;

/** An append that may not have reached the journal: the engine stops taking commands when it sees one. */
public final class JournalWriteException extends RuntimeException
{
    public JournalWriteException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
