package org.p2px.loadtest;

/** What one trade cycle does; the run's mix says how often each comes. */
enum CycleKind
{
    /** take a named ad, paid, the merchant's bot releases. */
    TAKE,
    /** take, a chat line from the taker, paid, release. */
    CHAT,
    /** express BUY of one amount (the best ad), paid, release. */
    EXPRESS,
    /** express BUY of three amounts with split allowed: two orders over the two best ads, each paid and released. */
    SPLIT,
    /** take, then the buyer cancels before paying. */
    CANCEL
}
