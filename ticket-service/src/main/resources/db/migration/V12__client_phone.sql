-- The client's mobile number for SMS updates (E.164, checked by the API); null when they gave none.
alter table ticket add column client_phone text;
