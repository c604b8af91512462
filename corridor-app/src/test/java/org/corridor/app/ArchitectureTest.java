package org.corridor.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.InstantSource;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries of DESIGN.md and the deterministic-core rule, checked on the compiled classes. */
class ArchitectureTest {
    private static JavaClasses corridor;

    @BeforeAll
    static void importClasses() {
        corridor = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.corridor");
    }

    @Test
    void importsEveryModule() {
        // Guards the rules below against passing vacuously because nothing was imported.
        for (String module : new String[] {"core", "store", "gateway", "services", "api", "dashboard", "sim",
                "app"}) {
            org.assertj.core.api.Assertions.assertThat(corridor.stream()
                    .anyMatch(c -> c.getPackageName().startsWith("org.corridor." + module)))
                    .as("classes of corridor-" + module + " were imported").isTrue();
        }
    }

    @Test
    void coreDependsOnTheJdkOnly() {
        ArchRule rule = noClasses().that().resideInAPackage("org.corridor.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.corridor.core..", "java..");
        rule.check(corridor);
    }

    @Test
    void coreDoesNoIo() {
        noClasses().that().resideInAPackage("org.corridor.core..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.sql..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
                .check(corridor.that(com.tngtech.archunit.base.DescribedPredicate.not(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(Throwable.class))));
    }

    @Test
    void coreReadsNoWallClock() {
        noClasses().that().resideInAPackage("org.corridor.core..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(InstantSource.class, "system")
                .check(corridor);
    }

    @Test
    void coreMakesNoRandomness() {
        noClasses().that().resideInAPackage("org.corridor.core..")
                .should().dependOnClassesThat().areAssignableTo(Random.class)
                .orShould().dependOnClassesThat().areAssignableTo(SecureRandom.class)
                .orShould().dependOnClassesThat().areAssignableTo(ThreadLocalRandom.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.SplittableRandom")
                .orShould().callMethod(Math.class, "random")
                .orShould().callMethod(UUID.class, "randomUUID")
                .check(corridor);
    }

    @Test
    void storeKnowsNothingOfSimulatorsOrTheApp() {
        noClasses().that().resideInAPackage("org.corridor.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.corridor.sim..", "org.corridor.app..")
                .check(corridor);
    }

    @Test
    void apiCallsServicesThroughCorePortsOnly() {
        noClasses().that().resideInAPackage("org.corridor.api..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.corridor.store..", "org.corridor.services..", "org.corridor.gateway..",
                        "org.corridor.sim..", "org.corridor.app..", "org.corridor.dashboard..")
                .check(corridor);
    }

    @Test
    void dashboardReadsThroughCorePortsAndNeverSeesTheVault() {
        noClasses().that().resideInAPackage("org.corridor.dashboard..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.corridor.store..", "org.corridor.services..", "org.corridor.gateway..",
                        "org.corridor.vault..", "org.corridor.sim..", "org.corridor.app..")
                .check(corridor);
    }

    @Test
    void dashboardNeverCallsTheWriter() {
        noClasses().that().resideInAPackage("org.corridor.dashboard..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.corridor.core.port.SwitchCommands")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.corridor.core.state.SwitchState")
                .check(corridor);
    }

    @Test
    void gatewayDoesOutboundIoWithTheCoreOnly() {
        noClasses().that().resideInAPackage("org.corridor.gateway..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.corridor.store..", "org.corridor.services..", "org.corridor.api..",
                        "org.corridor.sim..", "org.corridor.app..")
                .check(corridor);
    }

    @Test
    void servicesKnowNothingOfHttpRoutesSimulatorsOrTheApp() {
        noClasses().that().resideInAPackage("org.corridor.services..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.corridor.api..", "org.corridor.dashboard..", "org.corridor.sim..",
                        "org.corridor.app..", "io.javalin..")
                .check(corridor);
    }

    @Test
    void storeKnowsNothingOfServicesGatewayOrApi() {
        noClasses().that().resideInAPackage("org.corridor.store..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.corridor.services..", "org.corridor.gateway..", "org.corridor.api..")
                .check(corridor);
    }

    @Test
    void simulatorsKnowNothingOfTheStoreOrTheApp() {
        noClasses().that().resideInAPackage("org.corridor.sim..")
                .should().dependOnClassesThat().resideInAnyPackage("org.corridor.store..", "org.corridor.app..")
                .check(corridor);
    }

    @Test
    void nothingDependsOnTheApp() {
        noClasses().that().resideOutsideOfPackage("org.corridor.app..")
                .should().dependOnClassesThat().resideInAPackage("org.corridor.app..")
                .check(corridor);
    }
}
