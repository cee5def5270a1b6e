package org.p2px.observability;

import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.p2px.auth.GuessingGuard;
import org.p2px.auth.PasswordHashing;
import org.p2px.gateway.ChatLimits;
import org.p2px.gateway.ws.Requests;

/**
 * The limits against hostile or runaway clients (docs/security.md): requests refused RATE_LIMITED by limit, wrong
 * passwords and second factors, and the locks they set.
 */
@ApplicationScoped
public class GuardMetrics implements MeterBinder
{
    private final Requests wsRequests;
    private final PasswordHashing hashing;
    private final ChatLimits chat;
    private final GuessingGuard guard;

    public GuardMetrics(final Requests wsRequests, final PasswordHashing hashing, final ChatLimits chat,
        final GuessingGuard guard)
    {
        this.wsRequests = wsRequests;
        this.hashing = hashing;
        this.chat = chat;
        this.guard = guard;
    }

    @Override
    public void bindTo(final MeterRegistry registry)
    {
        refusals(registry, "ws_rate", metrics -> metrics.wsRequests.overRateRefusals());
        refusals(registry, "ws_pending", metrics -> metrics.wsRequests.overPendingRefusals());
        refusals(registry, "password_checks", metrics -> metrics.hashing.refusals());
        refusals(registry, "chat_lines", metrics -> metrics.chat.refusals());
        counter(registry, "p2px.sign.in.failures", "factor", "password", metrics -> metrics.guard.passwordFailures(),
            "Wrong passwords and second factors");
        counter(registry, "p2px.sign.in.failures", "factor", "second_factor",
            metrics -> metrics.guard.secondFactorFailures(), "Wrong passwords and second factors");
        counter(registry, "p2px.lockouts", "scope", "account", metrics -> metrics.guard.accountLockouts(),
            "Locks set after too many wrong tries");
        counter(registry, "p2px.lockouts", "scope", "address", metrics -> metrics.guard.addressLockouts(),
            "Locks set after too many wrong tries");
        counter(registry, "p2px.lockouts", "scope", "second_factor", metrics -> metrics.guard.secondFactorLockouts(),
            "Locks set after too many wrong tries");
    }

    private void refusals(final MeterRegistry registry, final String limit, final ToDoubleFunction<GuardMetrics> count)
    {
        counter(registry, "p2px.rate.limit.refusals", "limit", limit, count, "Requests refused RATE_LIMITED, by limit");
    }

    private void counter(final MeterRegistry registry, final String name, final String tag, final String value,
        final ToDoubleFunction<GuardMetrics> count, final String description)
    {
        FunctionCounter.builder(name, this, count).tag(tag, value).description(description).register(registry);
    }
}
