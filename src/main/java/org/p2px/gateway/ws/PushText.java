package org.p2px.gateway.ws;

/**
 * One push in JSON pieces, made once and shared by every connection that receives it; only {@code seq} differs.
 * {@code {"channel": ..., "seq": n, "type": ..., "data": ...}}
 */
record PushText(String channelJson, String typeJson, String dataJson)
{
    String frame(final long seq)
    {
        return "{\"channel\":" + channelJson + ",\"seq\":" + seq + ",\"type\":" + typeJson + ",\"data\":" + dataJson + "}";
    }
}
