package org.p2px.notice;

import java.util.regex.Pattern;

/**
 * A {@link Notice} as the text payload of a PostgreSQL {@code NOTIFY}, fields separated by colons:
 * <pre>
 *   chat:&lt;origin&gt;:&lt;messageId&gt;:&lt;orderId&gt;
 *   revoked:&lt;origin&gt;:&lt;userId&gt;:&lt;keyId&gt;
 * </pre>
 * Numbers are positive decimals without sign or leading zero (the origin a gateway id, at most 2^31 - 1); a key id is
 * base64url, 1 to 64 characters, as {@code ApiKeys} makes them. Anyone who may connect to the database can send a
 * payload on the channel, so decoding trusts nothing: whatever is not exactly one of these forms is refused (null).
 */
final class NoticeCodec
{
    /** Longer payloads are refused unread (the longest valid one is about 130 characters). */
    static final int MAX_PAYLOAD = 200;
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,18}");
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String CHAT = "chat";
    private static final String REVOKED = "revoked";
    private static final int SHOWN = 80;

    private NoticeCodec()
    {
    }

    static String chatLine(final long origin, final long messageId, final long orderId)
    {
        return CHAT + ':' + origin + ':' + messageId + ':' + orderId;
    }

    static String keyRevoked(final long origin, final long userId, final String keyId)
    {
        return REVOKED + ':' + origin + ':' + userId + ':' + keyId;
    }

    /** The notice {@code payload} holds, or null when it is not one (see the class comment). */
    static Notice decode(final String payload)
    {
        if (payload == null || payload.length() > MAX_PAYLOAD)
        {
            return null;
        }
        final String[] fields = payload.split(":", -1);
        if (fields.length != 4)
        {
            return null;
        }
        final long origin = positive(fields[1]);
        final long first = positive(fields[2]);
        if (origin <= 0 || origin > Integer.MAX_VALUE || first <= 0)
        {
            return null;
        }
        if (CHAT.equals(fields[0]))
        {
            final long orderId = positive(fields[3]);
            return orderId <= 0 ? null : new Notice.ChatLine(origin, first, orderId);
        }
        if (REVOKED.equals(fields[0]) && KEY_ID.matcher(fields[3]).matches())
        {
            return new Notice.KeyRevoked(origin, first, fields[3]);
        }
        return null;
    }

    /** A payload for a log line: its start, with anything but printable ASCII replaced (no forged log lines). */
    static String shown(final String payload)
    {
        if (payload == null)
        {
            return "null";
        }
        final StringBuilder shown = new StringBuilder(Math.min(payload.length(), SHOWN) + 3);
        for (int i = 0; i < payload.length() && i < SHOWN; i++)
        {
            final char c = payload.charAt(i);
            shown.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return payload.length() > SHOWN ? shown.append("...").toString() : shown.toString();
    }

    /** The number, or -1 when the text is not a positive decimal that fits a long. */
    private static long positive(final String text)
    {
        if (!NUMBER.matcher(text).matches())
        {
            return -1;
        }
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException tooLarge)
        {
            return -1;
        }
    }
}
