package org.p2px.loadtest;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The command line, {@code --name value} pairs and {@code --flag}s, read with bounds: a value out of its range is
 * refused rather than clamped, so a run never does something other than what its command says.
 */
final class Options
{
    private final Map<String, String> given;
    private final Set<String> read = new HashSet<>();

    private Options(final Map<String, String> given)
    {
        this.given = given;
    }

    static Options parse(final String[] argv, final int from)
    {
        final Map<String, String> given = new HashMap<>();
        for (int i = from; i < argv.length; i++)
        {
            final String arg = argv[i];
            if (!arg.startsWith("--") || arg.length() < 3)
            {
                throw new BadOption("expected --name, got '" + arg + "'");
            }
            final String name = arg.substring(2);
            final boolean valued = i + 1 < argv.length && !argv[i + 1].startsWith("--");
            final String value = valued ? argv[++i] : "true";
            if (given.containsKey(name) && !name.equals("slo"))
            {
                throw new BadOption("--" + name + " given twice");
            }
            given.merge(name, value, (a, b) -> a + "," + b);
        }
        return new Options(given);
    }

    String text(final String name, final String dflt)
    {
        read.add(name);
        return given.getOrDefault(name, dflt);
    }

    boolean flag(final String name)
    {
        read.add(name);
        final String value = given.get(name);
        if (value != null && !value.equals("true"))
        {
            throw new BadOption("--" + name + " takes no value");
        }
        return value != null;
    }

    int integer(final String name, final int dflt, final int min, final int max)
    {
        final double value = number(name, dflt, min, max);
        if (value != Math.rint(value))
        {
            throw new BadOption("--" + name + " must be a whole number");
        }
        return (int)value;
    }

    double number(final String name, final double dflt, final double min, final double max)
    {
        final String text = text(name, null);
        if (text == null)
        {
            return dflt;
        }
        final double value;
        try
        {
            value = Double.parseDouble(text);
        }
        catch (final NumberFormatException e)
        {
            throw new BadOption("--" + name + " must be a number, got '" + text + "'");
        }
        if (!(value >= min && value <= max))
        {
            throw new BadOption(String.format(Locale.ROOT, "--%s must be between %s and %s, got %s", name,
                Report.plain(min), Report.plain(max), text));
        }
        return value;
    }

    /**
     * The server to drive: loopback only unless {@code --allow-remote} says otherwise, so that a mistyped URL never
     * sends load to somebody else's machine.
     */
    URI server(final String dflt)
    {
        final URI uri = URI.create(text("server", dflt));
        if (uri.getHost() == null || uri.getPort() < 0 || !"http".equals(uri.getScheme()))
        {
            throw new BadOption("--server must be http://HOST:PORT, got " + uri);
        }
        if (!flag("allow-remote") && !uri.getHost().equals("127.0.0.1") && !uri.getHost().equals("localhost"))
        {
            throw new BadOption("--server must be on 127.0.0.1 (give --allow-remote to drive another machine)");
        }
        return uri;
    }

    /** Refuses options that no part of the scenario read: a typo must not silently run the defaults. */
    void checkAllRead()
    {
        for (final String name : given.keySet())
        {
            if (!read.contains(name))
            {
                throw new BadOption("unknown option --" + name);
            }
        }
    }

    static final class BadOption extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        BadOption(final String message)
        {
            super(message);
        }
    }
}
