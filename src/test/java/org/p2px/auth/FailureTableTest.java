package org.p2px.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.p2px.api.ApiException;

/** The shared counts' parts that need no database: what they store for a key, and what they do when it fails. */
class FailureTableTest
{
    private static final String KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private final AtomicLong nanos = new AtomicLong(1);
    private final List<Lockout> lockouts = new ArrayList<>();

    @Test
    void aKeyIsStoredAsSixtyFourHexDigitsOfItsScopeAndItselfWhateverItHolds()
    {
        final FailureTable accounts = table("ACCOUNT", KEY, failingDatabase());
        final FailureTable addresses = table("ADDRESS", KEY, failingDatabase());
        for (final String key : List.of("alice", "2001:db8::1", "x".repeat(100_000), "", "a:b", "line\nbreak"))
        {
            assertTrue(accounts.subject(key).matches("[0-9a-f]{64}"), key);
            assertEquals(accounts.subject(key), table("ACCOUNT", KEY, failingDatabase()).subject(key), "the same on every gateway");
            assertNotEquals(accounts.subject(key), addresses.subject(key), "scopes do not share counts");
            assertNotEquals(accounts.subject(key), table("ACCOUNT", KEY.replace('0', '1'), failingDatabase()).subject(key),
                "keyed: not a plain hash anyone can recompute");
        }
    }

    /** A failing database neither lets guesses through without limit nor locks anyone: this process counts. */
    @Test
    void whileTheDatabaseFailsTheLimitsHoldInThisProcess()
    {
        final GuessingGuard guard = new GuessingGuard(TestLockout.DEFAULTS, nanos::get, lockouts::add,
            (scope, max, fallback) -> new FailureTable(scope, max, Duration.ofMinutes(15), KEY, failingDatabase(),
                () -> nanos.get() / 1_000_000, fallback));
        for (int i = 0; i < 4; i++)
        {
            assertDoesNotThrow(() -> guard.checkSignIn("alice", "2001:db8::7"));
            guard.signInFailed("alice", "2001:db8::7");
        }
        assertDoesNotThrow(() -> guard.checkSignIn("alice", "2001:db8::7"));
        guard.signInFailed("alice", "2001:db8::7");
        assertEquals("SIGN_IN_LOCKED", assertThrows(ApiException.class, () -> guard.checkSignIn("alice", "192.0.2.1")).code());
        assertDoesNotThrow(() -> guard.checkSignIn("bob", "192.0.2.1"));
        assertEquals(List.of(new Lockout(Lockout.Scope.ACCOUNT, "alice", "2001:db8::7")), lockouts);
        assertEquals(1, guard.accountLockouts());
        guard.signedIn("alice");
        assertDoesNotThrow(() -> guard.checkSignIn("alice", "192.0.2.1"));
    }

    private FailureTable table(final String scope, final String key, final FailureTable.Database database)
    {
        return new FailureTable(scope, 5, Duration.ofMinutes(15), key, database, () -> nanos.get() / 1_000_000,
            new FailureLimiter(5, Duration.ofMinutes(15), 100, nanos::get));
    }

    private static FailureTable.Database failingDatabase()
    {
        return new FailureTable.Database()
        {
            @Override
            public <T> T call(final FailureTable.Work<T> work) throws SQLException
            {
                throw new SQLException("connection refused");
            }
        };
    }
}
