-- Organizations as admins define them: a client-typed organization on a form proves nothing, so only an
-- address or a whole mail domain an admin put in an organization lets a client see colleagues' tickets, and only
-- in projects whose portal profile allows it.
create table organization_member (
    member       text primary key,  -- lower case: an address (ana@acme.com) or a domain (@acme.com)
    organization text not null
);
create index organization_member_organization on organization_member (organization);

alter table portal_profile add column show_organization_tickets boolean not null default false;
