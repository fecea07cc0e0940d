-- Which ticket details a project's clients may change on their ticket's link page: priority, type, and custom fields
-- (by key). Nothing by default; portal-service refuses a change the profile does not allow, whatever is posted.
alter table portal_profile add column edit_priority boolean not null default false;
alter table portal_profile add column edit_type boolean not null default false;
alter table portal_profile add column editable_custom_fields text[] not null default '{}';
