package org.p2px.gateway.trade;

import java.util.List;

import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.p2px.gateway.PlainText;

/**
 * An ad's terms as clients send them (new ad or edit). Prices and limits are decimal strings; {@code priceType}
 * FIXED needs {@code price}, FLOATING needs {@code marginBps} (the market's index price x (1 + margin/10000)).
 * Omitted gates mean no requirement; omitted window 15 minutes; omitted visibility PUBLIC. The window and the gates
 * are never negative (a negative one was once stored as 0 where the wire type is unsigned, and refused elsewhere). The texts {@code terms}
 * and {@code autoReply} are kept without surrounding white space, at most 1000 characters each, {@link PlainText}
 * (line breaks and tabs allowed): the auto-reply becomes a chat line, the terms are shown to every taker.
 */
public record AdTermsBody(@Schema(required = true, enumeration = { "FIXED", "FLOATING" }) String priceType,
    @Schema(description = "A decimal string; FIXED ads only", examples = "0.9200") String price,
    @Schema(description = "FLOATING ads only: the index x (1 + margin/10000)") Integer marginBps,
    @Schema(required = true, description = "A decimal string, in fiat", examples = "10") String minFiat,
    @Schema(required = true, description = "A decimal string, in fiat", examples = "500") String maxFiat,
    @Schema(required = true) List<String> paymentMethods, @PositiveOrZero Integer paymentWindowMinutes,
    @PositiveOrZero Integer minKycLevel, @PositiveOrZero Integer minAccountAgeDays,
    @PositiveOrZero Integer minCompletedOrders, @PositiveOrZero Integer minCompletionRateBps,
    @PositiveOrZero Integer maxOpenOrdersPerTaker,
    @Schema(enumeration = { "PUBLIC", "PRIVATE" }) @OneOf({ "PUBLIC", "PRIVATE" }) String visibility, Boolean autoMatch,
    @Size(max = AdTermsBody.MAX_TEXT, message = TEXT_TOO_LONG) @PlainText String terms,
    @Size(max = AdTermsBody.MAX_TEXT, message = TEXT_TOO_LONG) @PlainText String autoReply)
{
    /** Characters of the terms and of the auto-reply, each, without surrounding white space. */
    public static final int MAX_TEXT = 1_000;

    private static final String TEXT_TOO_LONG = "must be at most {max} characters";

    public AdTermsBody
    {
        terms = terms == null ? null : terms.strip();
        autoReply = autoReply == null ? null : autoReply.strip();
    }
}
