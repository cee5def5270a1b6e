package org.p2px.notice;

/**
 * The notice listener listens again after its connection was lost: what the other gateways said meanwhile was not
 * heard. A CDI event, on the listener's thread, for whoever must catch up from the database.
 */
public record NoticesResumed()
{
}
