-- Foreign keys that bought nothing (issue 13): the pipeline writes these rows itself, in the
-- transaction that writes the rows they point at (a victim's case and coded attributes, a file's
-- staged rows, outcomes and rejections), and neither victims nor received files are ever deleted.
-- Each key cost a lookup per written row: about a third of a publish. The columns stay as lineage,
-- with their indexes where they had one. Persons keeps its own keys to warehouse.victim.
alter table warehouse.staged_row         drop constraint staged_row_file_id_fkey;
alter table warehouse.tppo_case          drop constraint tppo_case_source_file_id_fkey;
alter table warehouse.victim             drop constraint victim_case_id_fkey,
                                         drop constraint victim_source_file_id_fkey;
alter table warehouse.victim_exploitation drop constraint victim_exploitation_victim_id_fkey;
alter table warehouse.victim_recruitment  drop constraint victim_recruitment_victim_id_fkey;
alter table warehouse.victim_service      drop constraint victim_service_victim_id_fkey;
alter table warehouse.victim_history     drop constraint victim_history_victim_id_fkey,
                                         drop constraint victim_history_replaced_by_file_id_fkey;
alter table warehouse.victim_flag        drop constraint victim_flag_victim_id_fkey,
                                         drop constraint victim_flag_source_file_id_fkey;
alter table warehouse.row_outcome        drop constraint row_outcome_file_id_fkey;
alter table warehouse.rejected_row       drop constraint rejected_row_file_id_fkey;

comment on column warehouse.victim.case_id is 'warehouse.tppo_case id; written with the case in one transaction, no foreign key';
comment on column warehouse.victim.source_file_id is 'ingest.received_file id of the file that last wrote the record';
