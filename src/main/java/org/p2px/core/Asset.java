package org.p2px.core;

/** A crypto asset or a fiat currency, with the running totals that conservation is checked against. */
final class Asset
{
    final int id;
    final int scale;
    final boolean fiat;
    long deposited;
    long withdrawn;

    Asset(final int id, final int scale, final boolean fiat)
    {
        this.id = id;
        this.scale = scale;
        this.fiat = fiat;
    }
}
