package org.p2px.gateway;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;

/**
 * What a chat line may be: a multi-line {@link PlainText} (no control characters but line breaks and tabs, and none
 * of the characters that reorder how text is shown: with them a line can show an IBAN or an amount other than the
 * one it holds); and how many lines a user may write in a minute
 * ({@code p2px.chat.max-lines-per-minute}), so that nobody floods a counterparty or the database.
 */
@ApplicationScoped
public class ChatLimits
{
    private final int maxLinesPerMinute;
    private final Cache<Long, AtomicInteger> linesThisMinute;
    private final LongAdder refusals = new LongAdder();

    @ConfigMapping(prefix = "p2px.chat")
    public interface Settings
    {
        @WithDefault("30")
        int maxLinesPerMinute();
    }

    public ChatLimits(final Settings settings)
    {
        maxLinesPerMinute = settings.maxLinesPerMinute();
        linesThisMinute = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(1_000_000).build();
    }

    /** Refuses a text with a character it may not hold: VALIDATION_FAILED naming the character's code point. */
    public void checkText(final String text)
    {
        PlainText.Check.firstForbidden(text, true).ifPresent(codePoint ->
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, "text " + PlainText.Check.message(codePoint));
        });
    }

    /** Counts a line of {@code userId}'s; RATE_LIMITED past the minute's allowance (the window starts at its first line). */
    public void countLine(final long userId)
    {
        final AtomicInteger lines = linesThisMinute.get(userId, id -> new AtomicInteger());
        if (lines.incrementAndGet() > maxLinesPerMinute)
        {
            refusals.increment();
            throw ApiException.of(GatewayError.RATE_LIMITED,
                "At most " + maxLinesPerMinute + " chat lines a minute; wait a little.");
        }
    }

    /** Chat lines refused RATE_LIMITED so far (for the metrics). */
    public long refusals()
    {
        return refusals.sum();
    }

    /** A control character (but line breaks and tabs) or a bidi embedding, override or isolate. */
    public static boolean forbidden(final int codePoint)
    {
        return PlainText.Check.forbidden(codePoint, true);
    }
}
