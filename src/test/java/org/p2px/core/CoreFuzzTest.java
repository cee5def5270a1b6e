package org.p2px.core;

import static org.p2px.core.CoreHarness.ARBITER;
import static org.p2px.core.CoreHarness.terms;

import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.p2px.codec.AdStatus;
import org.p2px.codec.DisputeOutcome;
import org.p2px.codec.Side;

/**
 * The core under command sequences chosen by Jazzer: any command, with any numbers (zero, negative, huge), from
 * any user, on any ad or order, at any time step. After every command the invariants hold (conservation, locks,
 * books, counters), and at the end a fresh core that replays the journal reaches the same state digest. A failing
 * input is a bug of the core.
 *
 * <p>In every {@code mvn test} this runs the committed inputs in {@code src/test/resources/org/p2px/core/
 * CoreFuzzTestInputs/}; a campaign: {@code JAZZER_FUZZ=1 mvn test -Dtest=CoreFuzzTest} (docs/testing.md).
 */
class CoreFuzzTest
{
    private static final long[] USERS = { 10, 11, 20, 21, 22, ARBITER, 99 };
    private static final int MAX_COMMANDS = 200;

    @FuzzTest(maxDuration = "10m")
    void anyCommandSequenceKeepsTheInvariantsAndReplaysExactly(final FuzzedDataProvider data)
    {
        final CoreHarness h = new CoreHarness().standardWorld();
        h.merchant(10, 1_000);
        h.merchant(11, 1_000);
        h.user(20, 100);
        h.user(21, 0);
        h.user(22, 50);
        final List<Long> ads = new ArrayList<>();
        final List<Long> orders = new ArrayList<>();
        for (int i = 0; i < MAX_COMMANDS && data.remainingBytes() > 0; i++)
        {
            step(h, data, ads, orders);
            final String violation = h.core.checkInvariants();
            if (violation != null)
            {
                throw new AssertionError("after command " + i + ": " + violation);
            }
        }
        h.assertSoundAndReplayable();
    }

    private static void step(final CoreHarness h, final FuzzedDataProvider data, final List<Long> ads,
        final List<Long> orders)
    {
        final long user = data.pickValue(USERS);
        switch (data.consumeInt(0, 15))
        {
            case 0 ->
            {
                if (h.createAd(user, data.consumeBoolean() ? Side.SELL : Side.BUY, amount(data),
                    data.consumeBoolean() ? AdStatus.ONLINE : AdStatus.OFFLINE,
                    terms(data.consumeLong(-1, 20_000)).limits(data.consumeLong(-1, 2_000_000), data.consumeLong(-1, 2_000_000)))
                    == null)
                {
                    ads.add(h.lastAdId());
                }
            }
            case 1 ->
            {
                if (h.take(user, pick(data, ads), amount(data), data.consumeBoolean(), data.consumeInt(-1, 64),
                    data.consumeLong(0, 3)) == null)
                {
                    orders.addAll(h.lastOrderIds());
                }
            }
            case 2 ->
            {
                if (h.express(user, data.consumeBoolean() ? Side.BUY : Side.SELL, amount(data), data.consumeBoolean(),
                    data.consumeLong(), data.consumeLong(-1, 20_000), data.consumeBoolean(), data.consumeLong(0, 3)) == null)
                {
                    orders.addAll(h.lastOrderIds());
                }
            }
            case 3 -> h.markPaid(user, pick(data, orders));
            case 4 -> h.release(user, pick(data, orders));
            case 5 -> h.cancel(user, pick(data, orders));
            case 6 -> h.requestCancel(user, pick(data, orders));
            case 7 -> h.reviewCancel(user, pick(data, orders), data.consumeBoolean());
            case 8 -> h.appeal(user, pick(data, orders));
            case 9 -> h.resolve(data.consumeBoolean() ? ARBITER : user, pick(data, orders),
                data.consumeBoolean() ? DisputeOutcome.RELEASE : DisputeOutcome.REFUND);
            case 10 -> h.setStatus(user, pick(data, ads), data.pickValue(AdStatus.values()));
            case 11 -> h.changeQuantity(user, pick(data, ads), data.consumeLong(-2_000_000_000L, 2_000_000_000L));
            case 12 -> h.updateAd(user, pick(data, ads), terms(data.consumeLong(-1, 20_000)));
            case 13 -> h.setIndex(data.consumeLong(-1, 20_000));
            case 14 -> h.block(user, data.pickValue(USERS));
            default ->
            {
                h.advance(data.consumeLong(0, 3 * CoreConfig.HOUR_MS));
                h.tick();
            }
        }
    }

    /** Mostly sensible amounts, sometimes anything at all. */
    private static long amount(final FuzzedDataProvider data)
    {
        return data.consumeBoolean() ? data.consumeLong(1, 100_000_000L) : data.consumeLong();
    }

    /** One of the known ids, or now and then any id at all. */
    private static long pick(final FuzzedDataProvider data, final List<Long> ids)
    {
        if (ids.isEmpty() || data.consumeInt(0, 9) == 0)
        {
            return data.consumeLong(-1, 1_000);
        }
        return ids.get(data.consumeInt(0, ids.size() - 1));
    }
}
