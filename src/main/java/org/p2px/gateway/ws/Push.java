package org.p2px.gateway.ws;

/**
 * A push as a subscription's stream sends it: {@link PushText}, numbered by each connection (private channels),
 * or {@link ChannelFrame}, numbered once by its channel and sent as the same text to every subscriber (public
 * channels).
 */
sealed interface Push permits PushText, ChannelFrame
{
}
