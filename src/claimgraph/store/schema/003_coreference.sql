-- claimgraph schema, version 3: coreference links of pronoun and nominal mentions
-- the mention a pronoun or description refers back to, and the sieve that linked them
ALTER TABLE mentions ADD COLUMN antecedent TEXT;
ALTER TABLE mentions ADD COLUMN sieve TEXT;
