-- Rules may test a custom field's value, on any event: the service remembers each ticket's values and the
-- client's mobile number (for SMS to the client) from the events that carry them.
alter table known_ticket add column custom_fields jsonb;   -- field key -> value as text; null until an event said
alter table known_ticket add column client_phone text;     -- E.164; null when the client gave none

alter table notification_rule add column custom_field text;        -- condition: this field's key ...
alter table notification_rule add column custom_field_value text;  -- ... has this value (case-insensitive)
