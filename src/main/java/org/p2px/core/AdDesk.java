package org.p2px.core;

import org.p2px.codec.AdStatus;
import org.p2px.codec.AdTermsDecoder;
import org.p2px.codec.ErrorCode;
import org.p2px.codec.EventProxy;
import org.p2px.codec.PriceType;
import org.p2px.codec.Role;
import org.p2px.codec.Side;
import org.p2px.codec.Visibility;
import org.p2px.codec.WireEnums;

/**
 * Decides posting, editing, status changes and quantity changes of ads: term validation, posting thresholds,
 * the edit rate limit, and the SELL ad's reservation. An accepted change to an opted-in ad is then offered to
 * {@link Crossing}.
 */
final class AdDesk
{
    private final CoreState state;
    private final EventProxy events;
    private final Crossing crossing;

    AdDesk(final CoreState state, final EventProxy events, final Crossing crossing)
    {
        this.state = state;
        this.events = events;
        this.crossing = crossing;
    }

    ErrorCode create(
        final long ownerId,
        final int marketId,
        final Side side,
        final long quantity,
        final AdStatus status,
        final AdTermsDecoder terms)
    {
        final User owner = state.users.get(ownerId);
        if (owner == null)
        {
            return ErrorCode.UNKNOWN_USER;
        }
        final Market market = state.markets.get(marketId);
        if (market == null)
        {
            return ErrorCode.UNKNOWN_MARKET;
        }
        if (side == Side.NULL_VAL)
        {
            return ErrorCode.INVALID_SIDE;
        }
        if (status != AdStatus.ONLINE && status != AdStatus.OFFLINE)
        {
            return ErrorCode.INVALID_STATUS;
        }
        if (quantity <= 0)
        {
            return ErrorCode.INVALID_AMOUNT;
        }
        final ErrorCode invalidTerms = validateTerms(market, terms);
        if (invalidTerms != null)
        {
            return invalidTerms;
        }
        if (!meetsPostingThresholds(owner))
        {
            return ErrorCode.POSTING_THRESHOLD_NOT_MET;
        }
        if (side == Side.BUY && owner.isRestricted(state.now))
        {
            return ErrorCode.USER_RESTRICTED;
        }
        if (owner.openAds >= state.config.maxOpenAdsPerUser())
        {
            return ErrorCode.TOO_MANY_ADS;
        }
        long reserved = 0;
        if (side == Side.SELL)
        {
            reserved = market.reservationFor(quantity);
            if (reserved < 0)
            {
                return ErrorCode.AMOUNT_TOO_LARGE;
            }
            if (reserved > owner.available(market.asset.id))
            {
                return ErrorCode.INSUFFICIENT_BALANCE;
            }
        }

        final long adId = state.nextAdId;
        events.adCreated(adId, ownerId, marketId, side, quantity, status, reserved, terms);
        crossing.crossAd(state.ads.get(adId));
        return null;
    }

    ErrorCode update(final long ownerId, final long adId, final AdTermsDecoder terms)
    {
        final ErrorCode notEditable = checkEditable(ownerId, adId);
        if (notEditable != null)
        {
            return notEditable;
        }
        final Ad ad = state.ads.get(adId);
        final ErrorCode invalidTerms = validateTerms(ad.market, terms);
        if (invalidTerms != null)
        {
            return invalidTerms;
        }
        events.adUpdated(adId, terms);
        crossing.crossAd(ad);
        return null;
    }

    ErrorCode setStatus(final long ownerId, final long adId, final AdStatus status)
    {
        if (status == AdStatus.NULL_VAL)
        {
            return ErrorCode.INVALID_STATUS;
        }
        final ErrorCode notOwned = checkOwned(ownerId, adId);
        if (notOwned != null)
        {
            return notOwned;
        }
        final Ad ad = state.ads.get(adId);
        if (ad.status == status)
        {
            return null;
        }
        if (status != AdStatus.CLOSED && isEditRateLimited(ad))
        {
            return ErrorCode.AD_EDIT_RATE_LIMITED;
        }
        events.adStatusChanged(adId, status);
        if (status == AdStatus.ONLINE)
        {
            crossing.crossAd(ad);
        }
        return null;
    }

    ErrorCode changeQuantity(final long ownerId, final long adId, final long delta)
    {
        final ErrorCode notEditable = checkEditable(ownerId, adId);
        if (notEditable != null)
        {
            return notEditable;
        }
        if (delta == 0 || delta == Long.MIN_VALUE)
        {
            return ErrorCode.INVALID_AMOUNT;
        }
        final Ad ad = state.ads.get(adId);
        final long remaining = ad.remaining + delta;
        // Orders out on the ad come back to its remainder when they are cancelled: the sum must fit too.
        if (delta > 0 && (remaining < 0 || Money.add(remaining, ad.frozen) == Money.OVERFLOW))
        {
            return ErrorCode.AMOUNT_TOO_LARGE;
        }
        if (remaining < 0)
        {
            return ErrorCode.AD_INSUFFICIENT_QUANTITY;
        }
        long reservedDelta = 0;
        if (ad.isSell())
        {
            final long reservation = ad.market.reservationFor(remaining);
            final long target = ad.reservationTarget(remaining);
            if (reservation < 0 || target < 0)
            {
                return ErrorCode.AMOUNT_TOO_LARGE;
            }
            // Re-reserve for the new remainder and the open orders that may come back (see Ad#reservationTarget).
            reservedDelta = target - ad.reserved;
            if (reservedDelta > ad.owner.available(ad.market.asset.id))
            {
                return ErrorCode.INSUFFICIENT_BALANCE;
            }
        }
        events.adQuantityChanged(adId, delta, reservedDelta);
        crossing.crossAd(ad);
        return null;
    }

    private ErrorCode checkEditable(final long ownerId, final long adId)
    {
        final ErrorCode notOwned = checkOwned(ownerId, adId);
        if (notOwned != null)
        {
            return notOwned;
        }
        return isEditRateLimited(state.ads.get(adId)) ? ErrorCode.AD_EDIT_RATE_LIMITED : null;
    }

    private ErrorCode checkOwned(final long ownerId, final long adId)
    {
        if (!state.users.containsKey(ownerId))
        {
            return ErrorCode.UNKNOWN_USER;
        }
        final Ad ad = state.ads.get(adId);
        if (ad == null)
        {
            return adId > 0 && adId < state.nextAdId ? ErrorCode.AD_CLOSED : ErrorCode.UNKNOWN_AD;
        }
        return ad.owner.id == ownerId ? null : ErrorCode.NOT_AD_OWNER;
    }

    private boolean isEditRateLimited(final Ad ad)
    {
        return ad.edits.countAfter(state.now - state.config.adEditWindowMs()) >= state.config.adEditLimit();
    }

    private boolean meetsPostingThresholds(final User owner)
    {
        if (owner.role == Role.MERCHANT)
        {
            return true;
        }
        final CoreConfig config = state.config;
        return owner.kycLevel >= config.postingMinKycLevel() &&
            state.now - owner.createdAt >= config.postingMinAccountAgeMs() &&
            owner.completedOrders >= config.postingMinCompletedOrders() &&
            owner.completionRateBps(state.today()) >= config.postingMinCompletionBps();
    }

    private ErrorCode validateTerms(final Market market, final AdTermsDecoder terms)
    {
        final CoreConfig config = state.config;
        final PriceType priceType = WireEnums.priceType(terms.priceTypeRaw());
        if (priceType == PriceType.FIXED)
        {
            if (terms.price() <= 0)
            {
                return ErrorCode.INVALID_PRICE;
            }
            if (terms.price() % market.priceTick != 0)
            {
                return ErrorCode.PRICE_NOT_ON_TICK;
            }
        }
        else if (priceType == PriceType.FLOATING)
        {
            if (Math.abs((long)terms.marginBps()) > config.maxMarginBps())
            {
                return ErrorCode.INVALID_MARGIN;
            }
            if (market.indexPrice <= 0)
            {
                return ErrorCode.NO_INDEX_PRICE;
            }
            if (market.floatingPrice(terms.marginBps()) <= 0)
            {
                return ErrorCode.INVALID_PRICE;
            }
        }
        else
        {
            return ErrorCode.INVALID_PRICE;
        }
        if (terms.minFiat() < market.minOrderFiat || terms.maxFiat() < terms.minFiat())
        {
            return ErrorCode.INVALID_LIMITS;
        }
        final long methods = terms.paymentMethods();
        final int methodCount = Long.bitCount(methods);
        if (methodCount == 0 || methodCount > config.maxPaymentMethodsPerAd() || (methods & ~market.paymentMethods) != 0)
        {
            return ErrorCode.INVALID_PAYMENT_METHODS;
        }
        final int window = terms.paymentWindowMinutes();
        if (window < config.minPaymentWindowMinutes() || window > config.maxPaymentWindowMinutes())
        {
            return ErrorCode.INVALID_PAYMENT_WINDOW;
        }
        if (terms.minKycLevel() > CoreConfig.MAX_KYC_LEVEL || terms.minCompletedOrders() < 0 ||
            terms.minCompletionRateBps() > CoreConfig.WHOLE_BPS)
        {
            return ErrorCode.INVALID_GATES;
        }
        if (WireEnums.visibility(terms.visibilityRaw()) == Visibility.NULL_VAL)
        {
            return ErrorCode.INVALID_STATUS;
        }
        // Last of the checks, so that a price that is also wrong in another way gets that code first.
        if (priceType == PriceType.FIXED && Money.outsideBand(terms.price(), market.indexPrice, config.maxPriceDeviationBps()))
        {
            return ErrorCode.PRICE_OUT_OF_BAND;
        }
        return null;
    }
}
