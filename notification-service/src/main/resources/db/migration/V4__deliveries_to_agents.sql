-- Mails to agents name the agent (a Keycloak username); their address is looked up when the mail is sent.
alter table delivery add column recipient_agent text;
alter table delivery alter column recipient_email drop not null;
alter table delivery add constraint delivery_has_recipient check (recipient_email is not null or recipient_agent is not null);
