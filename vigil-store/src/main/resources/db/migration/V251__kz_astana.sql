-- Kazakhstan's capital took back the name Astana on 17 September 2022; Debian's iso-codes 4.15.0
-- still says Nur-Sultan, and tools/iso3166-2/extract.py corrects it (ui10, V250-V259). A store
-- that loaded the uncorrected name is renamed here; the three regions created in 2022 (KZ-10,
-- KZ-33, KZ-62) are added by the reference data on the next start, as any missing area is.
UPDATE area SET name_en = 'Astana', name_ru = 'Астана', name_ru_fallback = FALSE
  WHERE code = 'KZ-AST' AND name_en = 'Nur-Sultan';
