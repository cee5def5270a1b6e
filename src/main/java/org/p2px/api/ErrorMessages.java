package org.p2px.api;

import org.p2px.codec.ErrorCode;

/**
 * The human message for each stable error code, shared by the WebSocket and REST gateways. A switch
 * expression over the enum: adding a code to the schema does not compile until it has a message here.
 */
public final class ErrorMessages
{
    private ErrorMessages()
    {
    }

    /** The kind of failure a code's hundreds band stands for. */
    public static String kind(final ErrorCode code)
    {
        return switch (code.value() / 100)
        {
            case 1 -> "INVALID_INPUT";
            case 2 -> "NOT_ALLOWED";
            case 3 -> "NOT_FOUND_OR_EXISTS";
            case 4 -> "BUSINESS_RULE";
            case 5 -> "UNAVAILABLE";
            default -> "UNKNOWN";
        };
    }

    /** The kind of a gateway's own error, in the same vocabulary, from its status. */
    public static String kind(final GatewayError error)
    {
        return switch (error.status())
        {
            case 400, 405, 406, 413, 415 -> "INVALID_INPUT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "NOT_ALLOWED";
            case 404, 409, 410 -> "NOT_FOUND_OR_EXISTS";
            case 429 -> "RATE_LIMITED";
            case 503 -> "UNAVAILABLE";
            case 505 -> "INVALID_INPUT";
            default -> "INTERNAL";
        };
    }

    /**
     * The HTTP status of a core rejection: bad input 400, not allowed 403, unknown 404 or existing 409, a
     * business rule 409, unavailable or busy 503.
     */
    public static int httpStatus(final ErrorCode code)
    {
        return switch (code.value() / 100)
        {
            case 1 -> 400;
            case 2 -> 403;
            case 3 -> code.name().startsWith("UNKNOWN_") ? 404 : 409;
            case 4 -> 409;
            case 5 -> 503;
            default -> 500;
        };
    }

    public static String message(final ErrorCode code)
    {
        return switch (code)
        {
            case INVALID_AMOUNT -> "The amount must be a positive number of minor units.";
            case AMOUNT_TOO_LARGE -> "The amount is too large to be handled.";
            case INVALID_PRICE -> "The price must be positive and of a known type.";
            case PRICE_NOT_ON_TICK -> "The price is not a multiple of the market's price tick.";
            case INVALID_LIMITS -> "Order limits must satisfy market minimum <= min <= max.";
            // The numbers are the trading rules', which an operator may change: the texts point to them instead.
            case INVALID_PAYMENT_METHODS -> "Choose at least one payment method that the market allows, and no more than "
                + "the rules' maxPaymentMethodsPerAd (GET /api/v1/rules).";
            case INVALID_PAYMENT_WINDOW -> "The payment window must be within the rules' minPaymentWindowMinutes and "
                + "maxPaymentWindowMinutes (GET /api/v1/rules).";
            case INVALID_GATES -> "Counterparty requirements are out of range.";
            case INVALID_SCALE -> "The scale is out of range for this asset or market.";
            case INVALID_FEE -> "Fees must be between 0 and the configured maximum in basis points.";
            case INVALID_ROLE -> "Unknown role.";
            case INVALID_KYC_LEVEL -> "KYC level must be between 0 and 3.";
            case INVALID_SIDE -> "Side must be BUY or SELL.";
            case INVALID_STATUS -> "Unknown or not allowed status.";
            case INVALID_MARGIN -> "The floating margin is out of the allowed range.";
            case INVALID_MARKET -> "A market pairs a crypto asset with a fiat currency.";
            case UNKNOWN_COMMAND -> "The request is not a command this server knows.";
            case INVALID_ID -> "The id is out of range.";
            case INVALID_ASSET -> "That asset cannot be used here (fiat is never held on the platform).";
            case INVALID_OUTCOME -> "The outcome must be RELEASE or REFUND.";
            case INVALID_RULES -> "Those trading rules are not valid (see docs/trading-rules.md for each rule's bounds).";
            case NOT_ADMIN -> "Only an admin may do this.";
            case NOT_ARBITER -> "Only an arbiter who is not a party to the order may resolve it.";
            case NOT_AD_OWNER -> "Only the ad's owner may change it.";
            case NOT_ORDER_PARTY -> "You are not a party to this order.";
            case NOT_BUYER -> "Only the buyer may do this.";
            case NOT_SELLER -> "Only the seller may do this.";
            case NOT_APPEAL_AUTHOR -> "Only the user who opened the appeal may withdraw it.";
            case OWN_AD -> "You cannot trade with your own ad.";
            case BLOCKED_COUNTERPARTY -> "You and this counterparty have blocked trading with each other.";
            case COUNTERPARTY_REQUIREMENTS_NOT_MET -> "You do not meet the advertiser's counterparty requirements.";
            case POSTING_THRESHOLD_NOT_MET -> "Posting ads needs the KYC level, account age, completed orders and "
                + "30-day completion rate of the rules' posting thresholds (GET /api/v1/rules).";
            case USER_RESTRICTED -> "Too many cancellations: taking orders and posting BUY ads is paused for now.";
            case CANNOT_BLOCK_SELF -> "You cannot block yourself.";
            case CANNOT_CHANGE_OWN_ROLE -> "An admin cannot change their own role: another admin must.";
            case UNKNOWN_USER -> "No such user.";
            case USER_EXISTS -> "That user already exists.";
            case UNKNOWN_ASSET -> "No such asset.";
            case ASSET_EXISTS -> "That asset already exists.";
            case UNKNOWN_MARKET -> "No such market.";
            case MARKET_EXISTS -> "That market already exists.";
            case UNKNOWN_AD -> "No such ad.";
            case UNKNOWN_ORDER -> "No such order.";
            case AD_CLOSED -> "The ad is closed.";
            case ORDER_FINISHED -> "The order is already finished.";
            case NO_INDEX_PRICE -> "The market has no index price yet, so floating prices are unavailable.";
            case INSUFFICIENT_BALANCE -> "Insufficient available balance.";
            case AD_LIMIT_EXCEEDED -> "The amount is outside the ad's per-order limits.";
            case AD_INSUFFICIENT_QUANTITY -> "The ad does not have that much left.";
            case AD_NOT_ONLINE -> "The ad is not online.";
            case AD_EDIT_RATE_LIMITED -> "An ad may be edited at most 10 times in 5 minutes; try again shortly.";
            case BELOW_MARKET_MINIMUM -> "The amount is below the market's minimum order.";
            case PAYMENT_METHOD_NOT_ACCEPTED -> "The ad does not accept that payment method.";
            case TOO_MANY_OPEN_ORDERS -> "You already have the most open orders this ad allows per taker.";
            case PRICE_OUT_OF_BAND -> "A fixed price must lie within the market's price band around its index price.";
            case TOO_MANY_ADS -> "You have the most ads allowed; close one first.";
            case TOO_MANY_UNPAID_ORDERS -> "Pay or cancel one of your unpaid orders before you buy again.";
            case INVALID_ORDER_STATE -> "The order is not in a state that allows this.";
            case APPEAL_TOO_EARLY -> "An appeal is possible only once the appeal wait has passed.";
            case CANCEL_REQUEST_PENDING -> "A cancel request is already waiting for the buyer.";
            case NO_CANCEL_REQUEST -> "The seller has not asked to cancel this order.";
            case NO_MATCHING_AD -> "No ad can fill this request now.";
            case ALREADY_BLOCKED -> "That user is already blocked.";
            case NOT_BLOCKED -> "That user is not blocked.";
            case PAYMENT_DEADLINE_PASSED -> "The payment deadline has passed; the order is expiring.";
            case SERVICE_UNAVAILABLE -> "The service cannot take commands right now.";
            case BUSY -> "The server is busy; retry shortly.";
            case NULL_VAL -> "Unknown error.";
        };
    }
}
