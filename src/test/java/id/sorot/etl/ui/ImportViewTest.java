package id.sorot.etl.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.Browser;
import id.sorot.SorotTest;
import id.sorot.access.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The import screen in headless Chromium: a bad file shows its problems, a good one loads and joins the history. */
class ImportViewTest extends SorotTest {

    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = new Browser(1600, 1400);
    }

    @BeforeEach
    void signIn() {
        browser.signInAs(user(Role.BAGIAN_ORGANISASI), PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    private void upload(Path file) {
        WebElement upload = browser.driver().findElement(By.id("import-upload"));
        upload.getShadowRoot()
                .findElement(By.cssSelector("input[type=file]"))
                .sendKeys(file.toAbsolutePath().toString());
        // the upload widget lists the file name itself at once; the server's answer is the summary line,
        // set in the same round trip as the received-file line
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> {
            String summary = browser.text("import-summary");
            return summary != null
                    && !summary.isBlank()
                    && browser.text("import").contains(file.getFileName().toString());
        });
        browser.settle();
    }

    /**
     * Picks an item of a select as a person does: open it, click the item. The overlay of the select
     * picked before must be closed first, or the click that should open this one is lost.
     */
    private void choose(String id, String item) {
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
        wait.until(d -> Boolean.TRUE.equals(
                browser.js("return [...document.querySelectorAll('vaadin-select')].every(s => !s.opened);")));
        wait.until(d -> {
            if (!Boolean.TRUE.equals(browser.js("return document.getElementById(arguments[0]).opened;", id))) {
                d.findElement(By.id(id)).click();
            }
            return Boolean.TRUE.equals(browser.js("return document.getElementById(arguments[0]).opened;", id))
                    && d.findElements(By.cssSelector("vaadin-select-item[role=option]")).stream()
                            .anyMatch(WebElement::isDisplayed);
        });
        browser.driver().findElements(By.cssSelector("vaadin-select-item")).stream()
                // the select shows its value as an item of its own: only the overlay's options count
                .filter(e -> "option".equals(e.getDomAttribute("role"))
                        && e.isDisplayed()
                        && e.getText().strip().equals(item))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item '" + item + "' in " + id))
                .click();
        wait.until(d -> !Boolean.TRUE.equals(browser.js("return document.getElementById(arguments[0]).opened;", id)));
        browser.settle();
    }

    /** Clicks and waits for the outcome line ("... baris dibaca ..."), not the "Memeriksa..." before it. */
    private void click(String id, String outcome) {
        browser.driver().findElement(By.id(id)).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> {
            String s = browser.text("import-summary");
            return s != null && s.contains(outcome) && !s.endsWith("...");
        });
        browser.settle();
    }

    @Test
    void a_bad_file_is_recognised_previewed_and_its_problems_listed() throws Exception {
        browser.open(baseUrl() + "/impor", "import-upload");
        upload(Path.of("src/test/resources/etl/bad/bad_number.tsv"));
        assertThat(browser.text("import-summary")).contains("Tata letak dikenali: akip_opd_ranking");

        click("import-preview", "baris dibaca");
        assertThat(browser.text("import-summary")).contains("bad_number.tsv: 44 baris dibaca, 2 masalah");
        List<List<String>> problems = browser.gridRows("import-problems");
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("33", "3 (spec 2)", "77.1.4");
        assertThat(problems.get(1).get(3)).contains("bukan angka");
        browser.screenshot("import-problems");
    }

    @Test
    void a_good_file_loads_and_joins_the_batch_history() throws Exception {
        browser.open(baseUrl() + "/impor", "import-upload");
        upload(Path.of("etl/samples/kota-bekasi-2024/nilai_akip_kota_2020_2024.tsv"));
        click("import-preview", "baris dibaca");
        assertThat(browser.text("import-summary"))
                .contains("1 baris dibaca, tidak ada masalah", "Belum ada yang disimpan");
        assertThat(browser.gridRows("import-rows")).hasSize(5);

        click("import-load", "dimuat");
        assertThat(browser.text("import-summary")).contains("1 baris dibaca, 5 fakta dimuat");
        List<List<String>> history = browser.gridRows("import-history");
        assertThat(history.getFirst()).contains("akip_pemda", "nilai_akip_kota_2020_2024.tsv", "5 / 1", "dimuat");
        browser.screenshot("import-loaded");
    }

    @Test
    void an_unknown_file_gets_a_draft_spec_that_reads_it() throws Exception {
        browser.open(baseUrl() + "/impor", "import-upload");
        upload(Path.of("src/test/resources/etl/draft/serapan_skpd_oktober_2023.tsv"));
        assertThat(browser.text("import-summary")).contains("Tata letak tidak dikenali", "draf spec");
        assertThat(browser.text("draft-found"))
                .contains("Judul kolom di baris 4", "3 baris data, 1 baris jumlah", "100,00% cocok", "dari judul");
        assertThat(browser.text("draft-target")).contains("realisasi_opd");
        assertThat(browser.text("draft-col-2")).contains("anggaran");
        assertThat(browser.text("draft-yaml")).contains("check: {anggaran: sum, realisasi_keuangan_rp: sum}");
        assertThat(browser.text("draft-missing")).isEmpty();

        // a column the user sets aside leaves the draft without its total check
        choose("draft-col-2", "tidak dipakai");
        assertThat(browser.text("draft-yaml")).contains("columns: {1: opd, 3: realisasi_keuangan_rp, 4:");

        choose("draft-col-2", "anggaran");
        click("draft-try", "baris dibaca");
        assertThat(browser.text("import-summary")).contains("3 baris dibaca, tidak ada masalah");
        assertThat(browser.gridRows("import-checks"))
                .allSatisfy(r -> assertThat(r).contains("sesuai"));
        browser.screenshot("import-draft");
    }

    @Test
    void the_reload_button_reads_the_specs_again_and_says_how_many() {
        browser.open(baseUrl() + "/impor", "import-reload");
        assertThat(browser.driver().findElements(By.cssSelector("#import-broken .sorot-broken-spec")))
                .isEmpty();
        browser.driver().findElement(By.id("import-reload")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> {
            String s = browser.text("import-reloaded");
            return s != null && !s.isBlank();
        });
        assertThat(browser.text("import-reloaded")).isEqualTo("18 job terbaca, 0 spec rusak.");
    }
}
