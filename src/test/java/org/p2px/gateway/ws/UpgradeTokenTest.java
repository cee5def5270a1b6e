package org.p2px.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class UpgradeTokenTest
{
    @Test
    void bearerHeader()
    {
        final UpgradeToken token = UpgradeToken.of(List.of("Bearer abc.def.ghi"), List.of(), null);
        assertEquals("abc.def.ghi", token.token());
        assertFalse(token.refused());
        assertEquals("abc.def.ghi", UpgradeToken.of(List.of("bearer  abc.def.ghi "), List.of(), "").token());
    }

    @Test
    void subprotocolForm()
    {
        assertEquals("abc.def.ghi", UpgradeToken.of(List.of(), List.of("bearer, abc.def.ghi"), null).token());
        assertEquals("abc.def.ghi", UpgradeToken.of(List.of(), List.of("bearer", "abc.def.ghi"), null).token());
        assertEquals("abc.def.ghi", UpgradeToken.of(List.of(), List.of("other, bearer, abc.def.ghi"), null).token());
    }

    @Test
    void noCredentialIsAnonymous()
    {
        final UpgradeToken none = UpgradeToken.of(List.of(), List.of("graphql-ws"), "market=USDT-EUR");
        assertFalse(none.present());
        assertFalse(none.refused());
    }

    @Test
    void refusedForms()
    {
        assertTrue(UpgradeToken.of(List.of("Basic YWxpY2U6c2VjcmV0"), List.of(), null).refused());
        assertTrue(UpgradeToken.of(List.of("Bearer "), List.of(), null).refused());
        assertTrue(UpgradeToken.of(List.of("Bearer a", "Bearer b"), List.of(), null).refused());
        assertTrue(UpgradeToken.of(List.of(), List.of("bearer"), null).refused());
        assertTrue(UpgradeToken.of(List.of("Bearer a"), List.of("bearer, b"), null).refused());
        assertTrue(UpgradeToken.of(List.of(), List.of(), "access_token=abc").refused());
        assertTrue(UpgradeToken.of(List.of(), List.of(), "x=1&access_token").refused());
        assertFalse(UpgradeToken.of(List.of(), List.of(), "x_access_token=1").refused());
    }
}
