package org.p2px.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.p2px.api.ApiException;

/** The limits on guessing, on a clock of the test's own. */
class GuessingGuardTest
{
    private final AtomicLong nanos = new AtomicLong(1);
    private final List<Lockout> lockouts = new CopyOnWriteArrayList<>();
    private final GuessingGuard guard = new GuessingGuard(TestLockout.DEFAULTS, nanos::get, lockouts::add);

    @Test
    void anAddressThatGuessesAcrossManyAccountsIsLockedForAllOfThemAndNoOtherAddressIs()
    {
        for (int i = 0; i < 20; i++)
        {
            guard.checkSignIn("victim" + i, "203.0.113.9");
            guard.signInFailed("victim" + i, "203.0.113.9");
        }
        assertEquals("SIGN_IN_LOCKED", refused(() -> guard.checkSignIn("someone-new", "203.0.113.9")));
        assertEquals(1, guard.addressLockouts());
        assertEquals(0, guard.accountLockouts());
        assertEquals(List.of(new Lockout(Lockout.Scope.ADDRESS, "203.0.113.9", "203.0.113.9")), lockouts);
        assertEquals(20, guard.passwordFailures());
        assertDoesNotThrow(() -> guard.checkSignIn("someone-new", "198.51.100.7"));
        // No account reached its own limit: from elsewhere they all sign in.
        assertDoesNotThrow(() -> guard.checkSignIn("victim0", "198.51.100.7"));
    }

    @Test
    void aLockLastsTheLockoutAfterTheLastWrongPasswordAndThenCountsStartOver()
    {
        for (int i = 0; i < 5; i++)
        {
            guard.signInFailed("alice", "198.51.100." + i);
        }
        assertEquals("SIGN_IN_LOCKED", refused(() -> guard.checkSignIn("alice", "192.0.2.1")));
        assertEquals(1, guard.accountLockouts(), "one lock, set by the fifth wrong password");
        assertEquals(List.of(new Lockout(Lockout.Scope.ACCOUNT, "alice", "198.51.100.4")), lockouts);
        nanos.addAndGet(Duration.ofMinutes(14).toNanos());
        assertEquals("SIGN_IN_LOCKED", refused(() -> guard.checkSignIn("alice", "192.0.2.1")));
        nanos.addAndGet(Duration.ofMinutes(1).toNanos() + 1);
        assertDoesNotThrow(() -> guard.checkSignIn("alice", "192.0.2.1"));
        guard.signInFailed("alice", "192.0.2.1");
        assertDoesNotThrow(() -> guard.checkSignIn("alice", "192.0.2.1"));
    }

    @Test
    void aRightPasswordClearsTheAccountsCountButNotTheAddresss()
    {
        for (int i = 0; i < 4; i++)
        {
            guard.signInFailed("bob", "192.0.2.2");
        }
        guard.signedIn("bob");
        for (int i = 0; i < 4; i++)
        {
            guard.signInFailed("bob", "192.0.2.3");
        }
        assertDoesNotThrow(() -> guard.checkSignIn("bob", "192.0.2.3"));
        for (int i = 0; i < 16; i++)
        {
            guard.signInFailed("carol" + i, "192.0.2.2");
        }
        assertEquals("SIGN_IN_LOCKED", refused(() -> guard.checkSignIn("dave", "192.0.2.2")));
    }

    @Test
    void fundPasswordsAreCountedPerUser()
    {
        for (int i = 0; i < 5; i++)
        {
            guard.checkSecondFactor(7);
            guard.secondFactorFailed(7);
        }
        assertEquals("SECOND_FACTOR_LOCKED", refused(() -> guard.checkSecondFactor(7)));
        assertEquals(5, guard.secondFactorFailures());
        assertEquals(1, guard.secondFactorLockouts());
        assertEquals(List.of(new Lockout(Lockout.Scope.SECOND_FACTOR, "7", null)), lockouts);
        assertEquals(0, guard.passwordFailures());
        assertDoesNotThrow(() -> guard.checkSecondFactor(8));
    }

    private static String refused(final Runnable check)
    {
        return assertThrows(ApiException.class, check::run).code();
    }
}
