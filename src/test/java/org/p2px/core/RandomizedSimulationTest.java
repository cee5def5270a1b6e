package org.p2px.core;

import org.junit.jupiter.api.Test;

/**
 * Hundreds of thousands of random commands from a seeded {@link java.util.SplittableRandom}, every one of them
 * checked by {@link SimulationDriver}: legal order transitions (decoded from the events), an unchanged state digest
 * after every rejection, the outcomes, order terms and money movements the model predicts, no overdue order after
 * a tick, no crossable pair left after a crossing. At the end a summary is printed and the run must have been
 * meaningful: thousands of completions, and expiries, disputes, crossings, splits and restrictions by the hundred.
 *
 * <p>Cadence: {@link TradingCore#checkInvariants()} (conservation, escrow and reservations, ad quantities, book
 * membership) and the comparison of the core's state with the model built from the events recompute everything,
 * so they run after every one of the first 20,000 commands (where the world is young and the first of every kind
 * of event happens), after every 25th command later, and once at the end. The cheap checks (transitions, digest
 * unchanged on rejection, expected outcomes, effects) run after every command. The default run takes about half
 * a minute on two cores.
 *
 * <p>Seed and length: {@code -Dp2px.sim.seed=123 -Dp2px.sim.commands=5000000}; the seed is printed first so that
 * a failure can be reproduced, and every failure message names the seed and the command number.
 */
class RandomizedSimulationTest
{
    static final long DEFAULT_SEED = 0x5EED_2026L;
    static final long DEFAULT_COMMANDS = 300_000;

    @Test
    void randomCommandsKeepTheCoreSound()
    {
        final long seed = Long.getLong("p2px.sim.seed", DEFAULT_SEED);
        final long commands = Long.getLong("p2px.sim.commands", DEFAULT_COMMANDS);
        System.out.println("p2px simulation: seed " + seed + ", " + commands +
            " commands (override with -Dp2px.sim.seed=N -Dp2px.sim.commands=N)");
        final long started = System.nanoTime();
        final SimulationDriver driver = new SimulationDriver(seed, CoreConfig.defaults(), false).setUp();
        driver.run(commands);
        driver.deepCheck();
        System.out.println(driver.summary());
        System.out.println("  took " + (System.nanoTime() - started) / 1_000_000 + " ms");
        driver.assertMeaningful(commands);
    }

    /**
     * The same simulation under a tight configuration: short windows, two edits a minute, two payment methods per
     * ad, splits of at most two orders, three crossing orders per command, a restriction on the first cancel, no
     * posting thresholds. Rules that only
     * bite at their limits bite here all the time.
     */
    @Test
    void aTightConfigurationKeepsTheCoreSoundToo()
    {
        final long seed = Long.getLong("p2px.sim.seed", DEFAULT_SEED) + 1;
        final long commands = Long.getLong("p2px.sim.commands", DEFAULT_COMMANDS) / 5;
        System.out.println("p2px simulation, tight configuration: seed " + seed + ", " + commands + " commands");
        final long started = System.nanoTime();
        final SimulationDriver driver = new SimulationDriver(seed, tightConfig(), false).setUp();
        driver.run(commands);
        driver.deepCheck();
        System.out.println(driver.summary());
        System.out.println("  took " + (System.nanoTime() - started) / 1_000_000 + " ms");
        driver.assertMeaningfulUnderTightConfig(commands);
    }

    static CoreConfig tightConfig()
    {
        return new CoreConfig(
            5 * CoreConfig.MINUTE_MS,
            CoreConfig.MINUTE_MS,
            1,
            30,
            2,
            2,
            CoreConfig.MINUTE_MS,
            0,
            0,
            0,
            0,
            0,
            0,
            CoreConfig.HOUR_MS,
            new long[]{ CoreConfig.MINUTE_MS, 3 * CoreConfig.MINUTE_MS },
            CoreConfig.HOUR_MS,
            500,
            1_000,
            2,
            3,
            3,
            1,
            2,
            0,
            4);
    }
}
