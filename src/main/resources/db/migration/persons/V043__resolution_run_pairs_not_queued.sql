-- The uncertain pairs a run did not queue for review because there were more than max-review-pairs
-- (jobs/linkage.yaml): a run over a file of placeholder names must not flood the queue.
alter table persons.resolution_run add column pairs_not_queued integer;
