-- An observation's vintage time is its batch's recorded_at (joined on batch_id): one value per
-- batch instead of one per row, which makes bulk appends lighter on both databases.
ALTER TABLE observation DROP COLUMN recorded_at;
