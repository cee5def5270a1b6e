package org.p2px.gateway.ws;

import java.util.Set;
import java.util.regex.Pattern;

import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;

/**
 * Channel names: the private {@code orders}, {@code balances} and {@code chat} (the signed-in user's own), the
 * staff's {@code disputes} (arbiters and admins: every disputed order and its chat), and the public
 * {@code book.<MARKET>} and {@code index.<MARKET>}. Whether a market exists is the snapshot provider's call.
 */
public final class Channels
{
    public static final String DISPUTES = "disputes";
    private static final Set<String> PRIVATE = Set.of("orders", "balances", "chat");
    private static final Pattern PUBLIC = Pattern.compile("(book|index)\\.[A-Z0-9]{2,12}-[A-Z0-9]{2,12}");

    private Channels()
    {
    }

    public static boolean isPrivate(final String channel)
    {
        return PRIVATE.contains(channel);
    }

    /** The staff's channel: numbered per connection like a private one, reaching every subscribed arbiter. */
    public static boolean isStaff(final String channel)
    {
        return DISPUTES.equals(channel);
    }

    public static boolean isPublic(final String channel)
    {
        return channel != null && PUBLIC.matcher(channel).matches();
    }

    /** The channel, or UNKNOWN_CHANNEL when it is neither a private nor a well-formed public name. */
    public static String check(final String channel)
    {
        if (isPrivate(channel) || isStaff(channel) || isPublic(channel))
        {
            return channel;
        }
        throw ApiException.of(GatewayError.UNKNOWN_CHANNEL,
            "No channel '" + channel + "': use orders, balances, chat, disputes, book.<MARKET> or index.<MARKET>.");
    }
}
