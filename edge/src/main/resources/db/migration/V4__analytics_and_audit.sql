-- Read models of the analysts' dashboard (statistics) and of feedback review (query side).
-- One script for PostgreSQL and for H2 in PostgreSQL mode.

-- One row per case: what the dashboard counts and what "the cases behind a number" lists.
create table statistics_case (
    case_id    varchar(64)              not null,
    title      varchar(200)             not null,
    category   varchar(32),
    vendor     varchar(32),
    status     varchar(16)              not null,
    opened_day date                     not null,
    created_at timestamp with time zone not null,
    solved_at  timestamp with time zone,
    primary key (case_id)
);
create index ix_statistics_case_day on statistics_case (opened_day, created_at);

-- Counters per UTC day of opening and current fault category ('' while a case is not classified yet):
-- the dashboard's numbers are sums of these, never a scan of cases.
create table statistics_daily (
    opened_day date        not null,
    category   varchar(32) not null,
    opened     integer     not null,
    solved     integer     not null,
    primary key (opened_day, category)
);

create table feedback_review (
    feedback_id        varchar(64)              not null,
    case_id            varchar(64)              not null,
    outcome            varchar(16)              not null,
    comment            text,
    corrected_solution text,
    review_status      varchar(16)              not null,
    created_at         timestamp with time zone not null,
    reviewed_by        varchar(64),
    reviewed_at        timestamp with time zone,
    review_comment     text,
    primary key (feedback_id)
);
create index ix_feedback_review_status on feedback_review (review_status, created_at);

-- Knowledge coverage (statistics): which documents of which vendor are indexed, which vendors changed since
-- they were last measured, and the last measure per topic and vendor (see the README for the definition).
create table knowledge_coverage_document (
    doc_id  varchar(64) not null,
    vendor  varchar(64),
    indexed boolean     not null,
    primary key (doc_id)
);

create table knowledge_coverage_pending (
    vendor     varchar(64)              not null,
    changed_at timestamp with time zone not null,
    primary key (vendor)
);

create table knowledge_coverage (
    topic       varchar(32)              not null,
    vendor      varchar(64)              not null,
    coverage    integer                  not null,
    probes      integer                  not null,
    measured_at timestamp with time zone not null,
    primary key (topic, vendor)
);
