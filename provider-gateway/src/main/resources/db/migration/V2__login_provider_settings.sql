-- The login provider's own settings (null for the other kinds): the realm role a user gets when first imported
-- into Keycloak from the external login service, whether their email counts as verified, and an optional URL of
-- the company's own login page.
alter table provider
    add column login_default_role     text check (login_default_role in ('client', 'none')),
    add column login_email_verified   boolean,
    add column login_url              text;
