-- Crash-safe batches. A batch is written as: its row with status INCOMPLETE (committed, and locked
-- by the writer's connection until it finishes), its observations in committed chunks, then
-- status COMPLETE together with its audit entry in one transaction. Reads, the "latest vintage"
-- comparison and batch listings see COMPLETE batches only; Store.open removes INCOMPLETE batches
-- whose writer is gone (not locked), with an audit entry. Batches stored before V60 are COMPLETE.
ALTER TABLE ingest_batch ADD COLUMN status VARCHAR(12) DEFAULT 'COMPLETE' NOT NULL;

-- One batch per (uploading organisation, file SHA-256): two identical simultaneous uploads store
-- one batch. file_key is the SHA-256; an older duplicate keeps NULL (unique indexes ignore NULLs).
ALTER TABLE ingest_batch ADD COLUMN file_key VARCHAR(64);
UPDATE ingest_batch SET file_key = sha256
  WHERE id IN (SELECT MIN(id) FROM ingest_batch GROUP BY organisation, sha256);
CREATE UNIQUE INDEX ingest_batch_file ON ingest_batch (organisation, file_key);

-- The batches being written: the writer keeps its row here locked (SELECT ... FOR UPDATE) until
-- the batch is COMPLETE and the row deleted. A row nobody holds belongs to a writer that died.
CREATE TABLE batch_writer (
  batch_id BIGINT PRIMARY KEY
);
