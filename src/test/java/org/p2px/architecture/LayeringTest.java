package org.p2px.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point down toward the core: codec, core, journal, engine, cluster, replica and live never import a package
 * above them (the gateways, authentication, the catalogue, the read models, the projector, the server shell), so
 * each can be benchmarked, replayed and replicated alone, and none of them imports Quarkus or Micrometer. The core sees
 * nothing but the codec and Agrona.
 */
class LayeringTest
{
    private static final String[] ABOVE_THE_ENGINE = {
        "org.p2px.gateway..", "org.p2px.auth..", "org.p2px.catalog..", "org.p2px.readmodel..",
        "org.p2px.projector..", "org.p2px.server..", "org.p2px.demo..", "org.p2px.tools..", "org.p2px.notice.." };

    private static final JavaClasses MAIN = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.p2px");

    @Test
    void nothingBelowTheGatewaysImportsAPackageAboveThem()
    {
        noClasses().that().resideInAnyPackage("org.p2px.codec..", "org.p2px.core..", "org.p2px.journal..",
                "org.p2px.engine..", "org.p2px.replica..", "org.p2px.live..",
                "org.p2px.cluster..")
            .should().dependOnClassesThat().resideInAnyPackage(ABOVE_THE_ENGINE)
            .check(MAIN);
    }

    /** The engine counts for the metrics in plain counters; Quarkus' side reads them and speaks Micrometer. */
    @Test
    void nothingBelowTheGatewaysImportsQuarkusOrMicrometer()
    {
        noClasses().that().resideInAnyPackage("org.p2px.codec..", "org.p2px.core..", "org.p2px.journal..",
                "org.p2px.engine..", "org.p2px.replica..", "org.p2px.live..",
                "org.p2px.cluster..")
            .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.micrometer..", "jakarta..")
            .check(MAIN);
    }

    @Test
    void theCoreSeesOnlyTheCodecAgronaAndTheJdk()
    {
        noClasses().that().resideInAPackage("org.p2px.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.p2px.journal..", "org.p2px.engine..",
                "org.p2px.replica..", "org.p2px.live..", "net.openhft..", "io.quarkus..", "jakarta..", "java.io..",
                "java.nio.file..", "java.time..", "java.util.concurrent..")
            .check(MAIN);
    }

    @Test
    void theLowerPackagesHaveNoCycles()
    {
        slices().matching("org.p2px.(codec|core|journal|engine|replica|live|cluster)..").should().beFreeOfCycles()
            .check(MAIN);
    }

    @Test
    void thePackagesHaveNoCycles()
    {
        slices().matching("org.p2px.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theSharedVocabularyDependsOnlyOnTheCodec()
    {
        noClasses().that().resideInAPackage("org.p2px.api..")
            .should().dependOnClassesThat().resideInAnyPackage(ABOVE_THE_ENGINE)
            .orShould().dependOnClassesThat().resideInAnyPackage("org.p2px.core..", "org.p2px.engine..",
                "org.p2px.journal..", "org.p2px.live..", "org.p2px.replica..")
            .check(MAIN);
    }

    /** Cluster mode stands beside the engine: it runs the core and the journal, and knows no replica or view. */
    @Test
    void theClusterServiceSeesOnlyTheEngineCoreJournalAndCodec()
    {
        noClasses().that().resideInAPackage("org.p2px.cluster..")
            .should().dependOnClassesThat().resideInAnyPackage("org.p2px.replica..", "org.p2px.live..", "org.p2px.api..")
            .check(MAIN);
    }

    @Test
    void theProjectorWritesReadModelsAndKnowsNoGateway()
    {
        noClasses().that().resideInAPackage("org.p2px.projector..")
            .should().dependOnClassesThat().resideInAnyPackage("org.p2px.gateway..", "org.p2px.live..")
            .check(MAIN);
    }
}
