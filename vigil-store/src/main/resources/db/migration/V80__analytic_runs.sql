-- Analytic runs as data (analytics-runs, V80-V84). A run records what it read (the vintage of
-- every input series) and what it produced. Results are versioned like observations: a run
-- stores a result only when it differs from the current one, and the row it replaces gets
-- superseded_by = the new run, so "as of run R" is run_id <= R AND (superseded_by IS NULL OR
-- superseded_by > R). Old runs and their results are kept.
CREATE TABLE analytic_run (
  id                  BIGINT        NOT NULL,
  trigger_kind        VARCHAR(32)   NOT NULL,
  full_run            BOOLEAN       NOT NULL,
  methodology         VARCHAR(128)  NOT NULL,
  methodology_version VARCHAR(32)   NOT NULL,
  spec                VARCHAR(512)  NOT NULL,
  started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at         TIMESTAMP WITH TIME ZONE,
  data_as_of          TIMESTAMP WITH TIME ZONE,
  period_code         VARCHAR(16),
  status              VARCHAR(16)   NOT NULL,
  series_computed     INTEGER       NOT NULL,
  results_changed     INTEGER       NOT NULL,
  failures            INTEGER       NOT NULL,
  inputs              VARCHAR(1000000) NOT NULL,
  PRIMARY KEY (id)
);

CREATE TABLE analytic_result (
  run_id          BIGINT        NOT NULL,
  kind            VARCHAR(16)   NOT NULL,
  subject         VARCHAR(200)  NOT NULL,
  area            VARCHAR(16)   NOT NULL,
  domain          VARCHAR(64)   NOT NULL,
  period_code     VARCHAR(16)   NOT NULL,
  horizon         INTEGER       NOT NULL,
  payload         VARCHAR(1000000) NOT NULL,
  owner_org       VARCHAR(32)   NOT NULL,
  classification  VARCHAR(16)   NOT NULL,
  shared_with     VARCHAR(1000) NOT NULL,
  superseded_by   BIGINT,
  PRIMARY KEY (run_id, kind, subject),
  FOREIGN KEY (run_id) REFERENCES analytic_run (id)
);

CREATE INDEX analytic_result_current ON analytic_result (kind, superseded_by);
CREATE INDEX analytic_result_subject ON analytic_result (kind, subject, run_id);
CREATE INDEX analytic_result_period ON analytic_result (kind, period_code, run_id);

-- Goalposts derived once per methodology version from every state's data, then fixed.
CREATE TABLE methodology_goalposts (
  methodology     VARCHAR(128)  NOT NULL,
  version         VARCHAR(32)   NOT NULL,
  derived_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  goalposts       VARCHAR(1000000) NOT NULL,
  PRIMARY KEY (methodology, version)
);
