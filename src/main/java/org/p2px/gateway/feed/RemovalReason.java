package org.p2px.gateway.feed;

/** Why an ad left a book window. */
public enum RemovalReason
{
    /** Nothing left to take: orders took its whole quantity (it comes back if the owner tops it up). */
    TAKEN_OUT,
    /** The owner closed it. */
    CLOSED,
    /** The owner took it offline. */
    OFFLINE,
    /** Still in the book, but better ads pushed it below the window (or its floating price moved it there). */
    OUT_OF_WINDOW,
    /** Off the public book for another reason: made private, or a floating ad whose market lost its index price. */
    UNLISTED
}
