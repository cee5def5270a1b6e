package org.p2px.gateway.ws;

/** A public channel's push, whole: {@code {"channel": ..., "seq": seq, "type": ..., "data": ...}}, made once. */
record ChannelFrame(long seq, String text) implements Push
{
}
