package org.p2px.gateway;

import java.util.List;

import org.p2px.gateway.feed.ChannelUpdate;

/**
 * What a public channel's copy at some seq lacks: its updates since (of push type {@code type}, oldest first,
 * possibly none), taken when the live view was at batch {@code at}, so the updates that follow are those after it.
 */
public record ChannelCatchUp(String type, List<ChannelUpdate> updates, long at)
{
}
