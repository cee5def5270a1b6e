package org.p2px.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.p2px.api.ApiException;
import org.p2px.server.EngineMode;
import org.p2px.server.EngineSettings;

/**
 * The shared counts as a cluster gateway wires them (transactions and pooled connections of the server's own), two
 * gateways' guards on the server's PostgreSQL database (run with {@code -Ppostgres}): a wrong password counts even
 * when the request that saw it rolls back, and a lock set through one refuses on the other.
 */
@QuarkusTest
class SharedGuessesPostgresTest
{
    @Inject
    KeyFiles keys;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuthSettings settings;

    @Inject
    Vertx vertx;

    @Inject
    Event<Lockout> lockouts;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    private SharedGuesses shared;
    private GuessingGuard one;
    private GuessingGuard two;

    @BeforeEach
    void twoClusterGateways()
    {
        assumeTrue("postgresql".equals(System.getProperty("p2px.db.kind")), "gateways share PostgreSQL: run with -Ppostgres");
        final EngineSettings cluster = (EngineSettings)Proxy.newProxyInstance(EngineSettings.class.getClassLoader(),
            new Class<?>[] {EngineSettings.class}, (proxy, method, args) ->
            {
                if (method.getName().equals("mode"))
                {
                    return EngineMode.CLUSTER;
                }
                throw new UnsupportedOperationException(method.getName());
            });
        shared = new SharedGuesses(cluster, url, keys, dataSource, settings, vertx);
        assertTrue(shared.enabled());
        one = new GuessingGuard(settings, lockouts, shared);
        two = new GuessingGuard(settings, lockouts, new SharedGuesses(cluster, url, keys, dataSource, settings, vertx));
    }

    @Test
    void wrongPasswordsCountEvenWhenTheirRequestRollsBackAndTheLockHoldsOnTheOtherGateway()
    {
        final String account = "rolled-" + UUID.randomUUID();
        for (int i = 0; i < settings.lockout().maxFailures(); i++)
        {
            assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
            {
                one.signInFailed(account, "2001:db8::42");
                throw new IllegalStateException("the request failed after its wrong password");
            }));
        }
        assertEquals("SIGN_IN_LOCKED", assertThrows(ApiException.class, () -> two.checkSignIn(account, "192.0.2.1")).code());
        assertEquals(1, one.accountLockouts());
        two.signedIn(account);
        assertDoesNotThrow(() -> one.checkSignIn(account, "192.0.2.1"));
    }

    @Test
    void theSweepDeletesCountsALockoutOld()
    {
        final String account = "swept-" + UUID.randomUUID();
        one.signInFailed(account, null);
        final Duration lockout = settings.lockout().duration();
        assertTrue(shared.sweep(System.currentTimeMillis() + lockout.toMillis() + 1_000) >= 1);
        for (int i = 1; i < settings.lockout().maxFailures(); i++)
        {
            two.signInFailed(account, null);
        }
        assertDoesNotThrow(() -> one.checkSignIn(account, null), "the swept wrong password no longer counts");
    }
}
