-- Reference data: areas, group memberships, organisations, indicators.
-- Portable SQL for H2 2.x and PostgreSQL (no reserved words as column names).
CREATE TABLE area (
  code          VARCHAR(16)  NOT NULL PRIMARY KEY,
  kind          VARCHAR(16)  NOT NULL,
  name_en       VARCHAR(200) NOT NULL,
  name_ru       VARCHAR(200) NOT NULL,
  iso2          VARCHAR(2)   NOT NULL,
  numeric_code  VARCHAR(3)   NOT NULL
);

CREATE TABLE group_membership (
  group_code    VARCHAR(16) NOT NULL REFERENCES area (code),
  member_code   VARCHAR(16) NOT NULL REFERENCES area (code),
  valid_from    DATE        NOT NULL,
  valid_until   DATE        NOT NULL,
  PRIMARY KEY (group_code, member_code, valid_from)
);

CREATE TABLE organisation (
  id            VARCHAR(32)  NOT NULL PRIMARY KEY,
  name_en       VARCHAR(200) NOT NULL,
  name_ru       VARCHAR(200) NOT NULL,
  area_code     VARCHAR(16)  NOT NULL,
  secretariat   BOOLEAN      NOT NULL
);

CREATE TABLE indicator (
  code          VARCHAR(64)  NOT NULL PRIMARY KEY,
  name_en       VARCHAR(300) NOT NULL,
  name_ru       VARCHAR(300) NOT NULL,
  domain        VARCHAR(32)  NOT NULL,
  unit          VARCHAR(100) NOT NULL,
  frequency     VARCHAR(16)  NOT NULL,
  iccs_code     VARCHAR(32)  NOT NULL,
  polarity      VARCHAR(16)  NOT NULL,
  aggregation   VARCHAR(16)  NOT NULL,
  source        VARCHAR(500) NOT NULL,
  synthetic     BOOLEAN      NOT NULL
);
