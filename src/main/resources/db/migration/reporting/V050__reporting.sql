-- National reporting: what is counted from persons, kept by the pipeline (org.gugus.reporting).
-- No name, NIK, address, village, birth place or free text is copied here: only codes, dates and
-- counts. The read-only role gugus_reporting (see V051) reads this schema and nothing else.
create schema reporting;

-- One row per victim record (a report) of a linked person: the facts the indicators are counted
-- from, per period. birth_date is kept only to compute the age on another report's date; the
-- read-only role cannot select it (V051).
create table reporting.report (
    victim_id            bigint      primary key,
    person_id            bigint      not null,
    office_code          varchar(5)  not null,
    case_id              bigint      not null,
    case_number          text        not null,
    report_date          date        not null,
    sex                  char(1),
    birth_date           date,
    birth_year           smallint,
    age                  smallint,   -- as written on the report
    age_at_report        smallint,   -- from the birth date when given, else as written
    origin_regency_code  varchar(5),
    origin_province_code varchar(2),
    citizenship          varchar(3),
    citizenship_country  char(2),
    destination_country  char(2),
    case_stage           text,
    exploitation         text[]      not null default '{}',
    recruitment          text[]      not null default '{}',
    services             text[]      not null default '{}',
    source_file_id       bigint      not null
);

create index report_person on reporting.report (person_id);
create index report_date on reporting.report (report_date, office_code);
create index report_office on reporting.report (office_code, report_date);
create index report_case on reporting.report (case_id);

-- One row per person, over all her reports (the all-time view; the same rules as the indicators).
create table reporting.person (
    person_id             bigint      primary key,
    sex                   char(1),             -- of her latest report
    birth_year            smallint,            -- from the earliest report that gives a birth date
    age_at_first_report   smallint,
    age_group             text        not null, -- 0-5, 6-12, 13-17, 18-24, 25-59, 60+, unknown
    child                 boolean,             -- under 18 at her first report; null when unknown
    citizenship           varchar(3),          -- of her latest report
    origin_regency_code   varchar(5),          -- of her latest report that gives one
    origin_province_code  varchar(2),
    first_report_date     date        not null,
    last_report_date      date        not null,
    offices               text[]      not null,
    exploitation          text[]      not null,
    recruitment           text[]      not null,
    destination_countries text[]      not null,
    services              text[]      not null,
    case_stage            text,                -- the most advanced among her cases
    reports               integer     not null,
    cases                 integer     not null,
    multi_office          boolean     not null,
    re_trafficked         boolean     not null,
    refreshed_at          timestamptz not null default now()
);

-- One row per case (office, case number) with at least one linked victim.
create table reporting.tppo_case (
    case_id     bigint      primary key,
    office_code varchar(5)  not null,
    case_number text        not null,
    report_date date        not null,
    case_stage  text,
    reports     integer     not null,
    persons     integer     not null,
    unique (office_code, case_number)
);

-- Regions of the Kemendagri reference: provinces and regencies/cities with their names.
create table reporting.region (
    code          varchar(5) primary key,
    level         text       not null,   -- PROVINCE, REGENCY
    name          text       not null,
    province_code varchar(2) not null
);

-- Months, for coordinators' own tools (joins on date_trunc('month', report_date)).
create table reporting.month (
    month_start date       primary key,
    month_key   varchar(7) not null unique,   -- YYYY-MM
    year        smallint   not null,
    month       smallint   not null
);

insert into reporting.month (month_start, month_key, year, month)
select d::date, to_char(d, 'YYYY-MM'), extract(year from d), extract(month from d)
  from generate_series(date '2000-01-01', date '2060-12-01', interval '1 month') d;

-- Codes of every breakdown with their Indonesian and English labels (template korban v1;
-- countries are added from the reference list by the pipeline).
create table reporting.code_label (
    vocabulary text not null,   -- sex, age_group, exploitation, recruitment, case_stage, services, country
    code       text not null,
    label_id   text not null,
    label_en   text not null,
    sort_order integer not null default 0,
    primary key (vocabulary, code)
);

insert into reporting.code_label (vocabulary, code, label_id, label_en, sort_order) values
    ('sex', 'L', 'Laki-laki', 'Male', 1),
    ('sex', 'P', 'Perempuan', 'Female', 2),
    ('age_group', '0-5', '0-5 tahun', '0-5 years', 1),
    ('age_group', '6-12', '6-12 tahun', '6-12 years', 2),
    ('age_group', '13-17', '13-17 tahun', '13-17 years', 3),
    ('age_group', '18-24', '18-24 tahun', '18-24 years', 4),
    ('age_group', '25-59', '25-59 tahun', '25-59 years', 5),
    ('age_group', '60+', '60 tahun ke atas', '60 years and over', 6),
    ('exploitation', 'SEKSUAL', 'Eksploitasi seksual', 'Sexual exploitation', 1),
    ('exploitation', 'KERJA_PAKSA', 'Kerja paksa', 'Forced labour', 2),
    ('exploitation', 'PRT', 'Pekerja rumah tangga', 'Domestic work', 3),
    ('exploitation', 'ABK', 'Anak buah kapal', 'Fishing / ship crew', 4),
    ('exploitation', 'PERNIKAHAN_PAKSA', 'Pernikahan paksa', 'Forced marriage', 5),
    ('exploitation', 'ORGAN', 'Pengambilan organ', 'Organ removal', 6),
    ('exploitation', 'ADOPSI_ILEGAL', 'Adopsi ilegal', 'Illegal adoption', 7),
    ('exploitation', 'PENGEMIS', 'Eksploitasi pengemis', 'Forced begging', 8),
    ('exploitation', 'KRIMINAL', 'Kriminalitas paksa', 'Forced criminality', 9),
    ('exploitation', 'LAINNYA', 'Lainnya', 'Other', 10),
    ('recruitment', 'TAWARAN_KERJA', 'Tawaran kerja', 'Job offer', 1),
    ('recruitment', 'DARING', 'Daring / media sosial', 'Online / social media', 2),
    ('recruitment', 'JERATAN_UTANG', 'Jeratan utang', 'Debt bondage', 3),
    ('recruitment', 'PERNIKAHAN', 'Pernikahan / pacar', 'Marriage / romance', 4),
    ('recruitment', 'PENCULIKAN', 'Penculikan', 'Abduction', 5),
    ('recruitment', 'KELUARGA', 'Dijual keluarga', 'Sold by family', 6),
    ('recruitment', 'LAINNYA', 'Lainnya', 'Other', 7),
    ('case_stage', 'TIDAK_DILAPORKAN', 'Tidak dilaporkan ke polisi', 'Not reported to the police', 1),
    ('case_stage', 'LAPORAN', 'Laporan', 'Reported', 2),
    ('case_stage', 'PENYELIDIKAN', 'Penyelidikan', 'Preliminary investigation', 3),
    ('case_stage', 'PENYIDIKAN', 'Penyidikan', 'Investigation', 4),
    ('case_stage', 'PENUNTUTAN', 'Penuntutan / persidangan', 'Prosecution / trial', 5),
    ('case_stage', 'PUTUSAN', 'Putusan', 'Verdict', 6),
    ('case_stage', 'DIHENTIKAN', 'Dihentikan (SP3)', 'Discontinued', 7),
    ('services', 'PENGADUAN', 'Penerimaan pengaduan', 'Complaint handling', 1),
    ('services', 'KESEHATAN', 'Layanan kesehatan', 'Health care', 2),
    ('services', 'REHABILITASI_SOSIAL', 'Rehabilitasi sosial', 'Social rehabilitation', 3),
    ('services', 'BANTUAN_HUKUM', 'Bantuan hukum', 'Legal aid', 4),
    ('services', 'PEMULANGAN', 'Pemulangan', 'Repatriation', 5),
    ('services', 'REINTEGRASI', 'Reintegrasi sosial', 'Social reintegration', 6),
    ('services', 'RESTITUSI', 'Restitusi', 'Restitution', 7);

-- The rules of the indicators (docs/indicators-v1.md), for the pipeline and for SQL users alike.
-- Legal stages in order; DIHENTIKAN ranks below every other stage, so it counts only where no case
-- of the person is at any stage of the order; no stage at all ranks lowest.
create function reporting.stage_rank(stage text) returns integer
    language sql immutable parallel safe as $$
    select case stage
        when 'DIHENTIKAN' then 0 when 'TIDAK_DILAPORKAN' then 1 when 'LAPORAN' then 2
        when 'PENYELIDIKAN' then 3 when 'PENYIDIKAN' then 4 when 'PENUNTUTAN' then 5 when 'PUTUSAN' then 6
        else -1 end
$$;

create function reporting.stage_of_rank(stage_rank integer) returns text
    language sql immutable parallel safe as $$
    select (array['DIHENTIKAN', 'TIDAK_DILAPORKAN', 'LAPORAN', 'PENYELIDIKAN', 'PENYIDIKAN', 'PENUNTUTAN', 'PUTUSAN'])[stage_rank + 1]
$$;

create function reporting.age_group(age integer) returns text
    language sql immutable parallel safe as $$
    select case when age is null then 'unknown' when age <= 5 then '0-5' when age <= 12 then '6-12'
        when age <= 17 then '13-17' when age <= 24 then '18-24' when age <= 59 then '25-59' else '60+' end
$$;

-- The indicators over all reports (no period, no office), kept up to date by every refresh: each
-- refresh takes away the cells of the persons it rewrites and adds their new cells, so the all-time
-- report reads a few hundred rows instead of counting every person. Counts, not suppressed.
create table reporting.all_time_count (
    indicator text   not null,
    code      text   not null,
    n         bigint not null,
    primary key (indicator, code)
);

create index report_file on reporting.report (source_file_id);
