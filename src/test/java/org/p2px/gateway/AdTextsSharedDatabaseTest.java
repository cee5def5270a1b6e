package org.p2px.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.p2px.catalog.AdTextEntity;

/**
 * Ad texts beside another gateway sharing the database: what that gateway's {@link AdTexts} writes is written here
 * straight into the table, stamped as it stamps it.
 */
@QuarkusTest
class AdTextsSharedDatabaseTest
{
    @Inject
    AdTexts texts;

    @Test
    void anotherGatewaysLinkAndEditedTermsAreReadAtTheNextLook()
    {
        final long adId = 900_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
        texts.save(adId, "first terms", "", false);
        assertEquals("first terms", texts.of(adId).terms());

        final String link = "L" + Long.toString(adId, 36) + "x".repeat(21 - Long.toString(adId, 36).length());
        writtenElsewhere(adId, "edited terms", link);
        texts.readOthers();

        assertEquals("edited terms", texts.of(adId).terms());
        assertEquals(adId, texts.adOfLink(link));
    }

    private static void writtenElsewhere(final long adId, final String terms, final String link)
    {
        QuarkusTransaction.requiringNew().run(() ->
        {
            final AdTextEntity row = AdTextEntity.findById(adId);
            row.terms = terms;
            row.linkToken = link;
            row.updatedAt = Instant.now();
        });
    }
}
