-- Sub-national areas (issue 16, item 5): regions (ISO 3166-2) and districts under each state.
-- parent_code names the area a region or district lies in ('' for states, groups and basins);
-- synthetic marks areas no registry gives (the demo's made-up district codes); name_ru_fallback
-- marks a Russian name that is the English one because the registry has no translation.
ALTER TABLE area ADD COLUMN parent_code VARCHAR(16) DEFAULT '' NOT NULL;
ALTER TABLE area ADD COLUMN synthetic BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE area ADD COLUMN name_ru_fallback BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX area_parent ON area (parent_code);
