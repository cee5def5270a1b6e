package org.p2px.auth;

/**
 * A lock {@link GuessingGuard} has just set after too many wrong guesses, fired as a CDI event for the audit log:
 * on an account ({@code subject}: its username key), a client address ({@code subject}: the address), or a user's
 * second factor ({@code subject}: the user id). {@code address} is where the last wrong guess came from, when known.
 */
public record Lockout(Scope scope, String subject, String address)
{
    public enum Scope
    {
        ACCOUNT, ADDRESS, SECOND_FACTOR
    }
}
