-- Weekly (2026-W05, 8 characters) and daily (2026-01-31, 10 characters) periods: widen the
-- period codes that were VARCHAR(8). The standard SET DATA TYPE form runs on H2 and PostgreSQL;
-- codes keep sorting in time order within one frequency.
ALTER TABLE observation ALTER COLUMN period_code SET DATA TYPE VARCHAR(16);
ALTER TABLE programme_report ALTER COLUMN period_code SET DATA TYPE VARCHAR(16);
