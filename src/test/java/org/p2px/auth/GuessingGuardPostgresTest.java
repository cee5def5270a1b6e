package org.p2px.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.p2px.api.ApiException;

/**
 * Two gateways' guards on one PostgreSQL database (the {@code postgres} Maven profile's, or
 * {@code -Dp2px.db.url=...}), each counting through connections of its own in {@code guess_failures}, made by the
 * real migration in a schema of this test's own, on a clock of the test's own: the limits hold across them.
 */
class GuessingGuardPostgresTest
{
    private static final String KEY = "7d1f3c0a9b8e4d2c6a5f0e1d2c3b4a596877665544332211ffeeddccbbaa9988";
    private static final long SEED = Long.getLong("p2px.test.seed", System.nanoTime());
    private static final long START_MILLIS = 1_800_000_000_000L;

    private final String schema = "guards_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
    private final AtomicLong millis = new AtomicLong(START_MILLIS);
    private final List<Lockout> lockouts = new CopyOnWriteArrayList<>();
    private GuessingGuard one;
    private GuessingGuard two;

    @BeforeEach
    void twoGateways() throws Exception
    {
        assumeTrue("postgresql".equals(System.getProperty("p2px.db.kind")) && System.getProperty("p2px.db.url") != null,
            "the shared counts are PostgreSQL's: run with -Ppostgres");
        try (Connection connection = connect(); Statement create = connection.createStatement())
        {
            create.execute("CREATE SCHEMA " + schema);
            create.execute("SET search_path TO " + schema);
            create.execute(migration());
        }
        one = gateway();
        two = gateway();
    }

    @AfterEach
    void dropSchema() throws SQLException
    {
        if (one != null)
        {
            try (Connection connection = connect(); Statement drop = connection.createStatement())
            {
                drop.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void wrongPasswordsThroughEitherGatewayAddUpAndTheLockRefusesOnBothAtOnce()
    {
        final SplittableRandom random = random();
        for (int i = 0; i < 5; i++)
        {
            final GuessingGuard through = random.nextBoolean() ? one : two;
            assertDoesNotThrow(() -> through.checkSignIn("victim", "198.51.100." + random.nextInt(250)));
            through.signInFailed("victim", "198.51.100." + random.nextInt(250));
        }
        assertEquals("SIGN_IN_LOCKED", refused(() -> one.checkSignIn("victim", "192.0.2.1")));
        assertEquals("SIGN_IN_LOCKED", refused(() -> two.checkSignIn("victim", "192.0.2.1")));
        assertEquals(1, lockouts.size(), "one lock, announced by the gateway whose wrong password set it");
        assertEquals(new Lockout(Lockout.Scope.ACCOUNT, "victim", lockouts.get(0).address()), lockouts.get(0));
        assertEquals(1, one.accountLockouts() + two.accountLockouts());
        assertEquals(5, one.passwordFailures() + two.passwordFailures());
        assertDoesNotThrow(() -> two.checkSignIn("someone-else", "192.0.2.1"));
    }

    @Test
    void theRightPasswordThroughOneGatewayClearsTheAccountsCountOnTheOther()
    {
        for (int i = 0; i < 4; i++)
        {
            one.signInFailed("bob", "192.0.2.2");
        }
        two.signedIn("bob");
        for (int i = 0; i < 4; i++)
        {
            one.signInFailed("bob", "192.0.2.3");
        }
        assertDoesNotThrow(() -> one.checkSignIn("bob", "192.0.2.3"));
        two.signInFailed("bob", "192.0.2.3");
        assertEquals("SIGN_IN_LOCKED", refused(() -> one.checkSignIn("bob", "192.0.2.4")));
    }

    @Test
    void aLockLastsTheLockoutAfterTheLastWrongPasswordOnEveryGatewayAndThenCountsStartOver()
    {
        for (int i = 0; i < 5; i++)
        {
            (i % 2 == 0 ? one : two).signInFailed("alice", "192.0.2.5");
        }
        millis.addAndGet(Duration.ofMinutes(14).toMillis());
        assertEquals("SIGN_IN_LOCKED", refused(() -> two.checkSignIn("alice", "192.0.2.6")));
        millis.addAndGet(Duration.ofMinutes(1).toMillis() + 1);
        assertDoesNotThrow(() -> one.checkSignIn("alice", "192.0.2.6"));
        assertDoesNotThrow(() -> two.checkSignIn("alice", "192.0.2.6"));
        two.signInFailed("alice", "192.0.2.6");
        assertDoesNotThrow(() -> one.checkSignIn("alice", "192.0.2.6"), "the old count started over");
    }

    @Test
    void anIpv6AddressSprayingManyAccountsAndASecondFactorAreLockedOnBothGateways()
    {
        final String address = "2001:db8:85a3::8a2e:370:7334";
        final SplittableRandom random = random();
        for (int i = 0; i < 20; i++)
        {
            (random.nextBoolean() ? one : two).signInFailed("sprayed" + i, address);
        }
        assertEquals("SIGN_IN_LOCKED", refused(() -> one.checkSignIn("new-one", address)));
        assertEquals("SIGN_IN_LOCKED", refused(() -> two.checkSignIn("new-one", address)));
        assertDoesNotThrow(() -> one.checkSignIn("new-one", "2001:db8:85a3::8a2e:370:7335"));
        for (int i = 0; i < 5; i++)
        {
            (random.nextBoolean() ? one : two).secondFactorFailed(42);
        }
        assertEquals("SECOND_FACTOR_LOCKED", refused(() -> one.checkSecondFactor(42)));
        assertEquals("SECOND_FACTOR_LOCKED", refused(() -> two.checkSecondFactor(42)));
        assertDoesNotThrow(() -> two.checkSecondFactor(43));
        one.secondFactorPassed(42);
        assertDoesNotThrow(() -> two.checkSecondFactor(42));
    }

    @Test
    void theTableHoldsNoUsernameOrAddressWhateverTheirSize() throws SQLException
    {
        final String huge = "u".repeat(200_000);
        one.signInFailed(huge, "2001:db8::1");
        two.signInFailed("findable-name", "2001:db8::1");
        final List<String> subjects = new ArrayList<>();
        try (Connection connection = connect(); Statement read = connection.createStatement();
            ResultSet rows = read.executeQuery("SELECT subject FROM " + schema + ".guess_failures"))
        {
            while (rows.next())
            {
                subjects.add(rows.getString(1));
            }
        }
        assertEquals(3, subjects.size(), "two accounts and one address");
        assertTrue(subjects.stream().allMatch(subject -> subject.matches("[0-9a-f]{64}")), subjects::toString);
    }

    /** Wrong passwords sent together through both gateways: the count reaches the limit once, one lock is set. */
    @Test
    void wrongPasswordsTogetherThroughBothGatewaysSetOneLock() throws Exception
    {
        final int together = 16;
        final ExecutorService pool = Executors.newFixedThreadPool(together);
        try
        {
            final CountDownLatch start = new CountDownLatch(1);
            final List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < together; i++)
            {
                final GuessingGuard through = i % 2 == 0 ? one : two;
                done.add(pool.submit(() ->
                {
                    start.await();
                    through.signInFailed("target", "203.0.113.1");
                    return null;
                }));
            }
            start.countDown();
            for (final Future<?> each : done)
            {
                each.get();
            }
        }
        finally
        {
            pool.shutdownNow();
        }
        assertEquals(1, one.accountLockouts() + two.accountLockouts());
        assertEquals(1, lockouts.stream().filter(lock -> lock.scope() == Lockout.Scope.ACCOUNT).count());
        assertEquals("SIGN_IN_LOCKED", refused(() -> one.checkSignIn("target", "192.0.2.9")));
    }

    @Test
    void theSweepDeletesOnlyCountsALockoutOld() throws SQLException
    {
        one.signInFailed("old", "192.0.2.10");
        millis.addAndGet(Duration.ofMinutes(10).toMillis());
        two.signInFailed("recent", "192.0.2.11");
        final long cutoff = millis.addAndGet(Duration.ofMinutes(6).toMillis()) - Duration.ofMinutes(15).toMillis();
        try (Connection connection = connect())
        {
            connection.createStatement().execute("SET search_path TO " + schema);
            assertEquals(2, FailureTable.update(connection, FailureTable.SWEEP, cutoff), "old's account and address");
            assertFalse(connection.createStatement().executeQuery("SELECT 1 FROM guess_failures WHERE last_at <= "
                + cutoff).next());
        }
    }

    private GuessingGuard gateway()
    {
        final FailureTable.Database database = new FailureTable.Database()
        {
            @Override
            public <T> T call(final FailureTable.Work<T> work) throws SQLException
            {
                try (Connection connection = connect(); Statement path = connection.createStatement())
                {
                    path.execute("SET search_path TO " + schema);
                    return work.run(connection);
                }
            }
        };
        return new GuessingGuard(TestLockout.DEFAULTS, () -> millis.get() * 1_000_000, lockouts::add,
            (scope, max, fallback) -> new FailureTable(scope, max, TestLockout.DEFAULTS.duration(), KEY, database,
                millis::get, fallback));
    }

    private static SplittableRandom random()
    {
        System.out.println("GuessingGuardPostgresTest seed " + SEED + " (-Dp2px.test.seed=" + SEED + " repeats it)");
        return new SplittableRandom(SEED);
    }

    private static String migration() throws IOException
    {
        try (InputStream sql = GuessingGuardPostgresTest.class.getResourceAsStream("/db/migration/V14__guess_failures.sql"))
        {
            return new String(sql.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Connection connect() throws SQLException
    {
        return DriverManager.getConnection(System.getProperty("p2px.db.url"),
            System.getProperty("p2px.db.username", "postgres"), System.getProperty("p2px.db.password", ""));
    }

    private static String refused(final Runnable check)
    {
        return assertThrows(ApiException.class, check::run).code();
    }
}
