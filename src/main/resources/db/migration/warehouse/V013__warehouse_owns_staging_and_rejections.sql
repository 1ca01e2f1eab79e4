-- The warehouse module owns the staging area and the rejected rows it writes when it publishes a
-- file; review keeps only the corrections people send. The schemas no longer reference each other
-- in a loop: review.correction -> warehouse, never warehouse -> review. The correction ids kept in
-- warehouse tables stay as lineage (ids of review.correction), without a foreign key.
alter table intake.staged_row set schema warehouse;
drop schema intake;

alter table review.rejected_row set schema warehouse;

alter table warehouse.rejected_row drop constraint rejected_row_corrected_by_fkey;
alter table warehouse.victim drop constraint victim_source_correction_id_fkey;
alter table warehouse.victim_history drop constraint victim_history_source_correction_id_fkey;
alter table warehouse.victim_history drop constraint victim_history_replaced_by_correction_id_fkey;
alter table warehouse.victim_flag drop constraint victim_flag_source_correction_id_fkey;

comment on column warehouse.rejected_row.corrected_by is 'review.correction id of the correction that fixed the row';
comment on column warehouse.victim.source_correction_id is 'review.correction id that last wrote the record; null when a file did';
