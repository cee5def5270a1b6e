package org.p2px.gateway;

import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;

/**
 * A page of a list as a client asks for it: {@code page} from 0, {@code size} from 1, quietly capped at
 * {@code maxSize} (asking for more is not an error, a client just gets the most the server hands out); a page whose
 * first item would lie beyond the largest offset is refused rather than overflowing into a server error.
 */
public record PageRequest(int page, int size)
{
    public static PageRequest of(final int page, final int size, final int maxSize)
    {
        if (page < 0)
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, "page must be 0 or more.");
        }
        if (size < 1)
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, "size must be 1 or more.");
        }
        final int capped = Math.min(size, maxSize);
        if ((long)page * capped > Integer.MAX_VALUE)
        {
            // The database's offset is an int: a page this far is past any list the server can hold.
            throw ApiException.of(GatewayError.VALIDATION_FAILED,
                "page must be at most " + Integer.MAX_VALUE / capped + " for size " + capped + ".");
        }
        return new PageRequest(page, capped);
    }
}
