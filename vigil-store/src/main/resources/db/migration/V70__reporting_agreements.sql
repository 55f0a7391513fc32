-- Who may report values for which area. An organisation always reports for its own area
-- (organisation.area_code); a row here lets it report for another area too. Values it reports
-- there are its own series (owner_org is part of a series' identity), never a replacement of the
-- area owner's values.
CREATE TABLE reporting_agreement (
  reporter   VARCHAR(32) NOT NULL,
  area_code  VARCHAR(16) NOT NULL,
  PRIMARY KEY (reporter, area_code)
);
