-- The sealed head of every linked aggregate (a case and its nodes), kept apart from domain_event_entry.
create table chain_checkpoint (
    aggregate_id    varchar(255)             not null,
    case_id         varchar(255),
    sequence_number bigint                   not null,
    link            varchar(64)              not null,
    seal            varchar(64)              not null,
    updated_at      timestamp with time zone not null,
    primary key (aggregate_id)
);
create index ix_chain_checkpoint_case on chain_checkpoint (case_id);
