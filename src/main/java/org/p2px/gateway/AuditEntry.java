package org.p2px.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One line of the audit trail, filled in while an operation runs and written once with its result: "ok", or the
 * error code the client is answered with. Fields are who (userId, username, apiKey), from where (address) and on
 * what (orderId, adId, targetUserId...); the callers never hand it a password, code, token, secret or signature.
 * Values are cleaned of control characters and cut short, since some (a username at sign-in) are the client's text.
 */
public final class AuditEntry
{
    private static final int MAX_VALUE = 100;

    private final String action;
    private final Map<String, String> fields = new LinkedHashMap<>();

    AuditEntry(final String action)
    {
        this.action = action;
    }

    /** Adds a field; a null value is left out. */
    public AuditEntry with(final String field, final Object value)
    {
        if (value != null)
        {
            fields.put(field, clean(String.valueOf(value)));
        }
        return this;
    }

    /** Runs the operation and writes the line: ok when it returns, else its error code (and rethrows). */
    public <T> T run(final Supplier<T> operation)
    {
        final T result = sending(operation);
        ok();
        return result;
    }

    public void run(final Runnable operation)
    {
        run(() ->
        {
            operation.run();
            return null;
        });
    }

    /**
     * For a command whose answer comes later: writes the line only if checking or sending it fails; otherwise the
     * answer's {@link #outcome} writes it.
     */
    public <T> T sending(final Supplier<T> send)
    {
        try
        {
            return send.get();
        }
        catch (final RuntimeException failure)
        {
            outcome(failure);
            throw failure;
        }
    }

    /** Writes the line: ok for no failure, else the failure's error code. */
    public void outcome(final Throwable failure)
    {
        if (failure == null)
        {
            ok();
        }
        else
        {
            write(Failures.code(failure));
        }
    }

    public void ok()
    {
        write("ok");
    }

    /** Writes the line with a result other than ok or an error's code (a lockout's). */
    public void write(final String result)
    {
        Audit.write(action, result, fields);
    }

    /** Control characters (a line break would forge a text line) become '?'. */
    private static String clean(final String value)
    {
        final char[] chars = (value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value).toCharArray();
        for (int i = 0; i < chars.length; i++)
        {
            if (Character.isISOControl(chars[i]))
            {
                chars[i] = '?';
            }
        }
        return new String(chars);
    }
}
