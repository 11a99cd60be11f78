package id.sorot.pohon.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.sorot.Browser;
import id.sorot.SorotTest;
import id.sorot.access.Role;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.interactions.Actions;

/**
 * The Dinas Sosial tree (87 nodes, 6 levels) on a 1366x768 laptop: drawn to the level asked,
 * a real click on a node opens it and shows its panel, a second click folds it, and the table and
 * the health list hold every node. Counts from the tree's README.
 */
class PohonKinerjaViewTest extends SorotTest {

    private static Browser browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = new Browser(1366, 768);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
    }

    @BeforeEach
    void signIn() {
        browser.signInAs(user(Role.PIMPINAN), PASSWORD);
    }

    private String url(String query) {
        return "http://127.0.0.1:" + port + "/pohon-kinerja?" + query;
    }

    /** ECharts keeps a root of its own above the first data item: depth 0, never drawn. */
    private static String isOpen(String kode) {
        return "(() => { let open = null; document.getElementById('pohon-chart').chart.getModel()"
                + ".getSeriesByIndex(0).getData().tree.eachNode(n => { if (n.name === '" + kode
                + "') open = n.isExpand; });"
                + " return open; })()";
    }

    /** Nodes the tree draws now: those whose ancestors are all open. */
    private long visibleNodes() {
        return ((Number) browser.js("const c = document.getElementById('pohon-chart').chart;"
                        + " const t = c.getModel().getSeriesByIndex(0).getData().tree; let v = 0;"
                        + " t.eachNode(n => { let p = n.parentNode, ok = true;"
                        + " while (p) { if (!p.isExpand) ok = false; p = p.parentNode; } if (ok && n.depth > 0) v++; });"
                        + " return v;"))
                .longValue();
    }

    /** Clicks the node {@code kode} where the chart draws it, as a person would with the mouse. */
    private void clickNode(String kode) {
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) browser.js(
                "const el = document.getElementById('pohon-chart'); const c = el.chart;"
                        + " const d = c.getModel().getSeriesByIndex(0).getData();"
                        + " let idx = -1; d.tree.eachNode(n => { if (n.name === arguments[0]) idx = n.dataIndex; });"
                        // where the node's symbol is drawn, after the tree's own layout transform
                        + " const m = d.getItemGraphicEl(idx).getComputedTransform(); const l = {x: m[4], y: m[5]};"
                        + " const scroller = document.getElementById('pohon-chart-scroll');"
                        + " scroller.scrollLeft = Math.max(0, l.x - scroller.clientWidth / 2);"
                        + " el.scrollIntoView({block: 'start'});"
                        + " const r = el.getBoundingClientRect(); return [r.left + l.x, r.top + l.y];",
                kode);
        new Actions(browser.driver())
                .moveToLocation(at.get(0).intValue(), at.get(1).intValue())
                .click()
                .perform();
        browser.settle();
    }

    @Test
    void the_dinsos_tree_opens_and_folds_a_node_on_a_click_and_shows_its_panel() throws Exception {
        browser.open(url("opd=DINSOS&tahun=2025&tingkat=2"), "pohon-chart");
        assertThat(browser.text("pohon-kinerja"))
                .contains("Kota Bekasi, tahun 2025: 87 simpul, 77 indikator, 6 tingkat");
        // the top node and its 7 sasaran (2 of the Kepala Dinas, 5 of the Sekretaris)
        assertThat(visibleNodes()).isEqualTo(8);
        assertThat(browser.text("pohon-key")).contains("tanpa data capaian", "AA");

        clickNode("1.1");
        browser.waitUntil("document.getElementById('pohon-node-panel').innerText.includes('1.1 · KEPALA DINAS')");
        // sasaran 1 opens onto its three Kabid (Rehabilitasi, Perlindungan dan Jaminan, Penanggulangan)
        browser.waitUntil(isOpen("1.1"));
        assertThat(visibleNodes()).isEqualTo(11);
        // the chart grew by a level, so the Kabid boxes are not cut off at its bottom
        assertThat(((Number) browser.js("return document.getElementById('pohon-chart').clientHeight")).intValue())
                .isEqualTo(40 + 3 * PohonCharts.ROW);
        assertThat(browser.text("pohon-node-facts"))
                .contains("Sasaran perangkat daerah", "(sasaran tidak tertulis di sumber)", "1 · KEPALA DINAS");
        assertThat(browser.gridRows("pohon-node-grid"))
                .containsExactly(List.of(
                        "1",
                        "Persentase PPKS binaan yang mandiri",
                        "tanpa target",
                        "–",
                        "tidak tersedia",
                        "tidak ada IKU bernama ini"));
        assertThat(browser.url()).contains("node=1.1");
        browser.screenshot("pohon-dinsos-2025-1366");

        clickNode("1.1");
        browser.waitUntil("!" + isOpen("1.1"));
        assertThat(visibleNodes()).isEqualTo(8);
    }

    @Test
    void the_whole_tree_the_table_and_the_health_list_hold_every_node() throws Exception {
        browser.open(url("opd=DINSOS&tahun=2025&tingkat=6"), "pohon-chart");
        assertThat(visibleNodes()).isEqualTo(87);
        // 17 nodes without an indicator and 77 indicators without a target, of 87 + 77 checks
        assertThat(browser.text("pohon-tile-health")).contains("42,68", "94 masalah dari 164 pemeriksaan");
        assertThat(browser.js("return document.getElementById('pohon-table').size"))
                .isEqualTo(94L);
        assertThat(browser.js("return document.getElementById('pohon-health').size"))
                .isEqualTo(94L);
        assertThat(browser.gridRows("pohon-table").getFirst())
                .containsExactly(
                        "1",
                        "Tujuan perangkat daerah",
                        "KEPALA DINAS SOSIAL KOTA BEKASI",
                        "Terwujudnya Keberfungsian Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) dan Potensi Sumber"
                                + " Kesejahteraan Sosial (PSKS)",
                        "Persentase PPKS yang mendapatkan pelayanan kesejahteraan sosial",
                        "–");
        assertThat(browser.text("pohon-health-panel"))
                .contains("simpul tanpa indikator: 17", "indikator tanpa target: 77");
        browser.screenshot("pohon-dinsos-2025-top");
        browser.js("document.getElementById('pohon-chart').scrollIntoView({block: 'start'})");
        browser.screenshot("pohon-dinsos-2025-all");
    }

    @Test
    void a_node_in_the_url_is_drawn_open_down_to_it_and_setwan_shows_its_targets() throws Exception {
        browser.open(url("opd=SETWAN&tahun=2025&tingkat=1&node=1.2"), "pohon-node-grid");
        // the top node open, so its two sasaran show; 1.2 is the focus, its Kabag below it
        assertThat(visibleNodes()).isEqualTo(1 + 2 + 2);
        assertThat(browser.gridRows("pohon-node-grid"))
                .containsExactly(List.of(
                        "1",
                        "Nilai AKIP Perangkat Daerah",
                        "77,8",
                        "angka",
                        "tidak tersedia",
                        "tidak ada IKU bernama ini"));
        assertThat(browser.text("pohon-tile-indicators")).contains("187", "4 dengan target");
    }

    @Test
    void the_opd_profile_is_one_click_from_its_tree_and_an_opd_without_one_has_no_link() throws Exception {
        browser.open("http://127.0.0.1:" + port + "/opd/1.06.01", "profile-akip-grid");
        assertThat(browser.text("profile-pohon-link")).isEqualTo("Pohon kinerja 2025 (kesehatan cascading 42,68)");
        browser.js("document.getElementById('profile-pohon-link').click()");
        browser.waitUntil("document.getElementById('pohon-chart')");
        assertThat(browser.url()).contains("/pohon-kinerja?opd=DINSOS");
        assertThat(browser.text("pohon-kinerja")).contains("Pohon kinerja Dinas Sosial");

        browser.open("http://127.0.0.1:" + port + "/opd/1.04.02", "profile-akip-grid");
        assertThat(browser.js("return !!document.getElementById('profile-pohon-link')"))
                .isEqualTo(false);
    }

    /**
     * Setda 2024: the Renstra matrix (Tabel 2.1) is its tree and Tabel 3.1 its IKU capaian, so the
     * boxes take the band of the capaian: every sasaran is above 91, AA under the LKIP's own bands.
     */
    @Test
    void the_setda_tree_is_coloured_by_the_capaian_of_its_iku() throws Exception {
        browser.open(url("opd=SETDA&tahun=2024&node=1.3"), "pohon-node-grid");
        assertThat(browser.chart("pohon-chart", "o.series[0].data[0].children.map(c => c.label.borderColor).join()"))
                .isEqualTo(String.join(
                        ",",
                        PohonCharts.BAND_COLOURS.getFirst(),
                        PohonCharts.BAND_COLOURS.getFirst(),
                        PohonCharts.BAND_COLOURS.getFirst()));
        // the tujuan's indicator has no IKU row: grey, and the key says what grey means
        assertThat(browser.chart("pohon-chart", "o.series[0].data[0].label.borderColor"))
                .isEqualTo(PohonCharts.NO_DATA);
        assertThat(browser.chart("pohon-chart", "o.series[0].data[0].children[0].label.formatter"))
                .asString()
                // 49,59 / 40 = 123,975: the LKIP prints 123,97, cut rather than rounded
                .contains("capaian AA (123,98)");
        // 1.3: AKIP by the same name, IKM by a similar one (Tabel 3.1 says "Nilai IKM SETDA"), SAKIP
        assertThat(browser.gridRows("pohon-node-grid"))
                .containsExactly(
                        List.of("1", "Nilai IKM", "83", "angka", "106,18", "Nilai IKM SETDA (nama mirip)"),
                        List.of(
                                "2",
                                "Persentase OPD yang menerapkan SAKIP Berkualitas",
                                "22,73%",
                                "angka",
                                // 29,55 / 22,73 = 130,00; the LKIP prints 129,98
                                "130,00",
                                "Persentase OPD yang menerapkan SAKIP berkualitas"),
                        List.of("3", "Nilai AKIP Setda", "A (82,04)", "predikat", "100,00", "Nilai AKIP SETDA"));
        browser.screenshot("pohon-setda-2024-1366");
    }

    /** PNG and SVG hold the whole tree, every node open, whatever the screen shows. */
    @Test
    void the_exported_picture_is_the_whole_tree_not_what_is_open() throws Exception {
        browser.open(url("opd=DINSOS&tahun=2025&tingkat=2"), "pohon-chart");
        assertThat(visibleNodes()).isEqualTo(8);
        String svg = (String) browser.js("return document.getElementById('pohon-chart').image('svg')");
        // each box ends in its capaian band: 87 boxes, none of them with capaian data
        assertThat(svg.split("tanpa data capaian", -1).length - 1).isEqualTo(87);
        // a level-6 box, four levels below what the screen shows
        assertThat(svg).contains("1.1.1.1 JF Pekerja", "1.1.2.3.1.1 Penjaga");
        @SuppressWarnings("unchecked")
        List<Number> png = (List<Number>) browser.js("const url = await document.getElementById('pohon-chart')"
                + ".image('png', null, 2); const img = new Image();"
                + " await new Promise(r => { img.onload = r; img.src = url; }); return [img.width, img.height];");
        // wider than any screen, within what a canvas may draw
        assertThat(png.get(0).intValue()).isBetween(4000, 16384);
        assertThat(png.get(1).intValue()).isGreaterThan(6 * PohonCharts.ROW);
        // kept to look at: the framed PNG a user downloads
        String framed = (String) browser.js("return document.getElementById('pohon-chart').image('png',"
                + " {title: 'Pohon kinerja DINSOS, 2025', subtitle: 'DINSOS, Kota Bekasi, 2025', source: 'Sumber',"
                + " stamp: ''}, 2)");
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.write(
                java.nio.file.Path.of("target", "screenshots", "pohon-dinsos-2025-export.png"),
                java.util.Base64.getDecoder().decode(framed.substring(framed.indexOf(',') + 1)));
    }
}
