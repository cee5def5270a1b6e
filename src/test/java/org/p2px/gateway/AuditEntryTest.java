package org.p2px.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logging.MDC;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;

/** The audit line's text and fields, from a client's text that tries to forge a second line too. */
class AuditEntryTest
{
    /** A line as logged: its message and the MDC fields it carried. */
    private record Line(String message, Map<String, String> fields)
    {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Handler collector = new Handler()
    {
        @Override
        public void publish(final LogRecord record)
        {
            final ExtLogRecord ext = (ExtLogRecord)record;
            lines.add(new Line(ext.getFormattedMessage(), Map.copyOf(ext.getMdcCopy())));
        }

        @Override
        public void flush()
        {
        }

        @Override
        public void close()
        {
        }
    };

    @BeforeEach
    void collect()
    {
        Audit.fieldsInMdc(true);
        Logger.getLogger(Audit.CATEGORY).addHandler(collector);
    }

    @AfterEach
    void stop()
    {
        Audit.fieldsInMdc(null);
        Logger.getLogger(Audit.CATEGORY).removeHandler(collector);
    }

    @Test
    void aLineHasItsFieldsInTheTextAndInTheMdcAndLeavesTheMdcAsItWas()
    {
        MDC.put("orderId", "set by someone else");
        try
        {
            new AuditEntry("auth.signin").with("address", "192.0.2.7").with("username", "eve\nFORGED ok")
                .with("orderId", 42).with("nothing", null).ok();
            assertEquals("set by someone else", MDC.get("orderId"));
            assertNull(MDC.get("action"));
        }
        finally
        {
            MDC.remove("orderId");
        }
        assertEquals(List.of(new Line("auth.signin ok address=192.0.2.7 username=\"eve?FORGED ok\" orderId=42",
            Map.of("action", "auth.signin", "result", "ok", "address", "192.0.2.7", "username", "eve?FORGED ok",
                "orderId", "42"))), lines);
    }

    @Test
    void aRefusalIsWrittenWithItsCodeAndStillThrown()
    {
        final ApiException refused = ApiException.of(GatewayError.FORBIDDEN);
        assertThrows(ApiException.class, () -> new AuditEntry("order.release").with("orderId", 7).run(() ->
        {
            throw refused;
        }));
        assertEquals("order.release FORBIDDEN orderId=7", lines.get(0).message());
        assertEquals("FORBIDDEN", lines.get(0).fields().get("result"));
    }

    /** The text format prints the line alone: the MDC is left untouched (a fifth of the line's cost). */
    @Test
    void withoutAJsonFormatTheFieldsStayOutOfTheMdc()
    {
        Audit.fieldsInMdc(false);
        new AuditEntry("order.paid").with("orderId", 9).ok();
        assertEquals(List.of(new Line("order.paid ok orderId=9", Map.of())), lines);
    }
}
