-- The victim's origin as resolved against the reference regions (Kemendagri codes, e.g. 64.72),
-- beside the names as written, so national counts group by code. District and village codes are
-- null when not found under the regency (the row then carries W_REGION_DETAIL).
alter table warehouse.victim
    add column origin_regency_code  varchar(5),
    add column origin_district_code varchar(8),
    add column origin_village_code  varchar(13);

create index victim_origin_regency on warehouse.victim (origin_regency_code);
