package org.p2px.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.readmodel.UserAccount;
import org.p2px.server.CoreCommands;

/**
 * The catalogue beside another gateway sharing the core and the database: what the other gateway defines is done
 * here straight through the core and the table, as that gateway's {@link Catalog} would.
 */
@QuarkusTest
class CatalogSharedDatabaseTest
{
    @Inject
    Catalog catalog;
    @Inject
    CoreCommands core;

    private long adminId;
    private String suffix;

    @BeforeEach
    void admin()
    {
        adminId = QuarkusTransaction.requiringNew().call(() -> UserAccount.findByUsername("admin").orElseThrow().id);
        suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase(Locale.ROOT);
    }

    @Test
    void anIdAnotherGatewayTookInTheCoreIsSkipped()
    {
        final int taken = nextAssetId();
        defineInCore(taken);

        final AssetInfo defined = catalog.defineAsset(adminId, "CA" + suffix, 2, true);

        assertEquals(taken + 1, defined.id());
        assertEquals(defined, catalog.asset("CA" + suffix));
    }

    @Test
    void whatAnotherGatewayRecordedIsFoundByIdAtOnceAndByCodeAfterARefresh() throws InterruptedException
    {
        final int id = nextAssetId();
        defineInCore(id);
        recordedElsewhere(id, "CB" + suffix);

        // An id comes from the journal: it is looked up at once (a miss reads the table, at most twice a second).
        Thread.sleep(600);
        assertEquals("CB" + suffix, catalog.asset(id).code());
        catalog.refresh();
        assertEquals(id, catalog.asset("CB" + suffix).id());
    }

    @Test
    void aCodeAnotherGatewayRecordedIsTakenHereToo()
    {
        final int id = nextAssetId();
        defineInCore(id);
        recordedElsewhere(id, "CC" + suffix);

        final ApiException refused = assertThrows(ApiException.class,
            () -> catalog.defineAsset(adminId, "CC" + suffix, 2, true));

        assertEquals(GatewayError.ASSET_CODE_TAKEN.name(), refused.code());
    }

    private int nextAssetId()
    {
        catalog.refresh();
        return catalog.assets().stream().mapToInt(AssetInfo::id).max().orElse(0) + 1;
    }

    private void defineInCore(final int id)
    {
        core.send((proxy, buffer, offset, correlationId) ->
            proxy.defineAsset(buffer, offset, correlationId, 0, adminId, id, 2, true));
    }

    private static void recordedElsewhere(final int id, final String code)
    {
        final AssetEntity row = new AssetEntity();
        row.id = id;
        row.code = code;
        row.scale = 2;
        row.fiat = true;
        QuarkusTransaction.requiringNew().run(row::persist);
    }
}
