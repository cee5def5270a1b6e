package org.p2px.server;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.p2px.core.CoreConfig;

/**
 * The trading rules under {@code p2px.rules.*} (docs/trading-rules.md says what each does; the defaults are
 * {@link CoreConfig#defaults()}). Checked at start: rules the core cannot run with stop the server with the reason.
 * The engine journals them when they differ from the rules in force, so replays and replicas apply them too.
 */
@ConfigMapping(prefix = "p2px.rules")
public interface RulesSettings
{
    @WithDefault("PT30M")
    Duration releaseWindow();

    @WithDefault("PT10M")
    Duration appealWait();

    @WithDefault("15")
    int minPaymentWindowMinutes();

    @WithDefault("180")
    int maxPaymentWindowMinutes();

    @WithDefault("5")
    int maxPaymentMethodsPerAd();

    @WithDefault("10")
    int adEditLimit();

    @WithDefault("PT5M")
    Duration adEditWindow();

    @WithDefault("1")
    int postingMinKycLevel();

    @WithDefault("P30D")
    Duration postingMinAccountAge();

    @WithDefault("20")
    int postingMinCompletedOrders();

    @WithDefault("8000")
    int postingMinCompletionBps();

    @WithDefault("3")
    int maxPrePayCancels();

    @WithDefault("1")
    int maxPostPayCancels();

    @WithDefault("P1D")
    Duration cancelWindow();

    /** Escalating restriction lengths; the last repeats. At most 8. */
    @WithDefault("PT15M,PT30M,PT1H,PT4H,P1D")
    List<Duration> restrictionSteps();

    @WithDefault("P30D")
    Duration restrictionReset();

    @WithDefault("5000")
    int maxMarginBps();

    @WithDefault("1000")
    int maxFeeBps();

    @WithDefault("16")
    int maxSplitOrders();

    @WithDefault("64")
    int maxCrossingOrders();

    @WithDefault("5")
    int maxUnpaidOrdersPerTaker();

    @WithDefault("2")
    int maxUnpaidOrdersNewTaker();

    @WithDefault("3")
    int newTakerCompletedOrders();

    @WithDefault("5000")
    int maxPriceDeviationBps();

    @WithDefault("100")
    int maxOpenAdsPerUser();

    /** @throws IllegalArgumentException for rules the core refuses (the message names them). */
    /** @throws IllegalArgumentException naming the rules out of range (p2px.rules.*). */
    default CoreConfig toCoreConfig()
    {
        try
        {
            return rules().checkBounds();
        }
        catch (final IllegalArgumentException invalid)
        {
            throw new IllegalArgumentException("p2px.rules.*: " + invalid.getMessage(), invalid);
        }
    }

    private CoreConfig rules()
    {
        return new CoreConfig(releaseWindow().toMillis(), appealWait().toMillis(), minPaymentWindowMinutes(),
            maxPaymentWindowMinutes(), maxPaymentMethodsPerAd(), adEditLimit(), adEditWindow().toMillis(),
            postingMinKycLevel(), postingMinAccountAge().toMillis(), postingMinCompletedOrders(),
            postingMinCompletionBps(), maxPrePayCancels(), maxPostPayCancels(), cancelWindow().toMillis(),
            restrictionSteps().stream().mapToLong(Duration::toMillis).toArray(), restrictionReset().toMillis(),
            maxMarginBps(), maxFeeBps(), maxSplitOrders(), maxCrossingOrders(), maxUnpaidOrdersPerTaker(),
            maxUnpaidOrdersNewTaker(), newTakerCompletedOrders(), maxPriceDeviationBps(), maxOpenAdsPerUser());
    }
}
