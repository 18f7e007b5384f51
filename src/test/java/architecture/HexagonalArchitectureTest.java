package architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layers stay honest: a pure domain, an application that knows no adapter, adapters that know no other. */
@AnalyzeClasses(
        packages = {"domain", "application", "adapters"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonalArchitectureTest {

    @ArchTest
    static final ArchRule domainDependsOnJavaOnly = classes()
            .that()
            .resideInAPackage("domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("domain..", "java..");

    @ArchTest
    static final ArchRule applicationDoesNotDependOnAdapters = noClasses()
            .that()
            .resideInAPackage("application..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("adapters..");

    @ArchTest
    static final ArchRule applicationUsesNoFrameworkButStandardAnnotations = classes()
            .that()
            .resideInAPackage("application..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "application..",
                    "domain..",
                    "java..",
                    "jakarta.enterprise..",
                    "jakarta.inject..",
                    "jakarta.transaction..");

    @ArchTest
    static final ArchRule adaptersDoNotDependOnEachOther = independent("adapters.(*)..", "adapters.config..");

    @ArchTest
    static final ArchRule persistenceStaysInThePostgresAdapter = noClasses()
            .that()
            .resideOutsideOfPackage("adapters.postgres..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "jakarta.persistence..",
                    "io.quarkus.hibernate.orm..",
                    "org.hibernate.orm..",
                    "org.hibernate.exception..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule redisStaysInTheRedisAdapter = noClasses()
            .that()
            .resideOutsideOfPackage("adapters.redis..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.quarkus.redis..", "io.vertx.redis..", "io.vertx.mutiny.redis..");

    @ArchTest
    static final ArchRule useCasesAreInterfacesImplementedByOneService = classes()
            .that()
            .resideInAPackage("application..")
            .and()
            .haveSimpleNameEndingWith("UseCase")
            .should()
            .beInterfaces();

    // Ports by feature (decisions D38): application.<feature>.port.in holds the use cases and what
    // they take and give; application.<feature>.port.out what the feature needs from outside;
    // application.<feature> the services; application.shared what several features share.

    @ArchTest
    static final ArchRule useCasesLiveInTheirFeaturesInboundPorts = classes()
            .that()
            .resideInAPackage("application..")
            .and()
            .haveSimpleNameEndingWith("UseCase")
            .should()
            .resideInAPackage("application.*.port.in");

    @ArchTest
    static final ArchRule portsDependOnNoService = classes()
            .that()
            .resideInAPackage("application..port..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("application..port..", "application.shared..", "domain..", "java..");

    @ArchTest
    static final ArchRule inboundPortsExposeNoOutboundType = noClasses()
            .that()
            .resideInAPackage("application..port.in..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("application..port.out..");

    @ArchTest
    static final ArchRule aFeatureUsesAnotherOnlyThroughItsPorts =
            independent("application.(*)", "application.shared..");

    @ArchTest
    static final ArchRule sharedKnowsNoFeature = classes()
            .that()
            .resideInAPackage("application.shared..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("application.shared..", "domain..", "java..");

    /**
     * Every value the configuration adapter produces is built at start by StartupGuard, which finds
     * them by their marker {@link domain.shared.Configured}: a new settings type that lacks it fails
     * here instead of being left unchecked (JDK types such as the Clock excepted).
     */
    @ArchTest
    static final ArchRule everyProducedSettingIsCheckedAtStart = methods()
            .that()
            .areDeclaredInClassesThat()
            .resideInAPackage("adapters.config..")
            .and()
            .areAnnotatedWith(jakarta.enterprise.inject.Produces.class)
            .should(new com.tngtech.archunit.lang.ArchCondition<JavaMethod>("return java.* or a Configured type") {
                @Override
                public void check(JavaMethod method, com.tngtech.archunit.lang.ConditionEvents events) {
                    JavaClass type = method.getRawReturnType();
                    boolean ok = type.getPackageName().startsWith("java.")
                            || type.isAssignableTo(domain.shared.Configured.class);
                    if (!ok) {
                        events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                                method,
                                method.getFullName() + " produces " + type.getName()
                                        + ", which does not implement domain.shared.Configured"));
                    }
                }
            });

    /** The slices do not depend on each other, except on {@code everyones} (wiring, shared values). */
    private static ArchRule independent(String slicePattern, String everyones) {
        return slices().matching(slicePattern)
                .should()
                .notDependOnEachOther()
                .ignoreDependency(
                        com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(everyones));
    }
}
