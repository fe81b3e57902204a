-- Uploaded files kept in the database, so every command-side instance reads what any of them stored
-- (ipexpert.knowledge.file-store=database; the embedded default keeps them in <data-dir>/files).
create table document_file (
    doc_id     varchar(64) primary key,
    content    bytea       not null,
    size_bytes bigint      not null,
    stored_at  timestamp with time zone not null
);
