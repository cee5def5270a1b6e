package org.p2px.gateway;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import org.p2px.catalog.AdTextEntity;

/**
 * What the core does not keep of an ad: its terms and auto-reply, and a PRIVATE ad's link. Written to the
 * database, and held in memory for the ads in use so that answers and book pushes built on the live view's thread
 * do not read the database. Every link is held in memory (loaded on start): a take of a PRIVATE ad checks its
 * link on the event loop, where nothing may wait for the database. Gateways sharing a database read every second
 * the rows the others wrote ({@link #readOthers}), so an edited ad's terms and a new link reach them within about
 * a second.
 */
@ApplicationScoped
public class AdTexts
{
    /** How many ads' texts stay in memory; others are read again on use. */
    static final int CACHED = 50_000;
    private static final Texts NONE = new Texts("", "", null);
    private static final System.Logger LOG = System.getLogger(AdTexts.class.getName());
    /** 128 random bits: nobody finds a PRIVATE ad by trying links. */
    private static final int LINK_BYTES = 16;
    private static final Pattern LINK = Pattern.compile("[A-Za-z0-9_-]{22}");

    /** An ad's texts (both empty for an ad whose texts were never recorded) and its link (null until PRIVATE). */
    public record Texts(String terms, String autoReply, String link)
    {
    }

    private static final long RETRY_EVERY_MILLIS = 1_000;
    /**
     * Rows stamped this long before the last look are read again: a row committed late (its transaction started
     * before the last look) or stamped by a gateway whose clock is a little behind is still seen.
     */
    static final Duration READ_OVERLAP = Duration.ofSeconds(5);
    private Instant lastLook = Instant.now();
    private final AtomicBoolean looking = new AtomicBoolean();

    private final Vertx vertx;
    private long timer = -1;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, String> linkOfAd = new ConcurrentHashMap<>();
    /** Texts kept but not written yet (the database was away), in the order they were saved. */
    private final Map<Long, Texts> held = Collections.synchronizedMap(new LinkedHashMap<>());
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

    public AdTexts(final Vertx vertx)
    {
        this.vertx = vertx;
    }

    /**
     * Every link, and the texts of the ads not closed (the ones the book and answers show), so that neither waits
     * for the database, nor fails while it is away.
     */
    void start(@Observes final StartupEvent event)
    {
        load();
        timer = vertx.setPeriodic(RETRY_EVERY_MILLIS, id ->
        {
            // One look at a time: while the database is away, each waits for a connection, and a look started
            // every second behind the last would take the worker threads that requests need.
            if (looking.compareAndSet(false, true))
            {
                vertx.executeBlocking(() ->
                {
                    try
                    {
                        if (!held.isEmpty())
                        {
                            writeHeld();
                        }
                        readOthers();
                    }
                    finally
                    {
                        looking.set(false);
                    }
                    return null;
                }, false);
            }
        });
    }

    void stop(@Observes final ShutdownEvent event)
    {
        vertx.cancelTimer(timer);
    }

    private void load()
    {
        QuarkusTransaction.requiringNew().run(() ->
        {
            AdTextEntity.<AdTextEntity>stream("linkToken is not null").forEach(row -> remember(row.adId, row.linkToken));
            AdTextEntity.<AdTextEntity>stream("adId in (select a.id from AdRow a where a.status <> 'CLOSED')")
                .limit(CACHED)
                .forEach(row -> cache.put(row.adId, new Texts(row.terms, row.autoReply, row.linkToken)));
        });
    }

    /**
     * Takes in the texts and links written since the last look (minus {@link #READ_OVERLAP}), by this gateway or
     * another sharing the database; texts this one holds unwritten stay as they are. A database that is away is
     * tried again at the next look, from the same point.
     */
    synchronized void readOthers()
    {
        final Instant look = Instant.now();
        try
        {
            QuarkusTransaction.requiringNew().run(() -> AdTextEntity.<AdTextEntity>stream("updatedAt > ?1",
                lastLook.minus(READ_OVERLAP)).forEach(row ->
            {
                if (row.linkToken != null)
                {
                    remember(row.adId, row.linkToken);
                }
                if (!held.containsKey(row.adId))
                {
                    cache.put(row.adId, new Texts(row.terms, row.autoReply, row.linkToken));
                }
            }));
            lastLook = look;
        }
        catch (final RuntimeException ex)
        {
            LOG.log(System.Logger.Level.DEBUG, "ad texts of other gateways not read: " + ex);
        }
    }

    private void remember(final long adId, final String link)
    {
        linkOfAd.put(adId, link);
        adOfLink.put(link, adId);
    }

    public Texts of(final long adId)
    {
        final Texts waiting = held.get(adId);
        if (waiting != null)
        {
            return waiting;
        }
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
        // Not put: texts saved meanwhile (the ad's creator, on another thread, while the live view read the
        // database for the book) must not be overwritten by what the database held before them.
        final Texts saved = cache.putIfAbsent(adId, read);
        return saved != null ? saved : read;
    }

    /**
     * Keeps an ad's terms and auto-reply, and gives a PRIVATE ad its link the first time (a link already shared
     * stays good when the ad goes PUBLIC and back), then writes them. The ad already exists in the core when this
     * runs, so a database that is away must not fail the answer: the texts are held in memory and written once it
     * is back ({@link #writeHeld}). Held texts are lost if the process dies before then (the ad keeps empty texts).
     */
    public void save(final long adId, final String terms, final String autoReply, final boolean privateAd)
    {
        final String link = linkOfAd.containsKey(adId) || !privateAd ? linkOfAd.get(adId) : newLink();
        final Texts texts = new Texts(terms, autoReply, link);
        if (link != null)
        {
            remember(adId, link);
        }
        cache.put(adId, texts);
        held.put(adId, texts);
        writeHeld();
    }

    /** Writes every held text, oldest first; on a database failure keeps them for the next call (every second). */
    synchronized void writeHeld()
    {
        final List<Map.Entry<Long, Texts>> waiting;
        synchronized (held)
        {
            waiting = held.entrySet().stream().map(entry -> Map.entry(entry.getKey(), entry.getValue())).toList();
        }
        for (final Map.Entry<Long, Texts> entry : waiting)
        {
            try
            {
                QuarkusTransaction.requiringNew().run(() -> write(entry.getKey(), entry.getValue()));
                held.remove(entry.getKey(), entry.getValue());
            }
            catch (final RuntimeException ex)
            {
                // The ad exists and its texts are served from memory: nothing is thrown at whoever saved them.
                if (DatabaseUnavailable.is(ex))
                {
                    LOG.log(System.Logger.Level.WARNING, "ad texts of {0} ad(s) wait for the database: {1}",
                        held.size(), ClientGone.describe(ex));
                }
                else
                {
                    LOG.log(System.Logger.Level.ERROR, "ad texts of " + held.size() + " ad(s) could not be written; " +
                        "retrying every second", ex);
                }
                return;
            }
        }
    }

    private static void write(final long adId, final Texts texts)
    {
        final AdTextEntity found = AdTextEntity.findById(adId);
        final AdTextEntity row = found == null ? new AdTextEntity() : found;
        row.adId = adId;
        row.terms = texts.terms();
        row.autoReply = texts.autoReply();
        row.linkToken = texts.link();
        row.updatedAt = Instant.now();
        if (found == null)
        {
            row.persist();
        }
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
