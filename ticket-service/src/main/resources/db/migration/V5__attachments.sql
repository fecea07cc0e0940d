-- Files attached to tickets. Uploaded first (bound to the ticket), then referenced by the note that carries
-- them; an upload no note took within a day is removed. The bytes live apart so that listing a ticket's files
-- never reads them.
create table attachment (
    id           uuid        primary key,
    ticket_id    uuid        not null references ticket (id),
    note_id      uuid        references note (id),
    filename     text        not null,
    content_type text        not null,
    size_bytes   bigint      not null,
    sha256       text        not null,
    uploaded_by  text        not null,
    created_at   timestamptz not null
);
create index attachment_ticket on attachment (ticket_id, created_at);
create index attachment_unbound on attachment (created_at) where note_id is null;

create table attachment_content (
    attachment_id uuid  primary key references attachment (id) on delete cascade,
    content       bytea not null
);
