package org.p2px.gateway;

import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;

/**
 * A page of a list as a client asks for it: {@code page} from 0, {@code size} from 1, quietly capped at
 * {@code maxSize} (asking for more is not an error, a client just gets the most the server hands out).
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
        return new PageRequest(page, Math.min(size, maxSize));
    }
}
