package org.p2px.gateway.view;

import java.util.List;

/** One page of a longer list: {@code page} counts from 0. */
public record PageView<T>(List<T> items, int page, int size, long total)
{
}
