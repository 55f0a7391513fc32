-- A batch pulled from a public source (World Bank, OWID, UCDP, an SDMX endpoint) keeps the licence
-- the data was published under and how to cite it, in the batch's own row: written in the same
-- transaction as the batch, so no pulled value exists without its provenance. Empty for files
-- loaded by hand.
ALTER TABLE ingest_batch ADD COLUMN source_licence VARCHAR(500) DEFAULT '' NOT NULL;
ALTER TABLE ingest_batch ADD COLUMN source_citation VARCHAR(2000) DEFAULT '' NOT NULL;
