package id.sorot;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which room may use which, bottom to top: {@code base}; {@code opd} and {@code rules}; {@code access}
 * (users, tokens, audit log, the reader's scope); {@code etl}
 * and {@code cube}; the feature packages; each feature's {@code ui} on top of its service.
 * {@code export} and {@code chart} serve UI code only ({@code dashboard}, the page base every view
 * shares, and the views). No two packages depend on each other.
 */
class ArchitectureTest {

    static JavaClasses sorot;

    @BeforeAll
    static void importClasses() {
        sorot = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.sorot");
    }

    /** The layers, as STYLE.md draws them. */
    static ArchRule layers() {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("App")
                .definedBy("id.sorot")
                .layer("Base")
                .definedBy("id.sorot.base..")
                .layer("Reference")
                .definedBy("id.sorot.opd..", "id.sorot.rules..")
                .layer("Access")
                .definedBy("id.sorot.access..")
                .layer("Etl")
                .definedBy(
                        "id.sorot.etl",
                        "id.sorot.etl.job..",
                        "id.sorot.etl.read..",
                        "id.sorot.etl.target..",
                        "id.sorot.etl.load..",
                        "id.sorot.etl.draft..")
                .layer("Cube")
                .definedBy("id.sorot.cube..")
                .layer("Api")
                .definedBy("id.sorot.api..")
                .layer("Features")
                .definedBy("id.sorot.akip", "id.sorot.ikm", "id.sorot.realisasi", "id.sorot.profile", "id.sorot.pohon")
                .layer("Views")
                .definedBy(
                        "id.sorot.akip.ui..",
                        "id.sorot.ikm.ui..",
                        "id.sorot.realisasi.ui..",
                        "id.sorot.profile.ui..",
                        "id.sorot.pohon.ui..",
                        "id.sorot.etl.ui..",
                        "id.sorot.admin.ui..")
                .layer("Dashboard")
                .definedBy("id.sorot.dashboard..")
                .layer("Export")
                .definedBy("id.sorot.export..")
                .layer("Chart")
                .definedBy("id.sorot.chart..")
                .whereLayer("Views")
                .mayOnlyBeAccessedByLayers("App")
                .whereLayer("Dashboard")
                .mayOnlyBeAccessedByLayers("Views", "App")
                .whereLayer("Features")
                .mayOnlyBeAccessedByLayers("Views", "App")
                .whereLayer("Api")
                .mayOnlyBeAccessedByLayers("App")
                .whereLayer("Etl")
                .mayOnlyBeAccessedByLayers("Api", "Views", "App")
                .whereLayer("Cube")
                .mayOnlyBeAccessedByLayers("Features", "Api", "Views", "App")
                .whereLayer("Access")
                .mayOnlyBeAccessedByLayers("Etl", "Cube", "Features", "Api", "Views", "App")
                .whereLayer("Reference")
                .mayOnlyBeAccessedByLayers("Access", "Etl", "Cube", "Features", "Api", "Views", "App")
                .whereLayer("Export")
                .mayOnlyBeAccessedByLayers("Views", "Dashboard", "App")
                .whereLayer("Chart")
                .mayOnlyBeAccessedByLayers("Views", "Dashboard", "App");
    }

    @Test
    void each_layer_uses_only_the_layers_below_it() {
        layers().check(sorot);
    }

    @Test
    void no_two_packages_depend_on_each_other() {
        slices().matching("id.sorot.(**)").should().beFreeOfCycles().check(sorot);
    }

    /** Features meet only through the layers below them: akip, ikm, realisasi, profile never use each other's views. */
    @Test
    void no_two_rooms_depend_on_each_other_counting_their_subpackages() {
        slices().matching("id.sorot.(*)..").should().beFreeOfCycles().check(sorot);
    }

    /** Within the ETL too: read, target, job and load are stages, each using only the ones before it. */
    @Test
    void etl_stages_have_no_cycles() {
        slices().matching("id.sorot.etl.(*)..").should().beFreeOfCycles().check(sorot);
    }
}
