-- Knowledge documents: the command side's checksum register and the query side's catalogue.

-- Command side: one row per stored content, written in the transaction of the upload, removed with the document.
create table document_checksum (
    sha256 varchar(64) not null,
    doc_id varchar(64) not null,
    primary key (sha256)
);

-- Query side: the catalogue GET /knowledge/documents reads (tags as a JSON array).
create table knowledge_document (
    doc_id      varchar(64)              not null,
    file_name   varchar(255)             not null,
    vendor      varchar(64),
    tags        text                     not null,
    status      varchar(16)              not null,
    progress    integer                  not null,
    message     text,
    format      varchar(16),
    size_bytes  bigint                   not null,
    uploaded_by varchar(64),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    primary key (doc_id)
);
create index ix_knowledge_document_created on knowledge_document (created_at);
create index ix_knowledge_document_status on knowledge_document (status);
