package org.p2px.gateway.ws;

/**
 * A private channel's push in JSON pieces, made once and shared by the user's connections; only {@code seq},
 * numbered by each connection, differs. {@code {"channel": ..., "seq": n, "type": ..., "data": ...}}
 */
record PushText(String channelJson, String typeJson, String dataJson) implements Push
{
    String frame(final long seq)
    {
        return "{\"channel\":" + channelJson + ",\"seq\":" + seq + ",\"type\":" + typeJson + ",\"data\":" + dataJson + "}";
    }

    /** A public channel's update: {@code {"channel": ..., "seq": n, "prev": p, "type": ..., "data": ...}}. */
    String frame(final long seq, final long prev)
    {
        return "{\"channel\":" + channelJson + ",\"seq\":" + seq + ",\"prev\":" + prev + ",\"type\":" + typeJson
            + ",\"data\":" + dataJson + "}";
    }
}
