package org.p2px.gateway.view;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.p2px.api.ApiException;
import org.p2px.codec.ErrorCode;
import org.p2px.core.CoreConfig;

/**
 * The trading rules on the wire: times as ISO-8601 durations ({@code PT30M}), as in the configuration
 * ({@code p2px.rules.*}); every field is required when an admin sets them (a missing one must not become 0).
 */
public record RulesView(
    @NotNull String releaseWindow,
    @NotNull String appealWait,
    @NotNull Integer minPaymentWindowMinutes,
    @NotNull Integer maxPaymentWindowMinutes,
    @NotNull Integer maxPaymentMethodsPerAd,
    @NotNull Integer adEditLimit,
    @NotNull String adEditWindow,
    @NotNull Integer postingMinKycLevel,
    @NotNull String postingMinAccountAge,
    @NotNull Integer postingMinCompletedOrders,
    @NotNull Integer postingMinCompletionBps,
    @NotNull Integer maxPrePayCancels,
    @NotNull Integer maxPostPayCancels,
    @NotNull String cancelWindow,
    @NotNull @Size(min = 1, max = CoreConfig.MAX_RESTRICTION_STEPS) List<String> restrictionSteps,
    @NotNull String restrictionReset,
    @NotNull Integer maxMarginBps,
    @NotNull Integer maxFeeBps,
    @NotNull Integer maxSplitOrders,
    @NotNull Integer maxCrossingOrders,
    @NotNull Integer maxUnpaidOrdersPerTaker,
    @NotNull Integer maxUnpaidOrdersNewTaker,
    @NotNull Integer newTakerCompletedOrders,
    @NotNull Integer maxPriceDeviationBps,
    @NotNull Integer maxOpenAdsPerUser)
{
    public static RulesView of(final CoreConfig rules)
    {
        return new RulesView(text(rules.releaseWindowMs()), text(rules.appealWaitMs()), rules.minPaymentWindowMinutes(),
            rules.maxPaymentWindowMinutes(), rules.maxPaymentMethodsPerAd(), rules.adEditLimit(),
            text(rules.adEditWindowMs()), rules.postingMinKycLevel(), text(rules.postingMinAccountAgeMs()),
            rules.postingMinCompletedOrders(), rules.postingMinCompletionBps(), rules.maxPrePayCancels(),
            rules.maxPostPayCancels(), text(rules.cancelWindowMs()),
            Arrays.stream(rules.restrictionStepsMs()).mapToObj(RulesView::text).toList(), text(rules.restrictionResetMs()),
            rules.maxMarginBps(), rules.maxFeeBps(), rules.maxSplitOrders(), rules.maxCrossingOrders(),
            rules.maxUnpaidOrdersPerTaker(), rules.maxUnpaidOrdersNewTaker(), rules.newTakerCompletedOrders(),
            rules.maxPriceDeviationBps(), rules.maxOpenAdsPerUser());
    }

    /** @throws ApiException INVALID_RULES for a duration that does not parse or rules the core cannot run with. */
    public CoreConfig toCoreConfig()
    {
        try
        {
            return new CoreConfig(millis(releaseWindow), millis(appealWait), minPaymentWindowMinutes,
                maxPaymentWindowMinutes, maxPaymentMethodsPerAd, adEditLimit, millis(adEditWindow), postingMinKycLevel,
                millis(postingMinAccountAge), postingMinCompletedOrders, postingMinCompletionBps, maxPrePayCancels,
                maxPostPayCancels, millis(cancelWindow),
                restrictionSteps.stream().mapToLong(RulesView::millis).toArray(), millis(restrictionReset),
                maxMarginBps, maxFeeBps, maxSplitOrders, maxCrossingOrders, maxUnpaidOrdersPerTaker,
                maxUnpaidOrdersNewTaker, newTakerCompletedOrders, maxPriceDeviationBps, maxOpenAdsPerUser);
        }
        catch (final DateTimeParseException | ArithmeticException ex)
        {
            throw ApiException.of(ErrorCode.INVALID_RULES, "Durations are ISO-8601, like PT30M or P1D: " + ex.getMessage());
        }
        catch (final IllegalArgumentException ex)
        {
            throw ApiException.of(ErrorCode.INVALID_RULES);
        }
    }

    private static String text(final long millis)
    {
        return Duration.ofMillis(millis).toString();
    }

    private static long millis(final String text)
    {
        final long millis = Duration.parse(text).toMillis();
        if (millis < 0)
        {
            throw new DateTimeParseException("a duration cannot be negative", text, 0);
        }
        return millis;
    }
}
