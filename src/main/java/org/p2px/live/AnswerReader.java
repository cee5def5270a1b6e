package org.p2px.live;

/**
 * Reads what a caller needs from its accepted command: called on the view's thread right after the view applied
 * the command's batch, so the state it reads is exactly the state that batch left. Keep it short; copy out
 * records, never the state itself.
 */
@FunctionalInterface
public interface AnswerReader<T>
{
    T read(CommandReply reply, LiveState state);
}
