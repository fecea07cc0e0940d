-- Mail templates admins override per project, event kind and language (the shipped defaults are files),
-- each project's notification settings, and what the service knows of each ticket from its events
-- (for template previews and for the agents a ticket is assigned to).

create table mail_template (
    id           uuid primary key,
    project_key  text        not null,
    kind         text        not null,
    language     text        not null,
    subject      text        not null,
    text_body    text        not null,
    html_body    text        not null,
    updated_at   timestamptz not null,
    updated_by   text,
    unique (project_key, kind, language)
);

create table project_setting (
    project_key  text primary key,
    language     text        not null,
    updated_at   timestamptz not null
);

create table known_ticket (
    ticket_id         uuid primary key,
    version           bigint      not null,
    number            text        not null,
    project_key       text        not null,
    project_name      text,
    title             text        not null,
    stage             text,
    client_email      text,
    client_name       text,
    assignees         jsonb,               -- usernames; null until an event carried them
    last_note_text    text,                -- the latest public note, for previews
    last_note_author  text,
    last_note_at      timestamptz,
    updated_at        timestamptz not null
);
