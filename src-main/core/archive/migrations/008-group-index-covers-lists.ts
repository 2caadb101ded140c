/**
 * The near-duplicate group index carries the columns lists filter and sort on. A collapsed list asks,
 * for each row, which member of its group comes first among those that pass the filters, and counts
 * the groups its filters keep: with these columns in the index both are answered without reading the
 * articles' rows (large: they hold the text), which on a million articles took seconds a page.
 * The index of edited articles covers every article, so that it also gives the "most edited" order.
 * And search's per-connection metadata (search/meta.ts) is read from an index that covers it, not from
 * the rows: on a million articles the first search after opening read 3.5 GB (30 s from a cold disk)
 * where the index is 60 MB (2 s).
 */
export const sql = /* sql */ `
DROP INDEX articles_group;
CREATE INDEX articles_group ON articles(group_id, published_at, site, section, read_count, author, version_count) WHERE group_id IS NOT NULL;
DROP INDEX articles_edited;
CREATE INDEX articles_edited ON articles(version_count, published_at);
CREATE INDEX articles_meta ON articles(site, section, author, published_at, length(title), group_id);
`;
