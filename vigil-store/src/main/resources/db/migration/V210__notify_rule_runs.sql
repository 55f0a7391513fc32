-- Scheduled evaluations of the kept alert rules (issue 15, notify2, V210-V219).
-- One row per schedule slot (the interval's start, aligned to the epoch): a server claims a slot by
-- inserting its row, so with several servers, or a restart within a slot, the rules run once per
-- slot. finished_at stays NULL while it runs or when its server stopped during it.
CREATE TABLE notify_rule_run (
  slot_start      TIMESTAMP WITH TIME ZONE NOT NULL PRIMARY KEY,
  worker          VARCHAR(100)  NOT NULL,
  started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at     TIMESTAMP WITH TIME ZONE,
  status          VARCHAR(16)   NOT NULL,
  rules           INTEGER       NOT NULL,
  findings        INTEGER       NOT NULL,
  raised          INTEGER       NOT NULL,
  detail          VARCHAR(2000) NOT NULL
);
