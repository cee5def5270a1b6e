package org.p2px.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class BackgroundPriorityTest
{
    @Test
    void aThreadLowersItsOwnPriorityAndNoOtherThreads() throws Exception
    {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        final OptionalInt before = BackgroundPriority.currentNice();
        final AtomicReference<OptionalInt> lowered = new AtomicReference<>();
        final Thread background = new Thread(() -> lowered.set(BackgroundPriority.lowerCurrentThread(12)), "bg-test");
        background.start();
        background.join();
        assertEquals(OptionalInt.of(12), lowered.get());
        assertEquals(before, BackgroundPriority.currentNice(), "the calling thread is left alone");
    }

    @Test
    void zeroLeavesThePriorityAlone()
    {
        assertTrue(BackgroundPriority.lowerCurrentThread(0).isEmpty());
    }
}
