-- Axon Framework's tables (event store, snapshots, tokens, sagas, dead letters) and db-scheduler's deadlines.
-- One script for PostgreSQL and for H2 in PostgreSQL mode. Binary columns are bytea, never oid large objects:
-- payloads stay readable with plain SQL (convert_from(payload, 'UTF8')).

create sequence domain_event_entry_seq start with 1 increment by 50;

create table domain_event_entry (
    global_index         bigint       not null,
    event_identifier     varchar(255) not null,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    primary key (global_index),
    constraint uk_domain_event_aggregate_sequence unique (aggregate_identifier, sequence_number),
    constraint uk_domain_event_identifier unique (event_identifier)
);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    primary key (aggregate_identifier, sequence_number, type),
    constraint uk_snapshot_event_identifier unique (event_identifier)
);

create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    owner          varchar(255),
    timestamp      varchar(255) not null,
    token          bytea,
    token_type     varchar(255),
    primary key (processor_name, segment)
);

create table saga_entry (
    saga_id         varchar(255) not null,
    revision        varchar(255),
    saga_type       varchar(255),
    serialized_saga bytea,
    primary key (saga_id)
);

create sequence association_value_entry_seq start with 1 increment by 50;

create table association_value_entry (
    id                bigint       not null,
    association_key   varchar(255) not null,
    association_value varchar(255),
    saga_id           varchar(255) not null,
    saga_type         varchar(255),
    primary key (id)
);
create index ix_association_lookup on association_value_entry (saga_type, association_key, association_value);
create index ix_association_saga on association_value_entry (saga_id, saga_type);

create table dead_letter_entry (
    dead_letter_id       varchar(255)             not null,
    cause_message        varchar(1023),
    cause_type           varchar(255),
    diagnostics          bytea,
    enqueued_at          timestamp with time zone not null,
    last_touched         timestamp with time zone,
    aggregate_identifier varchar(255),
    event_identifier     varchar(255)             not null,
    message_type         varchar(255)             not null,
    meta_data            bytea,
    payload              bytea                    not null,
    payload_revision     varchar(255),
    payload_type         varchar(255)             not null,
    sequence_number      bigint,
    time_stamp           varchar(255)             not null,
    token                bytea,
    token_type           varchar(255),
    type                 varchar(255),
    processing_group     varchar(255)             not null,
    processing_started   timestamp with time zone,
    sequence_identifier  varchar(255)             not null,
    sequence_index       bigint                   not null,
    primary key (dead_letter_id),
    constraint uk_dead_letter_sequence unique (processing_group, sequence_identifier, sequence_index)
);

-- db-scheduler: deadlines (analysis timeouts, retry backoff) survive a restart.
create table scheduled_tasks (
    task_name            varchar(255)             not null,
    task_instance        varchar(255)             not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            varchar(255),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index ix_scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index ix_scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
