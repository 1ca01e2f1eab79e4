-- Narrower victim rows (issue 13): a victim record kept its whole normalised row as JSON
-- (case_row, about 730 bytes) beside the typed columns that hold the same values, so every
-- record was written twice. case_row now keeps only what no column of the record holds: the
-- case's values as this row gave them (case number, dates, stage: the case itself takes the last
-- row's) and the three code lists. warehouse.victim_case_row(v) gives the whole normalised row
-- back, equal to the one staged (jsonb keeps its keys in an order of its own). History keeps
-- whole rows.

-- the values of a normalised row that the record's typed columns hold
create function warehouse.victim_typed_values(v warehouse.victim) returns jsonb
    language sql immutable parallel safe as $$
    select jsonb_build_object(
               'victim_name', v.victim_name, 'nik', v.nik::text, 'sex', v.sex::text,
               'birth_place', v.birth_place, 'birth_date', v.birth_date, 'age', v.age,
               'origin_regency', v.origin_regency, 'origin_regency_code', v.origin_regency_code,
               'origin_district', v.origin_district, 'origin_district_code', v.origin_district_code,
               'origin_village', v.origin_village, 'origin_village_code', v.origin_village_code,
               'address', v.address, 'citizenship', v.citizenship::text,
               'citizenship_country', v.citizenship_country::text, 'education', v.education,
               'destination_country', v.destination_country::text, 'destination_area', v.destination_area,
               'notes', v.notes)
$$;

-- a normalised row without the values the typed columns hold: what a record keeps as case_row
create function warehouse.narrow_case_row(case_row jsonb) returns jsonb
    language sql immutable parallel safe as $$
    select case_row - array['victim_name', 'nik', 'sex', 'birth_place', 'birth_date', 'age', 'origin_regency',
                            'origin_regency_code', 'origin_district', 'origin_district_code', 'origin_village',
                            'origin_village_code', 'address', 'citizenship', 'citizenship_country', 'education',
                            'destination_country', 'destination_area', 'notes']
$$;

-- the whole normalised row of a record; a key still in case_row wins (records a bench wrote whole)
create function warehouse.victim_case_row(v warehouse.victim) returns jsonb
    language sql immutable parallel safe as $$
    select warehouse.victim_typed_values(v) || v.case_row
$$;

comment on column warehouse.victim.case_row is
    'the normalised row''s values no typed column holds (case, code lists); whole: warehouse.victim_case_row(v)';

-- records written before: narrowed where their columns give the same values back
update warehouse.victim v
   set case_row = warehouse.narrow_case_row(v.case_row)
 where v.case_row ? 'victim_name'
   and v.case_row @> warehouse.victim_typed_values(v);
