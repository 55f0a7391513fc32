-- Keyed audit entries (issue 17): entry_hash becomes an HMAC-SHA256 with the key named by key_id
-- (the keys live outside the database; '' marks the unkeyed SHA-256 entries written before this
-- migration, which may only precede the first keyed entry). owners lists the organisations whose
-- data an entry is about (",KAZ-SC,RUS-SC,"), so data owners can read the entries about their data.
-- state_digest carries digests of audited state after the change ("users=<hex>", "sharing=<hex>",
-- "batch/17=<hex>"), which `audit verify` recomputes from the tables.
ALTER TABLE audit_log ADD COLUMN key_id VARCHAR(32) DEFAULT '' NOT NULL;
ALTER TABLE audit_log ADD COLUMN owners VARCHAR(400) DEFAULT '' NOT NULL;
ALTER TABLE audit_log ADD COLUMN state_digest VARCHAR(300) DEFAULT '' NOT NULL;
