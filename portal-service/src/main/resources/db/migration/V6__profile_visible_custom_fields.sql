-- Which of the project's custom fields (by key, as ticket-service defines them) the public web form and the
-- "add ticket" form of logged-in clients offer. None by default: a field is shown once an admin says so.
alter table portal_profile add column visible_custom_fields text[] not null default '{}';
