package org.p2px.core;

/**
 * Where an order is in its life. PENDING_PAYMENT, PAID and DISPUTED are open; the others are final, and a
 * final order leaves the core. {@link #NONE} marks a pooled order that is not in use.
 */
public enum OrderState
{
    PENDING_PAYMENT,
    PAID,
    DISPUTED,
    COMPLETED,
    CANCELLED,
    EXPIRED,
    NONE
}
