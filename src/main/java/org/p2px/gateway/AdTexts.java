package org.p2px.gateway;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.p2px.catalog.AdTextEntity;

/**
 * Ads' terms and auto-replies, the texts the core does not keep: written to the database, and held in memory for
 * the ads in use so that answers and book pushes built on the live view's thread do not read the database.
 */
@ApplicationScoped
public class AdTexts
{
    /** How many ads' texts stay in memory; others are read again on use. */
    static final int CACHED = 50_000;
    private static final Texts NONE = new Texts("", "");

    /** An ad's texts; both empty for an ad whose texts were never recorded. */
    public record Texts(String terms, String autoReply)
    {
    }

    private final Map<Long, Texts> cache = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true)
    {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(final Map.Entry<Long, Texts> eldest)
        {
            return size() > CACHED;
        }
    });

    public Texts of(final long adId)
    {
        final Texts cached = cache.get(adId);
        if (cached != null)
        {
            return cached;
        }
        final Texts read = QuarkusTransaction.joiningExisting().call(() ->
        {
            final AdTextEntity row = AdTextEntity.findById(adId);
            return row == null ? NONE : new Texts(row.terms, row.autoReply);
        });
        cache.put(adId, read);
        return read;
    }

    /** Writes an ad's texts in a transaction of their own and keeps them. */
    public void save(final long adId, final Texts texts)
    {
        QuarkusTransaction.requiringNew().run(() ->
        {
            final AdTextEntity row = AdTextEntity.findById(adId);
            if (row == null)
            {
                final AdTextEntity created = new AdTextEntity();
                created.adId = adId;
                created.terms = texts.terms();
                created.autoReply = texts.autoReply();
                created.persist();
            }
            else
            {
                row.terms = texts.terms();
                row.autoReply = texts.autoReply();
            }
        });
        cache.put(adId, texts);
    }
}
