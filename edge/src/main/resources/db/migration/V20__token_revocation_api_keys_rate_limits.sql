-- Security state every instance of a side must share: revoked tokens, machine clients' API keys, rate-limit buckets.

-- A logged-out token stays refused until it would have expired anyway.
create table revoked_token (
    token_id   varchar(64)              not null,
    expires_at timestamp with time zone not null,
    revoked_at timestamp with time zone not null,
    primary key (token_id)
);
create index ix_revoked_token_expires on revoked_token (expires_at);

-- An API key is stored as the SHA-256 of the key; the key itself is shown once, when it is created.
create table api_key (
    id           varchar(36)              not null,
    name         varchar(100)             not null,
    key_prefix   varchar(16)              not null,
    key_hash     varchar(64)              not null,
    roles        varchar(255)             not null,
    created_by   varchar(64)              not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone,
    primary key (id),
    constraint uk_api_key_hash unique (key_hash)
);

-- Bucket4j's token buckets (PostgreSQL), one row per limited key such as 'login-user:alice'.
create table rate_limit_bucket (
    id         varchar(255) not null,
    state      bytea,
    expires_at bigint,
    primary key (id)
);
