-- What a project's clients see in the portal: its branding (logo, the page the logo links to, a welcome text)
-- and which ticket details beyond title, description, conversation and Open/Closed. A project without a row
-- shows the plain Relay Desk portal.
create table portal_profile (
    project_key   text        primary key,
    welcome_text  text,
    link_url      text,
    show_priority boolean     not null default false,
    show_type     boolean     not null default false,
    logo          bytea,
    logo_type     text,
    updated_at    timestamptz not null,
    constraint logo_with_type check ((logo is null) = (logo_type is null))
);

-- The ticket details a profile may show, kept from the events that carry them (details_version: the newest such
-- event, since NoteAdded advances the ticket's version without carrying them).
alter table portal_ticket add column type text;
alter table portal_ticket add column priority text;
alter table portal_ticket add column details_version bigint not null default -1;
