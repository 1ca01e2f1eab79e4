-- What an office's first delivery's publish vouches for in its own transaction, for record linkage to take each new
-- record's values from the row read ahead at the record's place (the file's order) instead of by their digest: how
-- many rows of the file were staged and not rejected, how many records it planned, and the transactions that wrote
-- those rows (the server's numbers). A reader that read the rows under a snapshot in which the same transactions had
-- written the same number of rows read exactly the rows published (see persons' RecordsPreparedAhead).
create table warehouse.first_delivery_places (
    file_id bigint   primary key,
    staged  bigint   not null,
    planned bigint   not null,
    writers bigint[] not null
);
