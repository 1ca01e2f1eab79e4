-- Issue 13: a first load's stage step spent most of its time in the server taking the wide staged
-- rows: three jsonb documents a row (the normalised row with every field name, the row as written
-- with every header of the sheet, the findings), each parsed as it arrived. A staged row now keeps
-- the normalised values in typed columns, as the publish reads them (texts as the row gave them,
-- the dates as ISO text, cast when published, exactly as the JSON's were), the code lists as arrays,
-- and the row as written as an array of cell texts under a list of headers kept once
-- (warehouse.row_header, found by its hash). `original` stays for rows staged before this version
-- (a file whose stage step was interrupted) and for a corrected row.
alter table warehouse.staged_row
    add column case_number          text,
    add column report_date          text,
    add column incident_date        text,
    add column victim_name          text,
    add column nik                  text,
    add column sex                  text,
    add column birth_place          text,
    add column birth_date           text,
    add column age                  smallint,
    add column origin_regency       text,
    add column origin_regency_code  text,
    add column origin_district      text,
    add column origin_district_code text,
    add column origin_village       text,
    add column origin_village_code  text,
    add column address              text,
    add column citizenship          text,
    add column citizenship_country  text,
    add column education            text,
    add column exploitation         text[],
    add column recruitment          text[],
    add column destination_country  text,
    add column destination_area     text,
    add column case_stage           text,
    add column services             text[],
    add column notes                text,
    add column original_headers     bigint,
    add column original_values      text[];

comment on column warehouse.staged_row.original_headers is
    'warehouse.row_header key of the headers the row''s cells (original_values) stand under; null when original holds the row';

-- the lists of headers rows were written under, each list once, whatever file brought it: column
-- headers as written, never a value of a row
create table warehouse.row_header (
    key     bigint primary key,   -- the list's hash (its SHA-256's first 8 bytes), as the stage step made it
    headers text[] not null
);

comment on table warehouse.row_header is
    'lists of column headers, each once: a staged row''s or a record''s cells (original_values) stand under one of them';

-- rows staged before: their normalised row into the columns
update warehouse.staged_row s
   set case_number = r ->> 'case_number', report_date = r ->> 'report_date', incident_date = r ->> 'incident_date',
       victim_name = r ->> 'victim_name', nik = r ->> 'nik', sex = r ->> 'sex', birth_place = r ->> 'birth_place',
       birth_date = r ->> 'birth_date', age = (r ->> 'age')::smallint, origin_regency = r ->> 'origin_regency',
       origin_regency_code = r ->> 'origin_regency_code', origin_district = r ->> 'origin_district',
       origin_district_code = r ->> 'origin_district_code', origin_village = r ->> 'origin_village',
       origin_village_code = r ->> 'origin_village_code', address = r ->> 'address',
       citizenship = r ->> 'citizenship', citizenship_country = r ->> 'citizenship_country',
       education = r ->> 'education',
       exploitation = array(select jsonb_array_elements_text(r -> 'exploitation')),
       recruitment = array(select jsonb_array_elements_text(r -> 'recruitment')),
       destination_country = r ->> 'destination_country', destination_area = r ->> 'destination_area',
       case_stage = r ->> 'case_stage', services = array(select jsonb_array_elements_text(r -> 'services')),
       notes = r ->> 'notes'
  from (select file_id, ordinal, case_row as r from warehouse.staged_row where case_row is not null) old
 where s.file_id = old.file_id and s.ordinal = old.ordinal;

alter table warehouse.staged_row drop column case_row;

-- the whole normalised row of a staged row, as the stage step hashed it (for rekeying)
create function warehouse.staged_case_row(s warehouse.staged_row) returns jsonb
    language sql immutable parallel safe as $$
    select case when s.rejected then null else jsonb_build_object(
               'case_number', s.case_number, 'report_date', s.report_date, 'incident_date', s.incident_date,
               'victim_name', s.victim_name, 'nik', s.nik, 'sex', s.sex, 'birth_place', s.birth_place,
               'birth_date', s.birth_date, 'age', s.age, 'origin_regency', s.origin_regency,
               'origin_regency_code', s.origin_regency_code, 'origin_district', s.origin_district,
               'origin_district_code', s.origin_district_code, 'origin_village', s.origin_village,
               'origin_village_code', s.origin_village_code, 'address', s.address, 'citizenship', s.citizenship,
               'citizenship_country', s.citizenship_country, 'education', s.education,
               'exploitation', to_jsonb(s.exploitation), 'recruitment', to_jsonb(s.recruitment),
               'destination_country', s.destination_country, 'destination_area', s.destination_area,
               'case_stage', s.case_stage, 'services', to_jsonb(s.services), 'notes', s.notes) end
$$;
