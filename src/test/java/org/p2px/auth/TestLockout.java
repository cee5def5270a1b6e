package org.p2px.auth;

import java.time.Duration;

/** The default limits on guessing (5 per account, 20 per address, 5 second factors, 15 minutes), for unit tests. */
record TestLockout(int maxFailures, int maxFailuresPerAddress, int maxFundPasswordFailures, Duration duration)
    implements AuthSettings.Lockout
{
    static final TestLockout DEFAULTS = new TestLockout(5, 20, 5, Duration.ofMinutes(15));
}
