package org.p2px.core;

import org.p2px.codec.ErrorCode;
import org.p2px.codec.EventProxy;
import org.p2px.codec.Role;
import org.p2px.codec.RulesDecoder;

/**
 * Decides the administrative commands (assets, markets, index prices, users, roles, KYC, deposits and
 * withdrawals) and blocking. Each method validates everything first and emits only when the command is
 * accepted; a returned code means nothing was emitted.
 */
final class AccountDesk
{
    private static final int MAX_SCALE = 18;

    private final CoreState state;
    private final EventProxy events;
    private final Crossing crossing;

    AccountDesk(final CoreState state, final EventProxy events, final Crossing crossing)
    {
        this.state = state;
        this.events = events;
        this.crossing = crossing;
    }

    ErrorCode defineAsset(final long actorId, final int assetId, final int scale, final boolean fiat)
    {
        final ErrorCode notAdmin = checkAdmin(actorId);
        if (notAdmin != null)
        {
            return notAdmin;
        }
        if (assetId <= 0 || assetId > CoreState.MAX_ASSET_ID)
        {
            return ErrorCode.INVALID_ID;
        }
        if (state.assets.containsKey(assetId))
        {
            return ErrorCode.ASSET_EXISTS;
        }
        if (scale < 0 || scale > MAX_SCALE)
        {
            return ErrorCode.INVALID_SCALE;
        }
        events.assetDefined(assetId, scale, fiat);
        return null;
    }

    ErrorCode createMarket(
        final long actorId,
        final int marketId,
        final int assetId,
        final int fiatId,
        final int priceScale,
        final long priceTick,
        final long minOrderFiat,
        final int makerFeeBps,
        final int takerFeeBps,
        final long paymentMethods)
    {
        final ErrorCode notAdmin = checkAdmin(actorId);
        if (notAdmin != null)
        {
            return notAdmin;
        }
        if (marketId <= 0)
        {
            return ErrorCode.INVALID_ID;
        }
        if (state.markets.containsKey(marketId))
        {
            return ErrorCode.MARKET_EXISTS;
        }
        final Asset asset = state.assets.get(assetId);
        final Asset fiat = state.assets.get(fiatId);
        if (asset == null || fiat == null)
        {
            return ErrorCode.UNKNOWN_ASSET;
        }
        if (asset.fiat || !fiat.fiat)
        {
            return ErrorCode.INVALID_MARKET;
        }
        final int exponent = Market.unitExponent(asset.scale, priceScale, fiat.scale);
        if (priceScale < 0 || priceScale > MAX_SCALE || exponent < 0 || exponent > MAX_SCALE)
        {
            return ErrorCode.INVALID_SCALE;
        }
        if (priceTick <= 0)
        {
            return ErrorCode.INVALID_PRICE;
        }
        if (minOrderFiat <= 0)
        {
            return ErrorCode.INVALID_AMOUNT;
        }
        // Never the whole amount or more, even under rules journaled before their bounds were checked.
        final int maxFee = Math.min(state.config.maxFeeBps(), CoreConfig.WHOLE_BPS);
        if (makerFeeBps < 0 || takerFeeBps < 0 || makerFeeBps > maxFee || takerFeeBps > maxFee)
        {
            return ErrorCode.INVALID_FEE;
        }
        if (paymentMethods == 0)
        {
            return ErrorCode.INVALID_PAYMENT_METHODS;
        }
        events.marketCreated(
            marketId, assetId, fiatId, priceScale, priceTick, minOrderFiat, makerFeeBps, takerFeeBps, paymentMethods);
        return null;
    }

    /**
     * New trading rules from the next command on: an admin's change, or the server's configuration at start
     * (actor 0, sent by the engine itself, never by a gateway), which are also recorded as the configured rules (a
     * later start compares its configuration with those, not with the rules in force, so an admin's change outlives
     * a restart). Open orders keep the deadlines they were given.
     */
    ErrorCode setRules(final long actorId, final RulesDecoder rules)
    {
        if (actorId != 0)
        {
            final ErrorCode notAdmin = checkAdmin(actorId);
            if (notAdmin != null)
            {
                return notAdmin;
            }
        }
        final CoreConfig decoded;
        try
        {
            decoded = RulesCodec.decode(rules).checkBounds();
        }
        catch (final IllegalArgumentException invalid)
        {
            return ErrorCode.INVALID_RULES;
        }
        events.rulesSet(out -> RulesCodec.encode(decoded, out));
        if (actorId == 0)
        {
            events.configuredRulesSet(out -> RulesCodec.encode(decoded, out));
        }
        return null;
    }

    ErrorCode setIndexPrice(final long actorId, final int marketId, final long price)
    {
        final ErrorCode notAdmin = checkAdmin(actorId);
        if (notAdmin != null)
        {
            return notAdmin;
        }
        final Market market = state.markets.get(marketId);
        if (market == null)
        {
            return ErrorCode.UNKNOWN_MARKET;
        }
        if (price <= 0)
        {
            return ErrorCode.INVALID_PRICE;
        }
        events.indexPriceSet(marketId, price);
        crossing.crossMarket(market);
        return null;
    }

    ErrorCode registerUser(final long userId, final Role role, final int kycLevel)
    {
        if (userId <= 0)
        {
            return ErrorCode.INVALID_ID;
        }
        if (state.users.containsKey(userId))
        {
            return ErrorCode.USER_EXISTS;
        }
        if (role == Role.NULL_VAL)
        {
            return ErrorCode.INVALID_ROLE;
        }
        if (kycLevel < 0 || kycLevel > CoreConfig.MAX_KYC_LEVEL)
        {
            return ErrorCode.INVALID_KYC_LEVEL;
        }
        events.userRegistered(userId, role, kycLevel);
        return null;
    }

    ErrorCode setUserRole(final long actorId, final long userId, final Role role)
    {
        final ErrorCode notAdmin = checkAdmin(actorId);
        if (notAdmin != null)
        {
            return notAdmin;
        }
        if (!state.users.containsKey(userId))
        {
            return ErrorCode.UNKNOWN_USER;
        }
        if (role == Role.NULL_VAL)
        {
            return ErrorCode.INVALID_ROLE;
        }
        if (userId == actorId)
        {
            // An admin demoting themself could leave the server with no admin at all (the first admin is only
            // created on an empty server), so a role change is always someone else's decision.
            return ErrorCode.CANNOT_CHANGE_OWN_ROLE;
        }
        events.userRoleSet(userId, role);
        return null;
    }

    ErrorCode setUserKyc(final long actorId, final long userId, final int kycLevel)
    {
        final ErrorCode notAdmin = checkAdmin(actorId);
        if (notAdmin != null)
        {
            return notAdmin;
        }
        if (!state.users.containsKey(userId))
        {
            return ErrorCode.UNKNOWN_USER;
        }
        if (kycLevel < 0 || kycLevel > CoreConfig.MAX_KYC_LEVEL)
        {
            return ErrorCode.INVALID_KYC_LEVEL;
        }
        events.userKycSet(userId, kycLevel);
        return null;
    }

    ErrorCode deposit(final long actorId, final long userId, final int assetId, final long amount)
    {
        final ErrorCode invalid = checkTransfer(actorId, userId, assetId, amount);
        if (invalid != null)
        {
            return invalid;
        }
        final User user = state.users.get(userId);
        final Asset asset = state.assets.get(assetId);
        if (Money.add(user.available(assetId) + user.locked(assetId), amount) == Money.OVERFLOW ||
            Money.add(asset.deposited, amount) == Money.OVERFLOW)
        {
            return ErrorCode.AMOUNT_TOO_LARGE;
        }
        events.deposited(userId, assetId, amount);
        return null;
    }

    ErrorCode withdraw(final long actorId, final long userId, final int assetId, final long amount)
    {
        final ErrorCode invalid = checkTransfer(actorId, userId, assetId, amount);
        if (invalid != null)
        {
            return invalid;
        }
        if (state.users.get(userId).available(assetId) < amount)
        {
            return ErrorCode.INSUFFICIENT_BALANCE;
        }
        events.withdrawn(userId, assetId, amount);
        return null;
    }

    ErrorCode block(final long actorId, final long userId)
    {
        final User actor = state.users.get(actorId);
        if (actor == null || !state.users.containsKey(userId))
        {
            return ErrorCode.UNKNOWN_USER;
        }
        if (actorId == userId)
        {
            return ErrorCode.CANNOT_BLOCK_SELF;
        }
        if (actor.hasBlocked(userId))
        {
            return ErrorCode.ALREADY_BLOCKED;
        }
        events.userBlocked(actorId, userId);
        return null;
    }

    ErrorCode unblock(final long actorId, final long userId)
    {
        final User actor = state.users.get(actorId);
        if (actor == null || !state.users.containsKey(userId))
        {
            return ErrorCode.UNKNOWN_USER;
        }
        if (!actor.hasBlocked(userId))
        {
            return ErrorCode.NOT_BLOCKED;
        }
        events.userUnblocked(actorId, userId);
        return null;
    }

    private ErrorCode checkTransfer(final long actorId, final long userId, final int assetId, final long amount)
    {
        final ErrorCode notAdmin = checkAdmin(actorId);
        if (notAdmin != null)
        {
            return notAdmin;
        }
        if (!state.users.containsKey(userId))
        {
            return ErrorCode.UNKNOWN_USER;
        }
        final Asset asset = state.assets.get(assetId);
        if (asset == null)
        {
            return ErrorCode.UNKNOWN_ASSET;
        }
        if (asset.fiat)
        {
            return ErrorCode.INVALID_ASSET;
        }
        return amount <= 0 ? ErrorCode.INVALID_AMOUNT : null;
    }

    private ErrorCode checkAdmin(final long actorId)
    {
        final User actor = state.users.get(actorId);
        if (actor == null)
        {
            return ErrorCode.UNKNOWN_USER;
        }
        return actor.role == Role.ADMIN ? null : ErrorCode.NOT_ADMIN;
    }
}
