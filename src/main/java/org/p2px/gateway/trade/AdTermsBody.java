package org.p2px.gateway.trade;

import java.util.List;

/**
 * An ad's terms as clients send them (new ad or edit). Prices and limits are decimal strings; {@code priceType}
 * FIXED needs {@code price}, FLOATING needs {@code marginBps} (the market's index price x (1 + margin/10000)).
 * Omitted gates mean no requirement; omitted window 15 minutes; omitted visibility PUBLIC.
 */
public record AdTermsBody(String priceType, String price, Integer marginBps, String minFiat, String maxFiat,
    List<String> paymentMethods, Integer paymentWindowMinutes, Integer minKycLevel, Integer minAccountAgeDays,
    Integer minCompletedOrders, Integer minCompletionRateBps, Integer maxOpenOrdersPerTaker, String visibility,
    Boolean autoMatch, String terms, String autoReply)
{
}
