-- A logged-in client rates a closed ticket from their own pages, without a link: the link is then unknown.
alter table feedback alter column link_id drop not null;
