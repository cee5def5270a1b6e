package org.p2px.auth;

import java.time.Duration;

/**
 * Wrong guesses counted per key (an account, an address, a user's second factor): after the limit of them with no
 * gap longer than the lockout, the key is locked until the lockout has passed since the last one; a success forgets
 * the key. In this process's memory ({@link FailureLimiter}) or in the database all gateways share
 * ({@link FailureTable}).
 */
public interface FailureCounts
{
    /** How long {@code key} must still wait before it may try again; zero when it may now. */
    Duration lockedFor(String key);

    /** Counts a wrong guess; true when it is the one that locks the key. */
    boolean failed(String key);

    void forget(String key);

    /** How many times this process saw a key locked by its own count. */
    long lockouts();
}
