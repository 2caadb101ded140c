/**
 * Imports of crawls and exports: the bytes an import reads in all (its progress goes by bytes), the
 * records and items it read, and the records it passed over by design, counted by reason (a JSON object
 * {reason: count}; they are never listed one by one). Revisit records find their original capture by URL.
 */
export const sql = /* sql */ `
ALTER TABLE imports ADD COLUMN bytes_total INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN records_done INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN skipped TEXT NOT NULL DEFAULT '{}';
CREATE INDEX snapshots_url ON snapshots(url) WHERE url IS NOT NULL;
`;
