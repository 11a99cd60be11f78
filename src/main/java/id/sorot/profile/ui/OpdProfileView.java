package id.sorot.profile.ui;

import static id.sorot.chart.Charts.area;
import static id.sorot.chart.Charts.map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import id.sorot.base.SorotProperties;
import id.sorot.base.ui.Badge;
import id.sorot.base.ui.DataGrid;
import id.sorot.base.ui.DataGrid.Kind;
import id.sorot.base.ui.Formats;
import id.sorot.base.ui.Panel;
import id.sorot.base.ui.PublicPortal;
import id.sorot.base.ui.Texts;
import id.sorot.base.ui.Tile;
import id.sorot.base.ui.UrlState;
import id.sorot.chart.EChart;
import id.sorot.chart.Palette;
import id.sorot.chart.TriwulanChart;
import id.sorot.dashboard.Dashboard;
import id.sorot.ikm.IkmService;
import id.sorot.pohon.PohonKinerjaService;
import id.sorot.profile.ProfileService;
import id.sorot.profile.ProfileService.Profile;
import id.sorot.realisasi.RealisasiService;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One OPD on one page, for the Bagian Organisasi asking why: nilai and predikat history, AKIP
 * components, IKU capaian, realisasi with deviasi, the IKM of its units, and every reported figure
 * that disagrees with the rule. {@code /opd/<kode>?tahun=2024}.
 */
@PermitAll
@Route("opd/:kode")
class OpdProfileView extends Dashboard {

    private final ProfileService profiles;
    private final RealisasiService realisasi;
    private final PohonKinerjaService pohon;
    private final Select<Integer> year = new Select<>();
    private String kode;

    OpdProfileView(
            ProfileService profiles,
            RealisasiService realisasi,
            PohonKinerjaService pohon,
            SorotProperties properties) {
        super("opd-profile", properties.pemda());
        this.profiles = profiles;
        this.realisasi = realisasi;
        this.pohon = pohon;
        filter(year, "profile-year", "filter.year", v -> getUI().ifPresent(
                        ui -> ui.navigate("opd/" + kode, UrlState.of("tahun", v, "pemda", pemdaParam()))));
        controls(year);
    }

    @Override
    protected void show(QueryParameters params, BeforeEnterEvent event) {
        kode = event.getRouteParameters().get("kode").orElse("");
        Integer wanted = UrlState.integer(params, "tahun")
                .filter(y -> y > 1990 && y < 2200)
                .orElse(null);
        Optional<Profile> found = profiles.profile(pemda(), kode, wanted);
        if (found.isEmpty()) {
            heading(getTranslation("profile.unknown", kode), "");
            return;
        }
        Profile p = found.get();
        int tahun = p.tahun();
        List<Integer> choices = new ArrayList<>(p.akip().stream()
                .map(ProfileService.AkipYear::tahun)
                .sorted(java.util.Comparator.reverseOrder())
                .toList());
        if (!choices.contains(tahun)) choices.addFirst(tahun);
        year.setItems(choices);
        year.setValue(tahun);
        about(p.pemda().nama(), tahun);
        heading(
                p.opd().nama() + " (" + p.opd().singkatan() + ")",
                getTranslation(
                        "profile.subtitle",
                        p.pemda().nama(),
                        getTranslation("jenis." + p.opd().jenis()),
                        p.opd().kode(),
                        String.valueOf(tahun)));
        String context = p.opd().singkatan() + ", " + p.pemda().nama() + ", " + tahun;
        controls(year, treeLink(p));

        content(tiles(p));
        content(
                columns(akipPanel(p, context), komponenPanel(p, context)),
                columns(realisasiPanel(p, context), ikuPanel(p, context)),
                columns(ikmPanel(p, context), disagreementPanel(p, context)));
    }

    /**
     * One click to the OPD's pohon kinerja, where it has one and the reader may open it, saying the
     * cascade's health in its latest year.
     */
    private Component treeLink(Profile p) {
        Optional<PohonKinerjaService.TreeOpd> tree = PublicPortal.reaches("pohon-kinerja")
                ? pohon.opds(pemda()).stream()
                        .filter(o -> o.kode().equals(p.opd().kode()))
                        .findFirst()
                : Optional.empty();
        if (tree.isEmpty()) return new Span();
        int latest = tree.get().years().getFirst();
        String score = pohon.healthAcross(pemda(), latest).stream()
                .filter(h -> h.kode().equals(p.opd().kode()) && h.score() != null)
                .map(h -> Formats.decimal(h.score()))
                .findFirst()
                .orElse("–");
        Anchor link = new Anchor(
                "pohon-kinerja?"
                        + UrlState.of("opd", p.opd().singkatan(), "tahun", latest, "pemda", pemdaParam())
                                .getQueryString(),
                getTranslation("profile.pohon", String.valueOf(latest), score));
        link.setId("profile-pohon-link");
        link.getElement().setAttribute("router-link", true);
        return link;
    }

    private Div tiles(Profile p) {
        Optional<ProfileService.AkipYear> a = p.akipOf(p.tahun());
        Optional<RealisasiService.Line> r = p.realisasi();
        long tercapai = p.iku().stream()
                .filter(i -> i.capaian() != null && i.capaian() >= 100)
                .count();
        Double ikmMean = p.ikm().stream()
                .map(IkmService.Unit::nilai)
                .filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .average()
                .stream()
                .boxed()
                .findFirst()
                .orElse(null);
        return Tile.row(
                Tile.of(
                        "profile-tile-akip",
                        getTranslation("profile.tile.akip", String.valueOf(p.tahun())),
                        a.map(x -> Formats.decimal(x.nilai()) + " " + x.predikat())
                                .orElse("–"),
                        a.map(x -> getTranslation(
                                        "profile.tile.akip.detail",
                                        x.rank(),
                                        x.evaluated(),
                                        Formats.signed(x.change())))
                                .orElse(getTranslation("profile.none"))),
                Tile.of(
                        "profile-tile-keuangan",
                        getTranslation("profile.tile.keuangan"),
                        r.map(x -> Formats.percent(x.realisasiKeuangan())).orElse("–"),
                        r.map(x -> getTranslation(
                                        "profile.tile.deviasi",
                                        Formats.signed(x.deviasiKeuangan()),
                                        Formats.signed(x.deviasiFisik())))
                                .orElse(getTranslation("profile.none"))),
                Tile.of(
                        "profile-tile-iku",
                        getTranslation("profile.tile.iku"),
                        p.iku().isEmpty() ? "–" : tercapai + " / " + p.iku().size(),
                        p.iku().isEmpty() ? getTranslation("profile.none") : getTranslation("profile.tile.iku.detail")),
                Tile.of(
                        "profile-tile-ikm",
                        getTranslation("profile.tile.ikm"),
                        Formats.decimal(ikmMean),
                        p.ikm().isEmpty()
                                ? getTranslation("profile.none")
                                : getTranslation(
                                        "profile.tile.ikm.detail", p.ikm().size())),
                Tile.of(
                        "profile-tile-disagree",
                        getTranslation("profile.tile.disagree"),
                        Formats.integer(p.disagreements().size()),
                        getTranslation("profile.tile.disagree.detail")));
    }

    private Panel akipPanel(Profile p, String context) {
        Panel panel = new Panel("profile-akip-panel")
                .heading(
                        getTranslation("profile.akip.title"),
                        p.opd().singkatan() + ", " + p.pemda().nama())
                .source(getTranslation("akip.source"));
        if (p.akip().isEmpty()) return panel.content(none("profile-akip-none"));
        List<Object> data = new ArrayList<>();
        for (ProfileService.AkipYear y : p.akip()) {
            data.add(map(
                    "value",
                    y.nilai(),
                    "itemStyle",
                    map(
                            "color",
                            Palette.PREDIKAT.getOrDefault(y.predikat(), "#999"),
                            "opacity",
                            y.tahun() == p.tahun() ? 1 : 0.75),
                    "label",
                    map(
                            "show",
                            true,
                            "position",
                            "top",
                            "formatter",
                            Formats.decimal(y.nilai()) + "\n" + y.predikat())));
        }
        EChart chart = new EChart();
        chart.setId("profile-akip-chart");
        chart.setHeight("260px");
        chart.setOption(map(
                "tooltip", map("trigger", "axis"),
                "grid", area(30, 20, 20, 10),
                "xAxis",
                        map(
                                "type",
                                "category",
                                "data",
                                p.akip().stream()
                                        .map(y -> String.valueOf(y.tahun()))
                                        .toList()),
                "yAxis", map("type", "value", "min", 0, "max", 100),
                "series", List.of(map("type", "bar", "name", getTranslation("akip.col.nilai"), "data", data)),
                "sorot", map("decimals", 2)));
        DataGrid<ProfileService.AkipYear> grid = new DataGrid<>("profile-akip-grid");
        grid.column("tahun", getTranslation("filter.year"), Kind.TEXT, y -> String.valueOf(y.tahun()));
        grid.column("nilai", getTranslation("akip.col.nilai"), Kind.DECIMAL, ProfileService.AkipYear::nilai);
        grid.column(
                        "predikat",
                        getTranslation("akip.col.predikat"),
                        Kind.TEXT,
                        ProfileService.AkipYear::predikat,
                        y -> Badge.predikat(y.predikat()))
                .setFlexGrow(0);
        grid.column(
                "predikat_dilaporkan",
                getTranslation("profile.col.reported"),
                Kind.TEXT,
                ProfileService.AkipYear::predikatDilaporkan);
        grid.column("peringkat", getTranslation("akip.col.rank"), Kind.TEXT, y -> y.rank() + " / " + y.evaluated());
        grid.column(
                "perubahan",
                getTranslation("akip.col.change"),
                Kind.SIGNED,
                ProfileService.AkipYear::change,
                y -> Badge.change(y.change()));
        grid.setRows(p.akip());
        return panel.content(new Div(chart, grid));
    }

    private Panel komponenPanel(Profile p, String context) {
        Panel panel = new Panel("profile-komponen-panel")
                .heading(getTranslation("profile.komponen.title"), context)
                .source(getTranslation("profile.komponen.source"));
        if (p.komponen().isEmpty()) return panel.content(none("profile-komponen-none"));
        EChart chart = new EChart();
        chart.setId("profile-komponen-chart");
        chart.setHeight("240px");
        List<String> names =
                p.komponen().stream().map(ProfileService.Komponen::label).toList();
        chart.setOption(map(
                "tooltip", map("trigger", "axis", "axisPointer", map("type", "shadow")),
                "legend", map("top", 0),
                "grid", area(30, 40, 20, 10),
                "xAxis", map("type", "value", "min", 0),
                "yAxis",
                        map(
                                "type",
                                "category",
                                "data",
                                names,
                                "inverse",
                                true,
                                "axisLabel",
                                map("width", 200, "overflow", "break")),
                "series",
                        List.of(
                                map(
                                        "type", "bar",
                                        "name", getTranslation("profile.komponen.bobot"),
                                        "barGap", "-100%",
                                        "data",
                                                p.komponen().stream()
                                                        .map(ProfileService.Komponen::bobot)
                                                        .toList(),
                                        "itemStyle", map("color", "#d9d9d9")),
                                map(
                                        "type", "bar",
                                        "name", getTranslation("akip.col.nilai"),
                                        "data",
                                                p.komponen().stream()
                                                        .map(ProfileService.Komponen::nilai)
                                                        .toList(),
                                        "itemStyle", map("color", "#0072b2"),
                                        "label", map("show", true, "position", "right"))),
                "sorot", map("decimals", 2)));
        DataGrid<ProfileService.Komponen> grid = new DataGrid<>("profile-komponen-grid");
        grid.column("komponen", getTranslation("profile.col.komponen"), Kind.TEXT, ProfileService.Komponen::label)
                .setFlexGrow(1);
        grid.column("nilai", getTranslation("akip.col.nilai"), Kind.DECIMAL, ProfileService.Komponen::nilai);
        grid.column("bobot", getTranslation("profile.komponen.bobot"), Kind.DECIMAL, ProfileService.Komponen::bobot);
        grid.column("persen", getTranslation("profile.col.ofBobot"), Kind.PERCENT, ProfileService.Komponen::persen);
        grid.setRows(p.komponen());
        return panel.content(new Div(chart, grid));
    }

    private Panel ikuPanel(Profile p, String context) {
        Panel panel = new Panel("profile-iku-panel")
                .heading(getTranslation("profile.iku.title"), context)
                .source(getTranslation("profile.iku.source"));
        if (p.iku().isEmpty()) return panel.content(none("profile-iku-none"));
        DataGrid<ProfileService.Iku> grid = new DataGrid<>("profile-iku-grid");
        grid.column("indikator", getTranslation("profile.col.indikator"), Kind.TEXT, ProfileService.Iku::indikator)
                .setFlexGrow(1)
                .setTooltipGenerator(ProfileService.Iku::indikator);
        grid.column(
                "target",
                getTranslation("profile.col.target"),
                Kind.TEXT,
                i -> quantity(i, i.target(), i.targetTeks()));
        grid.column(
                "realisasi",
                getTranslation("profile.col.realisasi"),
                Kind.TEXT,
                i -> quantity(i, i.realisasi(), i.realisasiTeks()));
        grid.column("capaian", getTranslation("profile.col.capaian"), Kind.PERCENT, ProfileService.Iku::capaian);
        grid.column(
                "capaian_dilaporkan",
                getTranslation("profile.col.reported"),
                Kind.PERCENT,
                ProfileService.Iku::capaianDilaporkan);
        grid.column(
                        "rating",
                        getTranslation("profile.col.rating"),
                        Kind.TEXT,
                        ProfileService.Iku::rating,
                        i -> Badge.predikat(i.rating()))
                .setFlexGrow(0);
        grid.setRows(p.iku());
        return panel.content(grid);
    }

    private Panel realisasiPanel(Profile p, String context) {
        Panel panel = new Panel("profile-realisasi-panel")
                .heading(getTranslation("profile.realisasi.title"), context)
                .source(getTranslation("deviasi.source"));
        if (p.realisasi().isEmpty()) return panel.content(none("profile-realisasi-none"));
        RealisasiService.Line l = p.realisasi().get();
        RealisasiService.Thresholds t = realisasi.thresholds(pemda());
        record Figure(String name, Double rencana, Double realisasi, Double deviasi) {}
        List<Figure> figures = List.of(
                new Figure(
                        getTranslation("deviasi.keuangan"),
                        l.rencanaKeuangan(),
                        l.realisasiKeuangan(),
                        l.deviasiKeuangan()),
                new Figure(getTranslation("deviasi.fisik"), l.rencanaFisik(), l.realisasiFisik(), l.deviasiFisik()));
        DataGrid<Figure> grid = new DataGrid<>("profile-realisasi-grid");
        grid.column("ukuran", "", Kind.TEXT, Figure::name).setFlexGrow(1);
        grid.column("rencana", getTranslation("deviasi.col.rencana"), Kind.PERCENT, Figure::rencana);
        grid.column("realisasi", getTranslation("deviasi.col.realisasi"), Kind.PERCENT, Figure::realisasi);
        grid.column(
                "deviasi",
                getTranslation("deviasi.col.deviasi"),
                Kind.SIGNED,
                Figure::deviasi,
                f -> status(f.deviasi(), t));
        grid.setRows(figures);
        Span money = new Span(getTranslation(
                "profile.realisasi.money", Formats.rupiah(l.anggaran()), Formats.rupiah(l.realisasiRp())));
        money.setId("profile-realisasi-money");
        Div body = new Div(money, grid);
        if (!p.programs().isEmpty()) {
            DataGrid<ProfileService.Program> programs = new DataGrid<>("profile-program-grid");
            programs.column("kode", getTranslation("profile.col.kode"), Kind.TEXT, ProfileService.Program::kode);
            programs.column("program", getTranslation("profile.col.program"), Kind.TEXT, ProfileService.Program::nama)
                    .setFlexGrow(1)
                    .setTooltipGenerator(ProfileService.Program::nama);
            programs.column("pagu", getTranslation("profile.col.pagu"), Kind.RUPIAH, ProfileService.Program::pagu);
            programs.column(
                    "realisasi",
                    getTranslation("profile.col.realisasiRp"),
                    Kind.RUPIAH,
                    ProfileService.Program::realisasi);
            programs.column(
                    "persen", getTranslation("profile.col.persen"), Kind.PERCENT, ProfileService.Program::persen);
            programs.setRows(p.programs());
            body.add(programs);
        }
        p.triwulan().ifPresent(c -> {
            EChart curve = new EChart();
            curve.setId("profile-triwulan-chart");
            curve.setHeight("240px");
            curve.setOption(TriwulanChart.option(curves(c), this::getTranslation));
            body.add(curve);
        });
        return panel.content(body);
    }

    private Component status(Double deviasi, RealisasiService.Thresholds t) {
        Span s = new Span(Formats.signed(deviasi));
        RealisasiService.Status st = t.status(deviasi);
        if (st != null) {
            s.addClassNames("sorot-status", "s-" + st.name().toLowerCase(java.util.Locale.ROOT));
            s.getElement()
                    .setAttribute(
                            "title",
                            getTranslation("deviasi.status." + st.name().toLowerCase(java.util.Locale.ROOT)));
        }
        return s;
    }

    private Panel ikmPanel(Profile p, String context) {
        Panel panel = new Panel("profile-ikm-panel")
                .heading(getTranslation("profile.ikm.title"), context)
                .source(getTranslation("ikm.source"));
        if (p.ikm().isEmpty()) return panel.content(none("profile-ikm-none"));
        DataGrid<IkmService.Unit> grid = new DataGrid<>("profile-ikm-grid");
        grid.column("unit", getTranslation("ikm.col.unit"), Kind.TEXT, IkmService.Unit::unit)
                .setFlexGrow(1);
        grid.column("jenis", getTranslation("ikm.col.jenis"), Kind.TEXT, u -> getTranslation("jenis." + u.jenisUnit()));
        grid.column("nilai", getTranslation("ikm.col.nilai"), Kind.DECIMAL, IkmService.Unit::nilai);
        grid.column("mutu", getTranslation("ikm.col.mutu"), Kind.TEXT, IkmService.Unit::mutu, u -> Badge.mutu(u.mutu()))
                .setFlexGrow(0);
        grid.column(
                "mutu_dilaporkan",
                getTranslation("ikm.col.reported"),
                Kind.TEXT,
                u -> u.mutuLabelDilaporkan() == null ? u.mutuDilaporkan() : u.mutuLabelDilaporkan());
        grid.setRows(p.ikm());
        return panel.content(grid);
    }

    private Panel disagreementPanel(Profile p, String context) {
        Panel panel = new Panel("profile-disagree-panel")
                .heading(getTranslation("profile.disagree.title"), context)
                .source(getTranslation("profile.disagree.source"));
        if (p.disagreements().isEmpty()) return panel.content(none("profile-disagree-none"));
        DataGrid<ProfileService.Disagreement> grid = new DataGrid<>("profile-disagree-grid");
        grid.column(
                "sumber",
                getTranslation("profile.col.source"),
                Kind.TEXT,
                d -> Texts.label(this, "source." + d.source(), d.source()));
        grid.column(
                        "perihal",
                        getTranslation("profile.col.subject"),
                        Kind.TEXT,
                        d -> d.subject()
                                + (d.line() == null ? "" : " (" + getTranslation("profile.line", d.line()) + ")"))
                .setFlexGrow(1)
                .setTooltipGenerator(ProfileService.Disagreement::subject);
        grid.column(
                "ukuran",
                getTranslation("profile.col.measure"),
                Kind.TEXT,
                d -> Texts.label(this, "measure." + d.measure(), d.measure()));
        grid.column("dilaporkan", getTranslation("profile.col.reported"), Kind.TEXT, d -> show(d.reported()));
        grid.column("dihitung", getTranslation("profile.col.computed"), Kind.TEXT, d -> show(d.computed()));
        grid.setRows(p.disagreements());
        return panel.content(grid);
    }

    /** A target or realisasi in Indonesian numbers, or as printed when it is qualitative (A (82,04)). */
    private static String quantity(ProfileService.Iku i, Double number, String printed) {
        if (number == null || "qualitative".equals(i.arah())) return printed == null ? "–" : printed;
        String unit = i.satuan() == null ? "" : i.satuan().equals("%") ? "%" : " " + i.satuan();
        return (number == Math.rint(number) ? Formats.integer(number) : Formats.decimal(number)) + unit;
    }

    private static String show(Object v) {
        if (v instanceof Double d) return Math.abs(d) >= 1e6 ? Formats.integer(d) : Formats.decimal(d);
        return v == null ? "–" : v.toString();
    }

    private Span none(String id) {
        Span s = new Span(getTranslation("profile.none.year"));
        s.setId(id);
        s.addClassName("sorot-none");
        return s;
    }

    private static TriwulanChart.Curves curves(RealisasiService.Curve c) {
        return new TriwulanChart.Curves(
                c.triwulan(), c.targetKeuangan(), c.realisasiKeuangan(), c.targetFisik(), c.realisasiFisik());
    }
}
