package org.p2px.gateway.view;

/** A market's index price, the reference floating ads follow (null until an admin or feed sets one). */
public record IndexView(String market, String price)
{
}
