-- Whether a percentage indicator is a share of a whole (0 to 100) or a ratio in percent that may
-- exceed 100 (withdrawal over renewable water), so the data-quality range rule stops flagging
-- honest values above 100 (ui10, V250-V259). Existing percentages stay shares, the strict range;
-- the water engine's WATER_STRESS (Vigil's own definition, DemoIndicators.water) is a ratio.
ALTER TABLE indicator ADD COLUMN value_scale VARCHAR(16) DEFAULT 'OTHER' NOT NULL;
UPDATE indicator SET value_scale = 'SHARE' WHERE unit LIKE '!%%' ESCAPE '!';
UPDATE indicator SET value_scale = 'PERCENT_RATIO' WHERE code = 'WATER_STRESS' AND unit = '%';
