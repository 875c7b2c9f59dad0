package dev.gwellbridge.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one-way package rules of STYLE.md §2, checked on the compiled main classes. */
class ArchitectureTest {
    private static final String ROOT = "dev.gwellbridge";
    private static final String JDK = "java..";
    /** The JDK's own AES and HMAC (module java.base), which the CertifyReq signature needs. */
    private static final String JDK_CRYPTO = "javax.crypto..";

    private static final String SLF4J = "org.slf4j..";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    private static String pkg(String name) {
        return ROOT + "." + name + "..";
    }

    private static void onlyDependsOn(String layer, String... allowed) {
        String[] all = new String[allowed.length + 1];
        all[0] = pkg(layer);
        System.arraycopy(allowed, 0, all, 1, allowed.length);
        ArchRule rule = classes()
                .that()
                .resideInAPackage(pkg(layer))
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(all)
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void cryptoUsesOnlyTheJdk() {
        onlyDependsOn("crypto", JDK, JDK_CRYPTO, SLF4J);
    }

    @Test
    void wireUsesOnlyTheJdkAndCrypto() {
        onlyDependsOn("wire", JDK, SLF4J, pkg("crypto"));
    }

    @Test
    void h264ParsingUsesOnlyTheJdk() {
        onlyDependsOn("h264", JDK, SLF4J);
    }

    @Test
    void kcpUsesOnlyTheJdk() {
        onlyDependsOn("kcp", JDK, SLF4J);
    }

    @Test
    void sessionUsesOnlyTheProtocolLayersAndTheCameraSeam() {
        onlyDependsOn("session", JDK, SLF4J, pkg("crypto"), pkg("wire"), pkg("kcp"), pkg("camera"));
    }

    @Test
    void cameraSeamKnowsNothingAboutItsNeighbours() {
        onlyDependsOn("camera", JDK, SLF4J);
    }

    @Test
    void simulatorPlaysThePeerWithTheProtocolLayersOnly() {
        onlyDependsOn("sim", JDK, SLF4J, pkg("crypto"), pkg("wire"), pkg("kcp"), pkg("h264"));
    }

    @Test
    void outputsDependOnTheCameraSeamNotOnTheProtocol() {
        noClasses()
                .that()
                .resideInAnyPackage(pkg("media"), pkg("ha"), pkg("mqtt"), pkg("web"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(pkg("session"), pkg("wire"), pkg("kcp"), pkg("crypto"), pkg("sim"))
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void haMappingIsPureAndDoesNotTouchMqtt() {
        noClasses()
                .that()
                .resideInAPackage(pkg("ha"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.eclipse.paho..", pkg("mqtt"), pkg("web"), pkg("media"), "io.javalin..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyAppImportsApp() {
        noClasses()
                .that()
                .resideOutsideOfPackage(pkg("app"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(pkg("app"))
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void pahoStaysInsideTheMqttAdapter() {
        noClasses()
                .that()
                .resideOutsideOfPackage(pkg("mqtt"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.eclipse.paho..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void javalinStaysInsideTheWebLayer() {
        noClasses()
                .that()
                .resideOutsideOfPackages(pkg("web"), pkg("app"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.javalin..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
