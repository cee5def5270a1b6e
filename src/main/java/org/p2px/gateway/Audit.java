package org.p2px.gateway;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.p2px.api.GatewayError;
import org.p2px.auth.Lockout;
import org.p2px.readmodel.Usernames;

/**
 * The audit trail: one INFO line in the {@code p2px.audit} category for every operation that moves money or needs
 * a privilege, written by the gateways, which know the caller and its address (docs/operations.md, "Logs"). The
 * line reads {@code <action> <result> field=value ...}; with a JSON format on, its fields are also in the MDC while it
 * is logged, so the JSON carries each as a key of its own ({@code mdc.action}, {@code mdc.userId}...). Writing it
 * costs a log call on the gateway's thread, never a database read (the username is the one held in memory).
 */
@Singleton
public class Audit
{
    public static final String CATEGORY = "p2px.audit";

    private static final Logger LOG = Logger.getLogger(CATEGORY);
    /** Marks an MDC field that had no value before the line. */
    private static final Object NOTHING = new Object();

    private final Usernames usernames;

    public Audit(final Usernames usernames)
    {
        this.usernames = usernames;
    }

    /** An operation of a signed-in caller: its user, API key (if it used one) and address. */
    public AuditEntry by(final Caller caller, final String action)
    {
        return new AuditEntry(action).with("userId", caller.userId()).with("username", usernames.held(caller.userId()))
            .with("apiKey", caller.apiKeyId()).with("address", caller.address());
    }

    /** An operation of someone not signed in (yet), from {@code address}. */
    public static AuditEntry from(final String address, final String action)
    {
        return new AuditEntry(action).with("address", address);
    }

    /** A lock set on an account, a client address or a user's second factor after too many wrong guesses. */
    void locked(@Observes final Lockout lockout)
    {
        final AuditEntry entry = from(lockout.address(), "auth.lockout").with("scope", lockout.scope());
        switch (lockout.scope())
        {
            case ACCOUNT -> entry.with("account", lockout.subject()).write(GatewayError.SIGN_IN_LOCKED.name());
            case ADDRESS -> entry.write(GatewayError.SIGN_IN_LOCKED.name());
            case SECOND_FACTOR -> entry.with("userId", lockout.subject())
                .with("username", usernames.held(Long.parseLong(lockout.subject())))
                .write(GatewayError.SECOND_FACTOR_LOCKED.name());
        }
    }

    /**
     * With a JSON format on, the fields are put in the MDC around the one call (and what was there before put back);
     * the text format prints the line alone, so the MDC is left alone (a fifth of the line's cost).
     */
    static void write(final String action, final String result, final Map<String, String> fields)
    {
        if (!LOG.isInfoEnabled())
        {
            return;
        }
        final StringBuilder line = new StringBuilder(action).append(' ').append(result);
        fields.forEach((field, value) -> line.append(' ').append(field).append('=').append(quoted(value)));
        if (!jsonFormatOn())
        {
            LOG.info(line);
            return;
        }
        final Map<String, Object> before = new HashMap<>();
        put(before, "action", action);
        put(before, "result", result);
        fields.forEach((field, value) -> put(before, field, value));
        try
        {
            LOG.info(line);
        }
        finally
        {
            before.forEach((field, value) ->
            {
                if (value == NOTHING)
                {
                    MDC.remove(field);
                }
                else
                {
                    MDC.put(field, value);
                }
            });
        }
    }

    /**
     * Whether the lines' fields go in the MDC: read from the configuration at the first line (the class may load
     * before the configuration is there), or set by a test.
     */
    private static volatile Boolean fieldsInMdc;

    /** For tests: true or false, or null to read the configuration again at the next line. */
    static void fieldsInMdc(final Boolean inMdc)
    {
        fieldsInMdc = inMdc;
    }

    private static boolean jsonFormatOn()
    {
        Boolean inMdc = fieldsInMdc;
        if (inMdc == null)
        {
            inMdc = on("quarkus.log.console.json.enabled") || on("quarkus.log.file.json.enabled");
            fieldsInMdc = inMdc;
        }
        return inMdc;
    }

    private static boolean on(final String setting)
    {
        return ConfigProvider.getConfig().getOptionalValue(setting, Boolean.class).orElse(true);
    }

    private static void put(final Map<String, Object> before, final String field, final String value)
    {
        final Object previous = MDC.get(field);
        before.putIfAbsent(field, previous == null ? NOTHING : previous);
        MDC.put(field, value);
    }

    /** A value with a space or a quote in it is quoted, so that the text line still parses as field=value pairs. */
    private static String quoted(final String value)
    {
        if (value.indexOf(' ') < 0 && value.indexOf('"') < 0 && !value.isEmpty())
        {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
