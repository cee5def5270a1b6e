package org.p2px.catalog;

/** An asset (USDT) or fiat currency (EUR): the core's id, the code clients use, and its decimal places. */
public record AssetInfo(int id, String code, int scale, boolean fiat)
{
}
