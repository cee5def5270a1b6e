package org.p2px.gateway.view;

import java.time.Instant;

/** Where a user is paid by one method: the account holder's name and the details (an IBAN, a tag, a phone). */
public record PaymentAccountView(String method, String holder, String details, Instant updatedAt)
{
}
