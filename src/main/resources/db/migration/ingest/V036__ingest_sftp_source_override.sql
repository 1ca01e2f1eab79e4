-- What a steward changed on the Sumber SFTP page, per office: it wins over jobs/sftp-sources.yaml for
-- the schedule and for pausing scheduled polls (see docs/sftp-sources.md). Host and credentials are
-- never here: they stay in the YAML and its secrets.
create table ingest.sftp_source_override (
    office_code varchar(10)  primary key,
    schedule    varchar(120),                          -- a Spring cron; null: the YAML's (or the default)
    enabled     boolean      not null default true,    -- false: scheduled polls paused
    changed_by  varchar(100) not null,
    changed_at  timestamptz  not null default now()
);
