package org.p2px.gateway;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import org.p2px.catalog.AdTextEntity;

/**
 * What the core does not keep of an ad: its terms and auto-reply, and a PRIVATE ad's link. Written to the
 * database, and held in memory for the ads in use so that answers and book pushes built on the live view's thread
 * do not read the database. Every link is held in memory (loaded on start): a take of a PRIVATE ad checks its
 * link on the event loop, where nothing may wait for the database.
 */
@ApplicationScoped
public class AdTexts
{
    /** How many ads' texts stay in memory; others are read again on use. */
    static final int CACHED = 50_000;
    private static final Texts NONE = new Texts("", "", null);
    /** 128 random bits: nobody finds a PRIVATE ad by trying links. */
    private static final int LINK_BYTES = 16;
    private static final Pattern LINK = Pattern.compile("[A-Za-z0-9_-]{22}");

    /** An ad's texts (both empty for an ad whose texts were never recorded) and its link (null until PRIVATE). */
    public record Texts(String terms, String autoReply, String link)
    {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<Long, String> linkOfAd = new ConcurrentHashMap<>();
    private final Map<String, Long> adOfLink = new ConcurrentHashMap<>();
    private final Map<Long, Texts> cache = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true)
    {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(final Map.Entry<Long, Texts> eldest)
        {
            return size() > CACHED;
        }
    });

    void loadLinks(@Observes final StartupEvent event)
    {
        QuarkusTransaction.requiringNew().run(() -> AdTextEntity.<AdTextEntity>stream("linkToken is not null")
            .forEach(row -> remember(row.adId, row.linkToken)));
    }

    private void remember(final long adId, final String link)
    {
        linkOfAd.put(adId, link);
        adOfLink.put(link, adId);
    }

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
            return row == null ? NONE : new Texts(row.terms, row.autoReply, row.linkToken);
        });
        cache.put(adId, read);
        return read;
    }

    /**
     * Writes an ad's terms and auto-reply in a transaction of their own and keeps them; a PRIVATE ad gets its link
     * the first time, and keeps it (a link already shared stays good when the ad goes PUBLIC and back).
     */
    public void save(final long adId, final String terms, final String autoReply, final boolean privateAd)
    {
        final Texts saved = QuarkusTransaction.requiringNew().call(() ->
        {
            final AdTextEntity found = AdTextEntity.findById(adId);
            final AdTextEntity row = found == null ? new AdTextEntity() : found;
            row.adId = adId;
            row.terms = terms;
            row.autoReply = autoReply;
            if (privateAd && row.linkToken == null)
            {
                row.linkToken = newLink();
            }
            if (found == null)
            {
                row.persist();
            }
            return new Texts(row.terms, row.autoReply, row.linkToken);
        });
        if (saved.link() != null)
        {
            remember(adId, saved.link());
        }
        cache.put(adId, saved);
    }

    /** The ad a link leads to, or -1 for none (and for anything that cannot be a link); from memory, any thread. */
    public long adOfLink(final String link)
    {
        if (link == null || !LINK.matcher(link).matches())
        {
            return -1;
        }
        final Long adId = adOfLink.get(link);
        return adId == null ? -1 : adId;
    }

    private String newLink()
    {
        final byte[] bytes = new byte[LINK_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
