-- Sorot's star schema in DuckDB. Dimensions first, then facts; every fact row carries the
-- batch that loaded it. Derived figures keep the value the source reported beside the value
-- the rule computes (column suffix _computed), with the rule version that computed it.
-- Statements are idempotent: the store applies this file on every start.

CREATE SEQUENCE IF NOT EXISTS seq_batch START 1;
CREATE SEQUENCE IF NOT EXISTS seq_pemda START 1;
CREATE SEQUENCE IF NOT EXISTS seq_opd START 1;
CREATE SEQUENCE IF NOT EXISTS seq_unit START 1;
CREATE SEQUENCE IF NOT EXISTS seq_item START 1;
CREATE SEQUENCE IF NOT EXISTS seq_indikator START 1;

-- pemda: a provinsi, kabupaten or kota (kode is the BPS/Kemendagri code, e.g. 3275)
CREATE TABLE IF NOT EXISTS pemda (
    pemda_id   INTEGER PRIMARY KEY,
    kode       VARCHAR NOT NULL,
    nama       VARCHAR NOT NULL,
    jenis      VARCHAR NOT NULL,
    provinsi   VARCHAR,
    band_predikat VARCHAR NOT NULL,
    band_mutu     VARCHAR NOT NULL,
    band_capaian  VARCHAR NOT NULL
);
-- a pemda's own early-warning thresholds for deviasi, in points (NULL: Sorot's defaults)
ALTER TABLE pemda ADD COLUMN IF NOT EXISTS deviasi_merah DOUBLE;
ALTER TABLE pemda ADD COLUMN IF NOT EXISTS deviasi_kuning DOUBLE;

-- opd: a perangkat daerah of a pemda; parent_opd_id links e.g. a UPTD to its dinas
CREATE TABLE IF NOT EXISTS opd (
    opd_id        INTEGER PRIMARY KEY,
    pemda_id      INTEGER NOT NULL,
    kode          VARCHAR NOT NULL,
    nama          VARCHAR NOT NULL,
    singkatan     VARCHAR NOT NULL,
    jenis         VARCHAR NOT NULL,
    parent_opd_id INTEGER
);

-- every spelling of an OPD or unit seen in a source, normalised (see OpdDirectory.key)
CREATE TABLE IF NOT EXISTS opd_alias (
    pemda_id  INTEGER NOT NULL,
    alias_key VARCHAR NOT NULL,
    alias     VARCHAR NOT NULL,
    opd_id    INTEGER,
    unit_id   INTEGER
);

-- unit layanan: a service unit measured by IKM (an OPD itself, a kecamatan, RSUD, puskesmas)
CREATE TABLE IF NOT EXISTS unit_layanan (
    unit_id   INTEGER PRIMARY KEY,
    pemda_id  INTEGER NOT NULL,
    opd_id    INTEGER NOT NULL,
    nama      VARCHAR NOT NULL,
    jenis     VARCHAR NOT NULL,
    is_opd    BOOLEAN NOT NULL
);

-- periode: periode_id = tahun * 10 + triwulan; triwulan 0 is the whole year
CREATE TABLE IF NOT EXISTS periode (
    periode_id INTEGER PRIMARY KEY,
    tahun      SMALLINT NOT NULL,
    triwulan   TINYINT NOT NULL,
    semester   TINYINT NOT NULL,
    label      VARCHAR NOT NULL
);

-- program / kegiatan / sub kegiatan of an OPD, by kode within the OPD
CREATE TABLE IF NOT EXISTS kegiatan (
    item_id        INTEGER PRIMARY KEY,
    pemda_id       INTEGER NOT NULL,
    opd_id         INTEGER NOT NULL,
    kode           VARCHAR NOT NULL,
    level          VARCHAR NOT NULL,
    nama           VARCHAR NOT NULL,
    parent_item_id INTEGER,
    program_kode   VARCHAR,
    kegiatan_kode  VARCHAR,
    urutan         INTEGER NOT NULL
);

-- indikator: an IKU or other performance indicator of an OPD
CREATE TABLE IF NOT EXISTS indikator (
    indikator_id INTEGER PRIMARY KEY,
    pemda_id     INTEGER NOT NULL,
    opd_id       INTEGER NOT NULL,
    nama         VARCHAR NOT NULL,
    sasaran      VARCHAR,
    satuan       VARCHAR,
    arah         VARCHAR NOT NULL
);

-- batch: one load of one file by one job; facts of a failed batch never reach the fact tables
CREATE TABLE IF NOT EXISTS batch (
    batch_id      BIGINT PRIMARY KEY,
    job           VARCHAR NOT NULL,
    target        VARCHAR NOT NULL,
    pemda_id      INTEGER,
    periods       VARCHAR,
    file_name     VARCHAR NOT NULL,
    file_size     BIGINT NOT NULL,
    sha256        VARCHAR NOT NULL,
    rows_read     BIGINT NOT NULL,
    rows_loaded   BIGINT NOT NULL,
    rows_rejected BIGINT NOT NULL,
    loaded_by     VARCHAR NOT NULL,
    started_at    TIMESTAMP NOT NULL,
    finished_at   TIMESTAMP,
    status        VARCHAR NOT NULL,
    message       VARCHAR,
    replaced      VARCHAR,
    -- the units amounts were read in, per field ("realisasi_keuangan_rp: miliar, triliun"); NULL: rupiah
    units         VARCHAR
);
-- stores made before amounts could carry units
ALTER TABLE batch ADD COLUMN IF NOT EXISTS units VARCHAR;

CREATE TABLE IF NOT EXISTS rejected_row (
    batch_id    BIGINT NOT NULL,
    file_name   VARCHAR NOT NULL,
    row_no      INTEGER,
    column_no   INTEGER,
    column_name VARCHAR,
    raw_value   VARCHAR,
    message     VARCHAR NOT NULL
);

-- a figure the source reports about a set of rows (a TOTAL, an average, a predikat) next to
-- what Sorot computes from the loaded rows
CREATE TABLE IF NOT EXISTS reported_check (
    batch_id       BIGINT NOT NULL,
    pemda_id       INTEGER NOT NULL,
    target         VARCHAR NOT NULL,
    periode_id     INTEGER,
    opd_id         INTEGER,
    subject        VARCHAR NOT NULL,
    measure        VARCHAR NOT NULL,
    reported_value DOUBLE,
    computed_value DOUBLE,
    reported_label VARCHAR,
    computed_label VARCHAR,
    agrees         BOOLEAN NOT NULL,
    rule           VARCHAR NOT NULL,
    row_no         INTEGER
);

CREATE TABLE IF NOT EXISTS fact_akip_opd (
    batch_id          BIGINT NOT NULL,
    pemda_id          INTEGER NOT NULL,
    opd_id            INTEGER NOT NULL,
    periode_id        INTEGER NOT NULL,
    nilai             DECIMAL(9,2),
    predikat          VARCHAR,
    predikat_computed VARCHAR,
    rule_version      VARCHAR NOT NULL,
    row_no            INTEGER
);

-- AKIP by component (Perencanaan 30, Pengukuran 30, Pelaporan 15, Evaluasi Internal 25)
CREATE TABLE IF NOT EXISTS fact_akip_komponen (
    batch_id       BIGINT NOT NULL,
    pemda_id       INTEGER NOT NULL,
    opd_id         INTEGER NOT NULL,
    periode_id     INTEGER NOT NULL,
    komponen       VARCHAR NOT NULL,
    komponen_label VARCHAR NOT NULL,
    urutan         INTEGER NOT NULL,
    bobot          DECIMAL(9,2),
    bobot_rule     DECIMAL(9,2),
    nilai          DECIMAL(9,2),
    row_no         INTEGER
);

-- the pemda's own AKIP (evaluated by KemenPANRB)
CREATE TABLE IF NOT EXISTS fact_akip_pemda (
    batch_id          BIGINT NOT NULL,
    pemda_id          INTEGER NOT NULL,
    periode_id        INTEGER NOT NULL,
    nilai             DECIMAL(9,2),
    predikat          VARCHAR,
    predikat_computed VARCHAR,
    rule_version      VARCHAR NOT NULL,
    row_no            INTEGER
);

-- IKM per service unit; mutu as reported (grade and words) and as the band set computes it
CREATE TABLE IF NOT EXISTS fact_ikm (
    batch_id         BIGINT NOT NULL,
    pemda_id         INTEGER NOT NULL,
    unit_id          INTEGER NOT NULL,
    opd_id           INTEGER NOT NULL,
    periode_id       INTEGER NOT NULL,
    nilai            DECIMAL(9,2),
    mutu             VARCHAR,
    mutu_label       VARCHAR,
    mutu_computed    VARCHAR,
    kinerja_computed VARCHAR,
    rule_version     VARCHAR NOT NULL,
    row_no           INTEGER
);

-- realisasi keuangan and fisik per OPD for a year (triwulan 0) or a triwulan
CREATE TABLE IF NOT EXISTS fact_realisasi_opd (
    batch_id                        BIGINT NOT NULL,
    pemda_id                        INTEGER NOT NULL,
    opd_id                          INTEGER NOT NULL,
    periode_id                      INTEGER NOT NULL,
    anggaran                        DECIMAL(18,2),
    rencana_keuangan_rp             DECIMAL(18,2),
    rencana_keuangan_pct            DECIMAL(9,2),
    realisasi_keuangan_rp           DECIMAL(18,2),
    realisasi_keuangan_pct          DECIMAL(9,2),
    realisasi_keuangan_pct_computed DOUBLE,
    rencana_fisik_pct               DECIMAL(9,2),
    realisasi_fisik_pct             DECIMAL(9,2),
    deviasi_keuangan                DECIMAL(9,2),
    deviasi_keuangan_computed       DOUBLE,
    deviasi_fisik                   DECIMAL(9,2),
    deviasi_fisik_computed          DOUBLE,
    row_no                          INTEGER,
    -- the snapshot: the date the figures are as of (a monthly or "per 30 November" release); a
    -- year's or triwulan's own report is as of its last day
    per_tanggal                     DATE
);
-- stores made before snapshots: their rows are as of the end of their year or triwulan
ALTER TABLE fact_realisasi_opd ADD COLUMN IF NOT EXISTS per_tanggal DATE;
UPDATE fact_realisasi_opd
SET per_tanggal = CASE WHEN periode_id % 10 = 0 THEN make_date(periode_id // 10, 12, 31)
                       ELSE last_day(make_date(periode_id // 10, (periode_id % 10) * 3, 1)) END
WHERE per_tanggal IS NULL;
-- the predikat an AKIP row counts with (computed from the nilai, else as reported when the source
-- gives no nilai) and its place in the band set from the worst (0) up, which ranks rows without nilai
ALTER TABLE fact_akip_opd ADD COLUMN IF NOT EXISTS predikat_efektif VARCHAR;
ALTER TABLE fact_akip_opd ADD COLUMN IF NOT EXISTS predikat_urut INTEGER;
ALTER TABLE fact_akip_pemda ADD COLUMN IF NOT EXISTS predikat_efektif VARCHAR;
ALTER TABLE fact_akip_pemda ADD COLUMN IF NOT EXISTS predikat_urut INTEGER;
-- stores made before: every row had a nilai, so it counts with the computed predikat
UPDATE fact_akip_opd SET predikat_efektif = predikat_computed,
    predikat_urut = 7 - list_position(['AA', 'A', 'BB', 'B', 'CC', 'C', 'D'], predikat_computed)
WHERE predikat_efektif IS NULL AND predikat_computed IS NOT NULL;
UPDATE fact_akip_pemda SET predikat_efektif = predikat_computed,
    predikat_urut = 7 - list_position(['AA', 'A', 'BB', 'B', 'CC', 'C', 'D'], predikat_computed)
WHERE predikat_efektif IS NULL AND predikat_computed IS NOT NULL;

-- anggaran (pagu murni and after the APBD-P) per program / kegiatan / sub kegiatan
CREATE TABLE IF NOT EXISTS fact_anggaran (
    batch_id         BIGINT NOT NULL,
    pemda_id         INTEGER NOT NULL,
    opd_id           INTEGER NOT NULL,
    item_id          INTEGER NOT NULL,
    periode_id       INTEGER NOT NULL,
    level            VARCHAR NOT NULL,
    pagu_murni       DECIMAL(18,2),
    pagu_perubahan   DECIMAL(18,2),
    selisih          DECIMAL(18,2),
    selisih_computed DECIMAL(18,2),
    row_no           INTEGER
);

-- realisasi anggaran after the APBD-P per program / kegiatan / sub kegiatan
CREATE TABLE IF NOT EXISTS fact_realisasi_anggaran (
    batch_id        BIGINT NOT NULL,
    pemda_id        INTEGER NOT NULL,
    opd_id          INTEGER NOT NULL,
    item_id         INTEGER NOT NULL,
    periode_id      INTEGER NOT NULL,
    level           VARCHAR NOT NULL,
    pagu_sebelum    DECIMAL(18,2),
    pagu_setelah    DECIMAL(18,2),
    realisasi       DECIMAL(18,2),
    persen          DECIMAL(9,2),
    persen_computed DOUBLE,
    row_no          INTEGER
);

-- plan and realisation per sub kegiatan per triwulan (keuangan as % of pagu spent in the quarter)
CREATE TABLE IF NOT EXISTS fact_realisasi_triwulan (
    batch_id               BIGINT NOT NULL,
    pemda_id               INTEGER NOT NULL,
    opd_id                 INTEGER NOT NULL,
    item_id                INTEGER NOT NULL,
    periode_id             INTEGER NOT NULL,
    pagu                   DECIMAL(18,2),
    indikator              VARCHAR,
    satuan                 VARCHAR,
    target_fisik           DOUBLE,
    realisasi_fisik        DOUBLE,
    target_keuangan_pct    DECIMAL(9,2),
    realisasi_keuangan_pct DECIMAL(9,2),
    row_no                 INTEGER
);

-- IKU / perjanjian kinerja: target, realisasi and capaian (reported and computed by direction)
CREATE TABLE IF NOT EXISTS fact_iku (
    batch_id          BIGINT NOT NULL,
    pemda_id          INTEGER NOT NULL,
    opd_id            INTEGER NOT NULL,
    indikator_id      INTEGER NOT NULL,
    periode_id        INTEGER NOT NULL,
    target_text       VARCHAR,
    target            DOUBLE,
    target_upper      DOUBLE,
    target_grade      VARCHAR,
    realisasi_text    VARCHAR,
    realisasi         DOUBLE,
    realisasi_grade   VARCHAR,
    satuan            VARCHAR,
    arah              VARCHAR NOT NULL,
    capaian           DECIMAL(9,2),
    capaian_computed  DOUBLE,
    rule_version      VARCHAR NOT NULL,
    row_no            INTEGER
);

-- pohon kinerja (issue 14): one row per indicator of a plan node, as outline tables list them; a
-- node without an indicator has one row with indikator_no 0. The node's parent is its kode minus
-- the last part; its level (tujuan_pd ... individu) comes from its jabatan (GUIDE.md, cascading).
CREATE TABLE IF NOT EXISTS fact_pohon_kinerja (
    batch_id          BIGINT NOT NULL,
    pemda_id          INTEGER NOT NULL,
    opd_id            INTEGER NOT NULL,
    periode_id        INTEGER NOT NULL,
    kode              VARCHAR NOT NULL,
    parent_kode       VARCHAR,
    depth             INTEGER NOT NULL,
    level             VARCHAR NOT NULL,
    node_no           INTEGER NOT NULL,
    jabatan           VARCHAR NOT NULL,
    sasaran           VARCHAR,
    indikator_no      INTEGER NOT NULL,
    indikator         VARCHAR,
    satuan            VARCHAR,
    target_text       VARCHAR,
    target_kind       VARCHAR,
    target            DOUBLE,
    target_upper      DOUBLE,
    target_grade      VARCHAR,
    formula           VARCHAR,
    sumber_data       VARCHAR,
    penanggung_jawab  VARCHAR,
    row_no            INTEGER
);

-- the nodes of each pohon kinerja, with how many indicators and targets each carries
CREATE OR REPLACE VIEW v_pohon_kinerja_node AS
SELECT pemda_id, opd_id, periode_id, kode, any_value(parent_kode) AS parent_kode, any_value(depth) AS depth,
       any_value(level) AS level, any_value(node_no) AS node_no, any_value(jabatan) AS jabatan,
       any_value(sasaran) AS sasaran, count(indikator) AS indikator_count, count(target_kind) AS target_count,
       min(row_no) AS row_no
FROM fact_pohon_kinerja
GROUP BY pemda_id, opd_id, periode_id, kode;

-- per IKU, the program that carries it and the kegiatan / sub kegiatan under it: pagu, realisasi,
-- serapan reported and computed; on the program row (head) the capaian and the tingkat efisiensi
-- (capaian - serapan) reported and computed (LKIP "alokasi dan realisasi anggaran ... efisiensi")
CREATE TABLE IF NOT EXISTS fact_efisiensi (
    batch_id            BIGINT NOT NULL,
    pemda_id            INTEGER NOT NULL,
    opd_id              INTEGER NOT NULL,
    periode_id          INTEGER NOT NULL,
    indikator           VARCHAR NOT NULL,
    program             VARCHAR NOT NULL,
    baris               INTEGER NOT NULL,
    head                BOOLEAN NOT NULL,
    nama                VARCHAR NOT NULL,
    pagu                DECIMAL(18,2),
    realisasi           DECIMAL(18,2),
    persen              DECIMAL(9,2),
    persen_computed     DOUBLE,
    capaian             DECIMAL(9,2),
    efisiensi           DECIMAL(9,2),
    efisiensi_computed  DOUBLE,
    row_no              INTEGER
);

-- kinerja per OPD and year: mean capaian of its IKU beside its serapan anggaran, for efisiensi
-- (capaian kinerja % - serapan anggaran %, as the LKIP seed computes it)
CREATE OR REPLACE VIEW v_kinerja_opd AS
SELECT r.pemda_id, r.opd_id, r.periode_id, r.anggaran, r.realisasi_keuangan_rp, i.capaian, i.jumlah_iku
FROM fact_realisasi_opd r
-- a year with several snapshots counts its latest
JOIN (SELECT pemda_id, periode_id, max(per_tanggal) AS per_tanggal FROM fact_realisasi_opd GROUP BY ALL) latest
       ON latest.pemda_id = r.pemda_id AND latest.periode_id = r.periode_id AND latest.per_tanggal = r.per_tanggal
LEFT JOIN (SELECT pemda_id, opd_id, periode_id, avg(capaian_computed) AS capaian, count(*) AS jumlah_iku
           FROM fact_iku GROUP BY pemda_id, opd_id, periode_id) i
       ON i.pemda_id = r.pemda_id AND i.opd_id = r.opd_id AND i.periode_id = r.periode_id
WHERE r.periode_id % 10 = 0;

-- who may do what (issue 15): users, the pemda they belong to, tokens, the audit log
CREATE SEQUENCE IF NOT EXISTS seq_user START 1;
CREATE SEQUENCE IF NOT EXISTS seq_token START 1;
CREATE SEQUENCE IF NOT EXISTS seq_audit START 1;

-- role: pimpinan | bagian_organisasi | inspektorat | operator_opd | admin; an operator's OPD by kode
CREATE TABLE IF NOT EXISTS app_user (
    user_id         INTEGER PRIMARY KEY,
    username        VARCHAR NOT NULL UNIQUE,
    full_name       VARCHAR,
    -- bcrypt; NULL for a user who signs in only through single sign-on
    password_hash   VARCHAR,
    role            VARCHAR NOT NULL,
    opd_kode        VARCHAR,
    opd_only        BOOLEAN NOT NULL,
    enabled         BOOLEAN NOT NULL,
    failed_signins  INTEGER NOT NULL,
    locked_until    TIMESTAMP,
    created_at      TIMESTAMP NOT NULL,
    source          VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS app_user_pemda (
    user_id    INTEGER NOT NULL,
    pemda_kode VARCHAR NOT NULL,
    PRIMARY KEY (user_id, pemda_kode)
);

-- personal access tokens: the SHA-256 of the secret only; hint is its first characters
CREATE TABLE IF NOT EXISTS api_token (
    token_id     INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL,
    name         VARCHAR NOT NULL,
    hash         VARCHAR NOT NULL UNIQUE,
    hint         VARCHAR NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL,
    revoked_at   TIMESTAMP,
    last_used_at TIMESTAMP
);

-- every write and sign-in; rows are only added. outcome: ok | denied | failed
CREATE TABLE IF NOT EXISTS audit_log (
    audit_id BIGINT PRIMARY KEY,
    logged_at TIMESTAMP NOT NULL,
    username VARCHAR,
    ip       VARCHAR,
    action   VARCHAR NOT NULL,
    subject  VARCHAR,
    detail   VARCHAR,
    outcome  VARCHAR NOT NULL
);
