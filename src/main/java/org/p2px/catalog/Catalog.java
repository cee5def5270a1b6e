package org.p2px.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.codec.ErrorCode;
import org.p2px.server.CoreCommands;

/**
 * The codes clients use (USDT, EUR, USDT-EUR) for the core's numeric ids. Defining an asset or a market sends the
 * command to the core first and records the code once the core accepts it, so the catalogue never names
 * something the core does not know. Lookups are served from memory.
 */
@ApplicationScoped
public class Catalog
{
    private final CoreCommands core;
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
        final AssetInfo asset = assetsById.get(id);
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
        final MarketInfo market = marketsById.get(id);
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
     * core accepted it: no transaction waits for the engine).
     */
    public synchronized AssetInfo defineAsset(final long actorId, final String code, final int scale, final boolean fiat)
    {
        load();
        final String normalized = checkedCode(code);
        if (assetsByCode.containsKey(normalized))
        {
            throw ApiException.of(GatewayError.ASSET_CODE_TAKEN, "An asset " + normalized + " exists.");
        }
        final int id = assetsById.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        core.send((proxy, buffer, offset, correlationId) ->
            proxy.defineAsset(buffer, offset, correlationId, 0, actorId, id, scale, fiat));
        final AssetEntity row = new AssetEntity();
        row.id = id;
        row.code = normalized;
        row.scale = scale;
        row.fiat = fiat;
        QuarkusTransaction.requiringNew().run(row::persist);
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
        load();
        final AssetInfo asset = asset(spec.assetCode());
        final AssetInfo fiat = asset(spec.fiatCode());
        final String symbol = asset.code() + "-" + fiat.code();
        if (marketsBySymbol.containsKey(symbol))
        {
            throw ApiException.of(GatewayError.MARKET_SYMBOL_TAKEN, "A market " + symbol + " exists.");
        }
        final int id = marketsById.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        core.send((proxy, buffer, offset, correlationId) -> proxy.createMarket(buffer, offset, correlationId, 0, actorId, id,
            asset.id(), fiat.id(), spec.priceScale(), spec.priceTick(), spec.minOrderFiat(), spec.makerFeeBps(),
            spec.takerFeeBps(), spec.paymentMethods()));
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
        QuarkusTransaction.requiringNew().run(row::persist);
        return remember(row);
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
