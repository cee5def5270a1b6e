package org.p2px.gateway.feed;

import org.p2px.gateway.view.AdView;

/** An ad that entered a book window or changed within it, and its place there (0 is the best). */
public record BookEntry(int position, AdView ad)
{
}
