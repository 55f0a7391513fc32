-- Sharing agreements: grantee may read grantor's records of one classification in one domain.
CREATE TABLE sharing_agreement (
  grantor        VARCHAR(32) NOT NULL,
  grantee        VARCHAR(32) NOT NULL,
  classification VARCHAR(16) NOT NULL,
  domain         VARCHAR(32) NOT NULL,
  PRIMARY KEY (grantor, grantee, classification, domain)
);
CREATE INDEX sharing_grantee ON sharing_agreement (grantee);
