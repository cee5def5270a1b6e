package org.p2px.core;

/**
 * 64-bit mixing for the state digest. Entities are hashed field by field with {@link #mix} and combined with
 * {@link #combine}, which is commutative, so the digest does not depend on the iteration order of hash maps.
 */
final class Digests
{
    private Digests()
    {
    }

    static long mix(final long hash, final long value)
    {
        long h = hash ^ (value + 0x9E3779B97F4A7C15L + (hash << 6) + (hash >>> 2));
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    static long combine(final long accumulated, final long entityHash)
    {
        return accumulated + entityHash;
    }
}
