-- A rebuild asked of one instance is carried out by every instance running that processor: each stops its
-- processor, one of them resets the tokens (once every claim is released) and all start again.
-- generation counts the rebuilds asked; reset_generation the last one carried out.
create table projection_rebuild (
    processor_name   varchar(255) primary key,
    generation       bigint not null,
    reset_generation bigint not null default 0,
    requested_at     timestamp with time zone not null,
    reset_at         timestamp with time zone
);
