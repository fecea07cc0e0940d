-- Per project, each default notification can be switched off; all are on until an admin says otherwise.
alter table project_setting
    add column client_on_created      boolean not null default true,
    add column client_on_public_note  boolean not null default true,
    add column client_on_closed       boolean not null default true,
    add column client_on_reopened     boolean not null default true,
    add column agents_on_client_note  boolean not null default true,
    add column agents_on_new_ticket   boolean not null default true;
