package org.p2px.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The health checks operators and Kubernetes probe, with the data docs/operations.md describes. */
@QuarkusTest
class HealthEndpointTest
{
    @Test
    void readinessCarriesTheEngineAndTheReadModelsWithTheirData()
    {
        given().get("/q/health/ready").then().statusCode(200)
            .body("status", equalTo("UP"))
            .body("checks.find { it.name == 'engine' }.data.status", equalTo("READY"))
            .body("checks.find { it.name == 'engine' }.data.journalWritable", equalTo(true))
            .body("checks.find { it.name == 'read-models' }.status", equalTo("UP"))
            .body("checks.find { it.name == 'read-models' }.data.projectedBatch", greaterThanOrEqualTo(0))
            .body("checks.find { it.name == 'read-models' }.data.journalBatch", greaterThanOrEqualTo(0))
            .body("checks.find { it.name == 'read-models' }.data.lagBatches", greaterThanOrEqualTo(0))
            .body("checks.find { it.name == 'read-models' }.data.lagSeconds", greaterThanOrEqualTo(0))
            .body("checks.find { it.name == 'read-models' }.data.databaseReachable", equalTo(true))
            .body("checks.find { it.name == 'read-models' }.data.lastTransactionFailed", equalTo(false))
            .body("checks.find { it.name == 'read-models' }.data.degraded", equalTo(false))
            .body("checks.find { it.name.contains('Database') }", equalTo(null));
    }

    @Test
    void livenessWatchesTheThreadsTheEngineCannotWorkWithout()
    {
        given().get("/q/health/live").then().statusCode(200)
            .body("status", equalTo("UP"))
            .body("checks.find { it.name == 'engine-threads' }.data.core", equalTo(true))
            .body("checks.find { it.name == 'engine-threads' }.data.liveView", equalTo(true));
    }
}
