-- Amendments that change another party's KPIs need that party's approval (or the secretariat's).
-- consent_required: the parties named when the draft was stored, as ",A,B," (empty: none needed).
-- programme_consent: one insert-only row per party that approved such a draft; the draft takes
-- effect (a programme_decision row) when the last of them approves or the secretariat does.
ALTER TABLE programme_revision ADD COLUMN consent_required VARCHAR(1000) DEFAULT '' NOT NULL;

CREATE TABLE programme_consent (
  programme_code  VARCHAR(64)   NOT NULL,
  version         INTEGER       NOT NULL,
  party           VARCHAR(16)   NOT NULL,
  consented_by    VARCHAR(64)   NOT NULL,
  consented_org   VARCHAR(32)   NOT NULL,
  consented_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  comment_text    VARCHAR(2000) NOT NULL,
  PRIMARY KEY (programme_code, version, party),
  FOREIGN KEY (programme_code, version) REFERENCES programme_revision (programme_code, version)
);
