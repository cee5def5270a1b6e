package org.p2px.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;

import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.codec.ErrorCode;
import org.p2px.server.CoreCommands;

/**
 * The codes clients use (USDT, EUR, USDT-EUR) for the core's numeric ids. Defining an asset or a market sends the
 * command to the core first and records the code once the core accepts it, so the catalogue never names
 * something the core does not know. Lookups are served from memory; gateways sharing a database read what the
 * others defined ({@link #refresh}, {@link CatalogRefresh}).
 */
@ApplicationScoped
public class Catalog
{
    /** Ids tried in turn when the core answers that one is taken. */
    private static final int MAX_ID_ATTEMPTS = 64;
    /** An unknown id reads the database at most this often (ids come from the journal, but a client may guess). */
    private static final long MISS_REFRESH_NANOS = 500_000_000L;

    private final CoreCommands core;
    private final Object refreshing = new Object();
    private volatile long lastRefreshNanos = System.nanoTime() - MISS_REFRESH_NANOS;
    private final Map<Integer, AssetInfo> assetsById = new ConcurrentHashMap<>();
    private final Map<String, AssetInfo> assetsByCode = new ConcurrentHashMap<>();
    private final Map<Integer, MarketInfo> marketsById = new ConcurrentHashMap<>();
    private final Map<String, MarketInfo> marketsBySymbol = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    public Catalog(final CoreCommands core)
    {
        this.core = core;
    }

    public AssetInfo asset(final int id)
    {
        load();
        AssetInfo asset = assetsById.get(id);
        if (asset == null && refreshedOnMiss())
        {
            asset = assetsById.get(id);
        }
        if (asset == null)
        {
            throw ApiException.of(ErrorCode.UNKNOWN_ASSET);
        }
        return asset;
    }

    public AssetInfo asset(final String code)
    {
        load();
        final AssetInfo asset = code == null ? null : assetsByCode.get(code.toUpperCase(Locale.ROOT));
        if (asset == null)
        {
            throw ApiException.of(GatewayError.UNKNOWN_ASSET_CODE, "No asset or fiat currency " + code + ".");
        }
        return asset;
    }

    public MarketInfo market(final int id)
    {
        load();
        MarketInfo market = marketsById.get(id);
        if (market == null && refreshedOnMiss())
        {
            market = marketsById.get(id);
        }
        if (market == null)
        {
            throw ApiException.of(ErrorCode.UNKNOWN_MARKET);
        }
        return market;
    }

    public MarketInfo market(final String symbol)
    {
        load();
        final MarketInfo market = symbol == null ? null : marketsBySymbol.get(symbol.toUpperCase(Locale.ROOT));
        if (market == null)
        {
            throw ApiException.of(ErrorCode.UNKNOWN_MARKET, "No market " + symbol + ".");
        }
        return market;
    }

    /** Every market, by symbol. */
    public List<MarketInfo> markets()
    {
        load();
        return marketsById.values().stream().sorted(Comparator.comparing(MarketInfo::symbol)).toList();
    }

    public List<AssetInfo> assets()
    {
        load();
        return assetsById.values().stream().sorted(Comparator.comparing(AssetInfo::code)).toList();
    }

    /**
     * Declares an asset or fiat currency to the core and records its code (in a transaction of its own once the
     * core accepted it: no transaction waits for the engine). Another gateway sharing the database may take an id
     * at the same moment: the core refuses the second (ASSET_EXISTS) and the next id is tried.
     */
    public synchronized AssetInfo defineAsset(final long actorId, final String code, final int scale, final boolean fiat)
    {
        final String normalized = checkedCode(code);
        refresh();
        if (assetsByCode.containsKey(normalized))
        {
            throw ApiException.of(GatewayError.ASSET_CODE_TAKEN, "An asset " + normalized + " exists.");
        }
        final int id = claimId(assetsById.keySet(), ErrorCode.ASSET_EXISTS, candidate ->
            core.send((proxy, buffer, offset, correlationId) ->
                proxy.defineAsset(buffer, offset, correlationId, 0, actorId, candidate, scale, fiat)));
        final AssetEntity row = new AssetEntity();
        row.id = id;
        row.code = normalized;
        row.scale = scale;
        row.fiat = fiat;
        persist(row, GatewayError.ASSET_CODE_TAKEN, "An asset " + normalized + " exists.");
        return remember(row);
    }

    /** What a new market is made of; {@code symbol} is ASSET-FIAT. */
    public record MarketSpec(String assetCode, String fiatCode, int priceScale, long priceTick, long minOrderFiat,
        int makerFeeBps, int takerFeeBps, long paymentMethods)
    {
    }

    /** Opens a market in the core and records its symbol (in a transaction of its own, as for assets). */
    public synchronized MarketInfo createMarket(final long actorId, final MarketSpec spec)
    {
        refresh();
        final AssetInfo asset = asset(spec.assetCode());
        final AssetInfo fiat = asset(spec.fiatCode());
        final String symbol = asset.code() + "-" + fiat.code();
        if (marketsBySymbol.containsKey(symbol))
        {
            throw ApiException.of(GatewayError.MARKET_SYMBOL_TAKEN, "A market " + symbol + " exists.");
        }
        final int id = claimId(marketsById.keySet(), ErrorCode.MARKET_EXISTS, candidate ->
            core.send((proxy, buffer, offset, correlationId) -> proxy.createMarket(buffer, offset, correlationId, 0,
                actorId, candidate, asset.id(), fiat.id(), spec.priceScale(), spec.priceTick(), spec.minOrderFiat(),
                spec.makerFeeBps(), spec.takerFeeBps(), spec.paymentMethods())));
        final MarketEntity row = new MarketEntity();
        row.id = id;
        row.symbol = symbol;
        row.assetId = asset.id();
        row.fiatId = fiat.id();
        row.priceScale = spec.priceScale();
        row.priceTick = spec.priceTick();
        row.minOrderFiat = spec.minOrderFiat();
        row.makerFeeBps = spec.makerFeeBps();
        row.takerFeeBps = spec.takerFeeBps();
        row.paymentMethods = spec.paymentMethods();
        persist(row, GatewayError.MARKET_SYMBOL_TAKEN, "A market " + symbol + " exists.");
        return remember(row);
    }

    /**
     * Sends {@code define} with the id after the highest known, and the next while the core answers that the id
     * is taken (by another gateway, whose row this one has not read yet).
     */
    private static int claimId(final Set<Integer> known, final ErrorCode taken, final IntConsumer define)
    {
        int id = known.stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        for (int attempt = 1; ; attempt++, id++)
        {
            try
            {
                define.accept(id);
                return id;
            }
            catch (final ApiException ex)
            {
                if (!taken.name().equals(ex.code()) || attempt == MAX_ID_ATTEMPTS)
                {
                    throw ex;
                }
            }
        }
    }

    /**
     * Records a row the core has accepted. Two gateways defining one code at once both get an id from the core;
     * the unique code decides which keeps it, and the other id stays unnamed (no client can reach it).
     */
    private static void persist(final PanacheEntityBase row, final GatewayError taken, final String message)
    {
        try
        {
            QuarkusTransaction.requiringNew().run(row::persistAndFlush);
        }
        catch (final PersistenceException ex)
        {
            throw ApiException.of(taken, message);
        }
    }

    /**
     * An id not known: another gateway sharing the database may have defined it since the last refresh. Reads the
     * catalogue again unless that was done very recently; whether it did.
     */
    private boolean refreshedOnMiss()
    {
        if (System.nanoTime() - lastRefreshNanos < MISS_REFRESH_NANOS)
        {
            return false;
        }
        lastRefreshNanos = System.nanoTime();
        try
        {
            refresh();
            return true;
        }
        catch (final RuntimeException databaseAway)
        {
            // Unknown it stays, as it was; the next miss after the interval tries again.
            return false;
        }
    }

    private static String checkedCode(final String code)
    {
        if (code == null || !code.matches("[A-Za-z0-9]{2,12}"))
        {
            throw ApiException.of(GatewayError.VALIDATION_FAILED, "code: 2 to 12 letters or digits.");
        }
        return code.toUpperCase(Locale.ROOT);
    }

    private void load()
    {
        if (!loaded)
        {
            synchronized (this)
            {
                if (!loaded)
                {
                    reload();
                    loaded = true;
                }
            }
        }
    }

    /**
     * Adds what other gateways sharing the database recorded (codes and ids are never removed or changed, so
     * nothing is cleared and readers never miss a known entry). Run every few seconds in cluster mode
     * ({@link CatalogRefresh}), before defining anything, and when an id from the journal is not known yet.
     */
    @Transactional
    public void refresh()
    {
        load();
        // Not this object's lock: a definition holds that while it waits for the core's answer, which the live
        // view's thread delivers, and that thread may be here for an id it does not know yet.
        synchronized (refreshing)
        {
            AssetEntity.<AssetEntity>listAll().stream().filter(row -> !assetsById.containsKey(row.id))
                .forEach(this::remember);
            MarketEntity.<MarketEntity>listAll().stream().filter(row -> !marketsById.containsKey(row.id))
                .forEach(this::remember);
            lastRefreshNanos = System.nanoTime();
        }
    }

    /** Reads the whole catalogue from the database (at first use, and in tests that reset it). */
    @Transactional
    public synchronized void reload()
    {
        assetsById.clear();
        assetsByCode.clear();
        marketsById.clear();
        marketsBySymbol.clear();
        AssetEntity.<AssetEntity>listAll().forEach(this::remember);
        MarketEntity.<MarketEntity>listAll().forEach(this::remember);
    }

    private AssetInfo remember(final AssetEntity row)
    {
        final AssetInfo asset = new AssetInfo(row.id, row.code, row.scale, row.fiat);
        assetsById.put(asset.id(), asset);
        assetsByCode.put(asset.code(), asset);
        return asset;
    }

    private MarketInfo remember(final MarketEntity row)
    {
        final MarketInfo market = new MarketInfo(row.id, row.symbol, assetsById.get(row.assetId),
            assetsById.get(row.fiatId), row.priceScale, row.priceTick, row.minOrderFiat, row.makerFeeBps,
            row.takerFeeBps, row.paymentMethods);
        marketsById.put(market.id(), market);
        marketsBySymbol.put(market.symbol(), market);
        return market;
    }
}
