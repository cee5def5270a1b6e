package org.p2px.gateway.trade;

import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * An ad's terms as clients send them (new ad or edit). Prices and limits are decimal strings; {@code priceType}
 * FIXED needs {@code price}, FLOATING needs {@code marginBps} (the market's index price x (1 + margin/10000)).
 * Omitted gates mean no requirement; omitted window 15 minutes; omitted visibility PUBLIC. The shape is checked by
 * the annotations, on REST and WebSocket alike; the values by the service and the core.
 */
public record AdTermsBody(String priceType, String price, Integer marginBps, String minFiat, String maxFiat,
    List<String> paymentMethods, Integer paymentWindowMinutes, Integer minKycLevel, Integer minAccountAgeDays,
    Integer minCompletedOrders, Integer minCompletionRateBps, Integer maxOpenOrdersPerTaker, String visibility,
    Boolean autoMatch, @Size(max = AdTermsBody.MAX_TEXT) String terms, @Size(max = AdTermsBody.MAX_TEXT) String autoReply)
{
    /** Characters of the terms and of the auto-reply, each. */
    public static final int MAX_TEXT = 1_000;
}
