package org.p2px.gateway.view;

import java.time.Instant;
import java.util.List;

/**
 * An ad. {@code price} is the effective price (a floating ad's follows the index; null while the market has no
 * index price); {@code marginBps} is set for FLOATING ads only. Quantities are in the asset, limits in fiat.
 */
public record AdView(long id, long ownerId, String ownerName, String market, String side, String status,
    String priceType, String price, Integer marginBps, String remaining, String frozen, String filled,
    String minFiat, String maxFiat, List<String> paymentMethods, int paymentWindowMinutes, AdGates gates,
    String visibility, boolean autoMatch, String terms, String autoReply, Instant createdAt)
{
}
