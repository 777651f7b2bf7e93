package io.croupier.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Boundaries of the hexagon, checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "io.croupier", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule coreDependsOnlyOnJdkAndItself =
      classes()
          .that()
          .resideInAnyPackage("io.croupier.domain..", "io.croupier.application..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "io.croupier.domain..", "io.croupier.application..")
          .because("the core must stay usable without any framework, driver or library");

  @ArchTest
  static final ArchRule domainIgnoresApplication =
      noClasses()
          .that()
          .resideInAPackage("io.croupier.domain..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.croupier.application..")
          .because("the domain model is the innermost ring");

  @ArchTest
  static final ArchRule hexagon =
      onionArchitecture()
          .domainModels("io.croupier.domain..")
          .domainServices("io.croupier.application.port..")
          .applicationServices("io.croupier.application.service..")
          .adapter("mongo", "io.croupier.adapter.out.mongo..")
          .adapter("security", "io.croupier.adapter.out.security..")
          .adapter("http", "io.croupier.adapter.in.http..")
          .adapter("cli", "io.croupier.adapter.in.cli..")
          // The composition roots wire every ring together, so they may see all of them.
          .ignoreDependency(
              JavaClass.Predicates.resideInAnyPackage(
                  "io.croupier.bootstrap..", "io.croupier.library.."),
              DescribedPredicate.alwaysTrue())
          .because("adapters depend on the core and never on each other");

  @ArchTest
  static final ArchRule adaptersReachServicesOnlyThroughPorts =
      noClasses()
          .that()
          .resideInAPackage("io.croupier.adapter..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.croupier.application.service..")
          .because("adapters drive use cases through their port interfaces only");

  @ArchTest
  static final ArchRule libraryIsFrameworkFree =
      noClasses()
          .that()
          .resideInAPackage("io.croupier.library..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.micronaut..", "picocli..", "io.croupier.bootstrap..")
          .because(
              "croupier-library is the composition root that applications embed, so it must work"
                  + " without Micronaut or picocli on the classpath");

  @ArchTest
  static final ArchRule libraryUsesOnlyCoreAndOutgoingAdapters =
      noClasses()
          .that()
          .resideInAPackage("io.croupier.library..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.croupier.adapter.in..")
          .because("the library drives the use cases itself and needs no incoming adapter");

  @ArchTest
  static final ArchRule onlyLibraryAndBootstrapWireServices =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "io.croupier.application..", "io.croupier.library..", "io.croupier.bootstrap..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.croupier.application.service..")
          .because("services are created in one place, the library's wiring");

  @ArchTest
  static final ArchRule httpNeverActsForAnAdminByName =
      noClasses()
          .that()
          .resideInAPackage("io.croupier.adapter.in.http..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("io.croupier.application.port.in.ResolveOrganizationAdminUseCase")
          .because(
              "over HTTP an admin is known only from a verified token, never from an organization"
                  + " name");

  @ArchTest
  static final ArchRule noStandardStreams =
      NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.because("output goes through a logger or picocli");

  @ArchTest static final ArchRule noGenericExceptions = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

  @ArchTest static final ArchRule noJavaUtilLogging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

  @ArchTest static final ArchRule noFieldInjection = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
}
