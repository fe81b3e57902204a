-- Read model of similar cases (query side, projection "similar-cases"): one row per case with the terms of what the
-- engineer wrote, its category, vendor and last proposed solution, and whether it was solved and approved.
-- One script for PostgreSQL and for H2 in PostgreSQL mode.
create table similar_case (
    case_id            varchar(64)              not null,
    owner              varchar(64)              not null,
    title              varchar(200)             not null,
    terms              text                     not null,
    category           varchar(32),
    vendor             varchar(32),
    status             varchar(16)              not null,
    solved             boolean                  not null,
    approved           boolean                  not null,
    solution_node      varchar(64),
    solution_answer    text,
    solution_commands  text,
    corrected_solution text,
    created_at         timestamp with time zone not null,
    solved_at          timestamp with time zone,
    primary key (case_id)
);
create index ix_similar_case_owner on similar_case (owner, created_at);
create index ix_similar_case_created on similar_case (created_at);

-- Feedback given on a case, until a reviewer decides it: an approval names the case's solution approved.
create table similar_case_feedback (
    feedback_id        varchar(64) not null,
    case_id            varchar(64) not null,
    outcome            varchar(16) not null,
    corrected_solution text,
    primary key (feedback_id)
);
