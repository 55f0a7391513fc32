-- A user whose password is a published one (the demo logins) must set a new one before the
-- server lets them in, except in demo mode (http-hardening, V75-V79).
ALTER TABLE app_user ADD COLUMN password_change_required BOOLEAN DEFAULT FALSE NOT NULL;
