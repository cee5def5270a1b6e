package org.p2px.core;

import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongHashSet;
import org.p2px.codec.Role;

/**
 * A user as the core sees one: role, KYC level, balances per asset, the counters behind the public profile,
 * cancel history and restriction, blocks, and the clientOrderIds already used. Balances are arrays indexed by
 * asset id, grown on first use of an asset, so steady-state trading allocates nothing.
 */
final class User
{
    static final long NO_ORDER = -1L;
    private static final long[] NO_BALANCES = new long[0];

    final long id;
    final long createdAt;
    Role role;
    int kycLevel;

    long[] available = NO_BALANCES;
    long[] locked = NO_BALANCES;

    long completedOrders;
    /** Orders this user took and must pay, not paid yet: what {@link CoreConfig#maxUnpaidOrdersPerTaker} caps. */
    int unpaidTakes;
    /** Ads of this user not closed: what {@link CoreConfig#maxOpenAdsPerUser} caps. */
    int openAds;
    final RollingDays completed30d = new RollingDays();
    final RollingDays failed30d = new RollingDays();
    long payTimeTotalMs;
    long payCount;
    long releaseTimeTotalMs;
    long releaseCount;

    final RecentTimes prePayCancels;
    final RecentTimes postPayCancels;
    long restrictedUntil;
    int restrictionLevel;
    long lastRestrictedAt;

    private LongHashSet blocked;
    private int blockedCount;
    private Long2LongHashMap orderByClientId;

    User(final long id, final long createdAt, final Role role, final int kycLevel, final CoreConfig config)
    {
        this.id = id;
        this.createdAt = createdAt;
        this.role = role;
        this.kycLevel = kycLevel;
        // One more than the limit: the cancel that goes over it must be counted too.
        this.prePayCancels = new RecentTimes(config.maxPrePayCancels() + 1);
        this.postPayCancels = new RecentTimes(config.maxPostPayCancels() + 1);
    }

    long available(final int assetId)
    {
        return assetId < available.length ? available[assetId] : 0;
    }

    long locked(final int assetId)
    {
        return assetId < locked.length ? locked[assetId] : 0;
    }

    void addAvailable(final int assetId, final long delta)
    {
        ensureAsset(assetId);
        available[assetId] += delta;
    }

    void addLocked(final int assetId, final long delta)
    {
        ensureAsset(assetId);
        locked[assetId] += delta;
    }

    /** Moves {@code amount} from available to locked (negative moves it back). */
    void lock(final int assetId, final long amount)
    {
        ensureAsset(assetId);
        available[assetId] -= amount;
        locked[assetId] += amount;
    }

    private void ensureAsset(final int assetId)
    {
        if (assetId >= available.length)
        {
            available = java.util.Arrays.copyOf(available, assetId + 1);
            locked = java.util.Arrays.copyOf(locked, assetId + 1);
        }
    }

    boolean isMerchant()
    {
        return role == Role.MERCHANT;
    }

    boolean isRestricted(final long now)
    {
        return now < restrictedUntil;
    }

    boolean hasBlocked(final long userId)
    {
        // The count first: every trade asks this of both sides, and most users block no one (or no longer).
        return blockedCount != 0 && blocked.contains(userId);
    }

    void block(final long userId)
    {
        if (blocked == null)
        {
            blocked = new LongHashSet();
        }
        if (blocked.add(userId))
        {
            blockedCount++;
        }
    }

    void unblock(final long userId)
    {
        if (blocked != null && blocked.remove(userId))
        {
            blockedCount--;
        }
    }

    /** The users this one has blocked, or null when none ever were. */
    LongHashSet blockedUsers()
    {
        return blocked;
    }

    /** clientOrderId to first order id, or null when the user never sent one. */
    Long2LongHashMap clientOrders()
    {
        return orderByClientId;
    }

    long orderForClientId(final long clientOrderId)
    {
        return orderByClientId == null ? NO_ORDER : orderByClientId.get(clientOrderId);
    }

    void rememberClientOrder(final long clientOrderId, final long orderId)
    {
        if (orderByClientId == null)
        {
            orderByClientId = new Long2LongHashMap(NO_ORDER);
        }
        if (orderByClientId.get(clientOrderId) == NO_ORDER)
        {
            orderByClientId.put(clientOrderId, orderId);
        }
    }

    /** 30-day completion rate in basis points; a user with no finished orders in the window counts as 100%. */
    int completionRateBps(final long today)
    {
        final long completed = completed30d.sum(today);
        final long failed = failed30d.sum(today);
        final long total = completed + failed;
        return total == 0 ? 10_000 : (int)(completed * 10_000 / total);
    }

    long digest()
    {
        long hash = Digests.mix(id, createdAt);
        hash = Digests.mix(hash, role.value());
        hash = Digests.mix(hash, kycLevel);
        for (int assetId = 0; assetId < available.length; assetId++)
        {
            if (available[assetId] != 0 || locked[assetId] != 0)
            {
                hash = Digests.mix(Digests.mix(Digests.mix(hash, assetId), available[assetId]), locked[assetId]);
            }
        }
        hash = Digests.mix(hash, completedOrders);
        hash = completed30d.digest(hash);
        hash = failed30d.digest(hash);
        hash = Digests.mix(Digests.mix(hash, payTimeTotalMs), payCount);
        hash = Digests.mix(Digests.mix(hash, releaseTimeTotalMs), releaseCount);
        hash = prePayCancels.digest(hash);
        hash = postPayCancels.digest(hash);
        hash = Digests.mix(Digests.mix(Digests.mix(hash, restrictedUntil), restrictionLevel), lastRestrictedAt);
        hash = Digests.mix(hash, setDigest());
        return Digests.mix(hash, clientOrderDigest());
    }

    private long setDigest()
    {
        long sum = 0;
        if (blocked != null)
        {
            final LongHashSet.LongIterator iterator = blocked.iterator();
            while (iterator.hasNext())
            {
                sum = Digests.combine(sum, Digests.mix(17, iterator.nextValue()));
            }
        }
        return sum;
    }

    private long clientOrderDigest()
    {
        long sum = 0;
        if (orderByClientId != null)
        {
            final Long2LongHashMap.EntryIterator iterator = orderByClientId.entrySet().iterator();
            while (iterator.hasNext())
            {
                iterator.next();
                sum = Digests.combine(sum, Digests.mix(Digests.mix(31, iterator.getLongKey()), iterator.getLongValue()));
            }
        }
        return sum;
    }
}
