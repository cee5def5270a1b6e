package org.p2px.auth;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Ticker;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;

/**
 * Stops password guessing: wrong sign-ins are counted per account (known or not, so that a lock tells nothing about
 * which usernames exist) and per client address, wrong second factors (fund passwords, authenticator codes) per user; past the limits
 * ({@code p2px.auth.lockout.*}) further tries are refused without being checked until the lockout has passed.
 * A single server counts in its memory ({@link FailureLimiter}): a restart forgets the counts, which an attacker
 * cannot cause. Gateways sharing a PostgreSQL database count in it ({@link SharedGuesses}, {@link FailureTable}), so
 * the limits hold across them and the right password clears the account's count on all. The metrics read how many
 * wrong passwords and second factors this process saw, and how many locks it set (summed over the gateways, each
 * lock counts once: on the gateway whose wrong guess set it); each lock is also announced there as a
 * {@link Lockout} event (for the audit log).
 */
@ApplicationScoped
public class GuessingGuard
{
    /** More keys than any attack from a few addresses makes; memory stays in the megabytes. */
    private static final long MAX_KEYS = 200_000;

    private final FailureCounts accounts;
    private final FailureCounts addresses;
    private final FailureCounts fundPasswords;
    private final LongAdder passwordFailures = new LongAdder();
    private final LongAdder secondFactorFailures = new LongAdder();
    private final Consumer<Lockout> lockouts;

    @Inject
    public GuessingGuard(final AuthSettings settings, final Event<Lockout> lockouts, final SharedGuesses shared)
    {
        this(settings.lockout(), Ticker.systemTicker(), lockouts::fire, shared.enabled() ? shared::table : null);
    }

    /** Counting in memory only, on {@code ticker}. */
    GuessingGuard(final AuthSettings.Lockout lockout, final Ticker ticker, final Consumer<Lockout> lockouts)
    {
        this(lockout, ticker, lockouts, null);
    }

    /** Counting in {@code shared} (the memory of this process its fallback), or, when it is null, in memory. */
    GuessingGuard(final AuthSettings.Lockout lockout, final Ticker ticker, final Consumer<Lockout> lockouts,
        final SharedCounts shared)
    {
        this.lockouts = lockouts;
        accounts = counts(Lockout.Scope.ACCOUNT, lockout.maxFailures(), lockout, ticker, shared);
        addresses = counts(Lockout.Scope.ADDRESS, lockout.maxFailuresPerAddress(), lockout, ticker, shared);
        fundPasswords = counts(Lockout.Scope.SECOND_FACTOR, lockout.maxFundPasswordFailures(), lockout, ticker, shared);
    }

    /** Where one scope's counts are kept beside this process's memory. */
    @FunctionalInterface
    interface SharedCounts
    {
        FailureCounts table(String scope, int maxFailures, FailureLimiter fallback);
    }

    private static FailureCounts counts(final Lockout.Scope scope, final int maxFailures,
        final AuthSettings.Lockout lockout, final Ticker ticker, final SharedCounts shared)
    {
        final FailureLimiter memory = new FailureLimiter(maxFailures, lockout.duration(), MAX_KEYS, ticker);
        return shared == null ? memory : shared.table(scope.name(), maxFailures, memory);
    }

    /**
     * Refuses with SIGN_IN_LOCKED while the account or the address is locked; checks no password. A null address
     * (a signed-in user proving it is them) counts against the account only.
     */
    public void checkSignIn(final String accountKey, final String address)
    {
        final Duration wait = max(accounts.lockedFor(accountKey), address == null ? Duration.ZERO : addresses.lockedFor(address));
        if (!wait.isZero())
        {
            throw ApiException.of(GatewayError.SIGN_IN_LOCKED, "Too many wrong passwords for this account or from this "
                + "address; try again in " + seconds(wait) + " s.");
        }
    }

    public void signInFailed(final String accountKey, final String address)
    {
        passwordFailures.increment();
        if (accounts.failed(accountKey))
        {
            lockouts.accept(new Lockout(Lockout.Scope.ACCOUNT, accountKey, address));
        }
        if (address != null && addresses.failed(address))
        {
            lockouts.accept(new Lockout(Lockout.Scope.ADDRESS, address, address));
        }
    }

    /** The account's count starts over; the address keeps its own (one right password does not clear a spray). */
    public void signedIn(final String accountKey)
    {
        accounts.forget(accountKey);
    }

    public void checkSecondFactor(final long userId)
    {
        final Duration wait = fundPasswords.lockedFor(Long.toString(userId));
        if (!wait.isZero())
        {
            throw ApiException.of(GatewayError.SECOND_FACTOR_LOCKED, "Too many wrong fund passwords or authenticator codes; try again in "
                + seconds(wait) + " s.");
        }
    }

    public void secondFactorFailed(final long userId)
    {
        secondFactorFailures.increment();
        if (fundPasswords.failed(Long.toString(userId)))
        {
            lockouts.accept(new Lockout(Lockout.Scope.SECOND_FACTOR, Long.toString(userId), null));
        }
    }

    public void secondFactorPassed(final long userId)
    {
        fundPasswords.forget(Long.toString(userId));
    }

    /** Wrong passwords, at sign-in and where a signed-in user proves it is them. */
    public long passwordFailures()
    {
        return passwordFailures.sum();
    }

    /** Wrong fund passwords and authenticator codes. */
    public long secondFactorFailures()
    {
        return secondFactorFailures.sum();
    }

    public long accountLockouts()
    {
        return accounts.lockouts();
    }

    public long addressLockouts()
    {
        return addresses.lockouts();
    }

    public long secondFactorLockouts()
    {
        return fundPasswords.lockouts();
    }

    private static Duration max(final Duration a, final Duration b)
    {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static long seconds(final Duration wait)
    {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
