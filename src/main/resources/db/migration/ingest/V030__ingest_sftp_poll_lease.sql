-- Which Gugus instance is pulling an office's SFTP source now. A lease, not a session lock: it is
-- taken and renewed in short statements, so a poll never keeps a pooled connection while it waits
-- for a server or a file. A crashed instance's lease runs out at expires_at.
create table ingest.sftp_poll_lease (
    office_code varchar(5)  primary key,
    holder      text        not null,       -- the instance and poll that hold it (random)
    acquired_at timestamptz not null,
    expires_at  timestamptz not null
);
