-- Append-only, hash-chained audit log. audit_head holds the last sequence number and hash; it is
-- locked (SELECT ... FOR UPDATE) by every append, which serialises appends across processes and
-- lets verification notice a removed last entry.
CREATE TABLE audit_log (
  seq           BIGINT        NOT NULL PRIMARY KEY,
  at_time       TIMESTAMP WITH TIME ZONE NOT NULL,
  username      VARCHAR(64)   NOT NULL,
  organisation  VARCHAR(32)   NOT NULL,
  action        VARCHAR(64)   NOT NULL,
  subject       VARCHAR(500)  NOT NULL,
  origin        VARCHAR(200)  NOT NULL,
  detail        VARCHAR(2000) NOT NULL,
  prev_hash     VARCHAR(64)   NOT NULL,
  entry_hash    VARCHAR(64)   NOT NULL
);

CREATE TABLE audit_head (
  id            INTEGER      NOT NULL PRIMARY KEY,
  last_seq      BIGINT       NOT NULL,
  last_hash     VARCHAR(64)  NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
