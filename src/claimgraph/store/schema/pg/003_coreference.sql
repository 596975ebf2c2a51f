-- claimgraph schema, version 3, for PostgreSQL: coreference links (as ../003_coreference.sql)
ALTER TABLE mentions ADD COLUMN antecedent ctext;
ALTER TABLE mentions ADD COLUMN sieve ctext;
