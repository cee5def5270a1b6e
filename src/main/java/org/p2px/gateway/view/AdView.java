package org.p2px.gateway.view;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An ad. {@code price} is the effective price (a floating ad's follows the index; null while the market has no
 * index price); {@code marginBps} is set for FLOATING ads only. Quantities are in the asset, limits in fiat.
 * {@code link} is a PRIVATE ad's unguessable link, shown to those who may see the ad (its owner, and whoever
 * opened it by the link); left out for PUBLIC ads. {@code terms} and {@code autoReply} ("" when none) are left out
 * of the book channel's ads only.
 */
public record AdView(long id, long ownerId, String ownerName, String market, String side, String status,
    String priceType, String price, Integer marginBps, String remaining, String frozen, String filled,
    String minFiat, String maxFiat, List<String> paymentMethods, int paymentWindowMinutes, AdGates gates,
    String visibility, boolean autoMatch, @JsonInclude(JsonInclude.Include.NON_NULL) String terms,
    @JsonInclude(JsonInclude.Include.NON_NULL) String autoReply, Instant createdAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) String link)
{
}
