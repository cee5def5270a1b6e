package org.p2px.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoticeCodecTest
{
    @Test
    void aChatLineAndARevocationComeBackAsSent()
    {
        assertEquals(new Notice.ChatLine(7, 123_456_789_012L, 42),
            NoticeCodec.decode(NoticeCodec.chatLine(7, 123_456_789_012L, 42)));
        assertEquals(new Notice.KeyRevoked(Integer.MAX_VALUE, Long.MAX_VALUE, "aZ09_-xY"),
            NoticeCodec.decode(NoticeCodec.keyRevoked(Integer.MAX_VALUE, Long.MAX_VALUE, "aZ09_-xY")));
        assertEquals("chat:2:10:20", NoticeCodec.chatLine(2, 10, 20));
        assertEquals("revoked:2:5:k1", NoticeCodec.keyRevoked(2, 5, "k1"));
    }

    @Test
    void theLongestValidPayloadsFit()
    {
        final String chat = NoticeCodec.chatLine(Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);
        final String revoked = NoticeCodec.keyRevoked(Integer.MAX_VALUE, Long.MAX_VALUE, "k".repeat(64));
        assertTrue(chat.length() <= NoticeCodec.MAX_PAYLOAD && revoked.length() <= NoticeCodec.MAX_PAYLOAD);
        assertEquals(new Notice.KeyRevoked(Integer.MAX_VALUE, Long.MAX_VALUE, "k".repeat(64)),
            NoticeCodec.decode(revoked));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", ":", ":::", "chat", "chat:1:2", "chat:1:2:3:4", "chat:1:2:3:", "CHAT:1:2:3", "chat :1:2:3",
        "chat:0:2:3", "chat:1:0:3", "chat:1:2:0", "chat:-1:2:3", "chat:1:-2:3", "chat:+1:2:3", "chat:01:2:3",
        "chat:1:2:3 ", "chat: 1:2:3", "chat:1:2:3\n", "chat:1.5:2:3", "chat:1e3:2:3", "chat:0x1:2:3",
        "chat:2147483648:2:3", "chat:1:9223372036854775808:3", "chat:1:2:99999999999999999999",
        "chat:\u0661:2:3", "revoked:1:2:", "revoked:1:2:a b", "revoked:1:2:a:b", "revoked:1:2:a/b", "revoked:1:2:a=",
        "revoked:1:2:\u00e9", "revoked:0:2:a", "revoked:1:0:a", "hello:1:2:3", "'; DROP TABLE users; --",
        "chat:1:2:3\u0000", "\u202echat:1:2:3" })
    void aGarbledOrHostilePayloadIsRefused(final String payload)
    {
        assertNull(NoticeCodec.decode(payload));
    }

    @Test
    void nothingAndTooMuchAreRefused()
    {
        assertNull(NoticeCodec.decode(null));
        assertNull(NoticeCodec.decode("revoked:1:2:" + "k".repeat(65)));
        assertNull(NoticeCodec.decode("chat:1:2:3" + ":".repeat(8_000)));
        assertNull(NoticeCodec.decode("x".repeat(1_000_000)));
    }

    @Test
    void aPayloadIsLoggedShortAndOnOneLine()
    {
        assertEquals("chat:1:2:3?forged line?", NoticeCodec.shown("chat:1:2:3\nforged line\u001b"));
        assertEquals("x".repeat(80) + "...", NoticeCodec.shown("x".repeat(500)));
        assertEquals("null", NoticeCodec.shown(null));
    }
}
