-- Priority-list runs (ANALYTICS engineer, V30-V39), kept so that "what moved since the last run"
-- can be answered. One run per computation, per organisation (what an organisation can read
-- differs, so runs are never compared across organisations). Insert-only.
CREATE TABLE analytics_priority_run (
  run_id          BIGINT        NOT NULL,
  organisation    VARCHAR(32)   NOT NULL,
  run_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  period_code     VARCHAR(16)   NOT NULL,
  methodology     VARCHAR(128)  NOT NULL,
  PRIMARY KEY (run_id)
);

CREATE INDEX analytics_priority_run_org ON analytics_priority_run (organisation, run_at);

CREATE TABLE analytics_priority_entry (
  run_id          BIGINT        NOT NULL,
  domain_code     VARCHAR(64)   NOT NULL,
  area_code       VARCHAR(16)   NOT NULL,
  rank_no         INTEGER       NOT NULL,
  score           DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (run_id, domain_code, area_code),
  FOREIGN KEY (run_id) REFERENCES analytics_priority_run (run_id)
);
