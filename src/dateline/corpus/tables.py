"""The corpus layer's own SQLite tables (all prefixed ``corpus_``); creating them is idempotent."""

SCHEMA = """
-- The corpus layer's own tables (all prefixed corpus_). Created by ensure_corpus_schema, idempotent.
CREATE TABLE IF NOT EXISTS corpus_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- Every article the corpus has seen, in arrival order, with what a rebuild needs.
CREATE TABLE IF NOT EXISTS corpus_articles (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL UNIQUE,
  source_path TEXT,
  title TEXT,
  published TEXT,
  day INTEGER,
  source TEXT,
  exact TEXT NOT NULL,
  signature BLOB NOT NULL,
  n_shingles INTEGER NOT NULL,
  n_words INTEGER NOT NULL,
  article BLOB NOT NULL           -- zlib-compressed contract JSON, for recluster and timelines
);
CREATE INDEX IF NOT EXISTS corpus_articles_exact ON corpus_articles (exact);

CREATE TABLE IF NOT EXISTS corpus_assignments (
  article TEXT PRIMARY KEY REFERENCES corpus_articles (id),
  story TEXT NOT NULL,
  duplicate_of TEXT,
  duplicate_kind TEXT CHECK (duplicate_kind IN ('exact', 'near', 'excerpt'))
);
CREATE INDEX IF NOT EXISTS corpus_assignments_story ON corpus_assignments (story);
CREATE INDEX IF NOT EXISTS corpus_assignments_dup ON corpus_assignments (duplicate_of);

CREATE TABLE IF NOT EXISTS corpus_minhash_bands (
  band INTEGER NOT NULL, key INTEGER NOT NULL, article TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS corpus_minhash_bands_key ON corpus_minhash_bands (band, key);

CREATE TABLE IF NOT EXISTS corpus_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS corpus_stories (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  title TEXT,
  first_day INTEGER,
  last_day INTEGER,
  n_articles INTEGER NOT NULL,
  norm REAL NOT NULL,
  norm_entities REAL NOT NULL
);
-- The inverted index of story centroids: a story's heaviest terms with their weights.
CREATE TABLE IF NOT EXISTS corpus_story_terms (
  term TEXT NOT NULL, story TEXT NOT NULL, weight REAL NOT NULL, last_seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS corpus_story_terms_term ON corpus_story_terms (term, last_seq DESC);
CREATE INDEX IF NOT EXISTS corpus_story_terms_story ON corpus_story_terms (story);

-- Who each story's articles lead with (see features.lead_keys), counted over its members.
CREATE TABLE IF NOT EXISTS corpus_story_leads (
  story TEXT NOT NULL, key TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (story, key)
);

-- The inverted index of article vectors: a close sibling article links a story even when the
-- centroid has drifted (a long-running story told from many angles).
CREATE TABLE IF NOT EXISTS corpus_article_terms (
  term TEXT NOT NULL, article TEXT NOT NULL, story TEXT NOT NULL, weight REAL NOT NULL, seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS corpus_article_terms_term ON corpus_article_terms (term, seq DESC);
CREATE INDEX IF NOT EXISTS corpus_article_terms_article ON corpus_article_terms (article);

-- Each story member's vector and what a split rebuilds its story from (see story_split).
CREATE TABLE IF NOT EXISTS corpus_story_members (
  article TEXT PRIMARY KEY, story TEXT NOT NULL, seq INTEGER NOT NULL, day INTEGER, title TEXT,
  lead_keys TEXT NOT NULL, vector TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS corpus_story_members_story ON corpus_story_members (story, seq DESC);
CREATE INDEX IF NOT EXISTS corpus_story_members_seq ON corpus_story_members (seq);

CREATE TABLE IF NOT EXISTS corpus_entities (
  id TEXT PRIMARY KEY, seq INTEGER NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
  n_articles INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS corpus_entity_aliases (
  entity TEXT NOT NULL, alias TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (entity, alias)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS corpus_entity_keys (
  key TEXT NOT NULL, entity TEXT NOT NULL, PRIMARY KEY (key, entity)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS corpus_entity_mentions (
  entity TEXT NOT NULL, article TEXT NOT NULL, local_id TEXT NOT NULL, n_mentions INTEGER NOT NULL,
  PRIMARY KEY (article, local_id)
);
CREATE INDEX IF NOT EXISTS corpus_entity_mentions_entity ON corpus_entity_mentions (entity);
-- Entities found to be one after the fact: the younger (loser) folded into the older (survivor);
-- ``article`` is the article whose evidence merged them. Survivors are kept flat (one hop).
CREATE TABLE IF NOT EXISTS corpus_entity_merges (
  loser TEXT PRIMARY KEY, survivor TEXT NOT NULL, article TEXT NOT NULL, seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS corpus_entity_merges_survivor ON corpus_entity_merges (survivor);
CREATE TABLE IF NOT EXISTS corpus_entity_quotes (
  entity TEXT NOT NULL, article TEXT NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS corpus_entity_quotes_entity ON corpus_entity_quotes (entity);

CREATE TABLE IF NOT EXISTS corpus_events (
  id TEXT PRIMARY KEY, seq INTEGER NOT NULL, story TEXT NOT NULL, type TEXT NOT NULL,
  day INTEGER, time_value TEXT, status TEXT NOT NULL, location TEXT
);
CREATE INDEX IF NOT EXISTS corpus_events_story ON corpus_events (story, type, seq);
CREATE TABLE IF NOT EXISTS corpus_event_reports (
  event TEXT NOT NULL, article TEXT NOT NULL, local_id TEXT NOT NULL, source TEXT NOT NULL,
  trigger TEXT NOT NULL, status TEXT NOT NULL, time_value TEXT, published TEXT,
  quantities TEXT NOT NULL, casualties TEXT,
  PRIMARY KEY (article, local_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS corpus_event_reports_event ON corpus_event_reports (event);
CREATE TABLE IF NOT EXISTS corpus_event_entities (
  event TEXT NOT NULL, entity TEXT NOT NULL, role TEXT NOT NULL, PRIMARY KEY (event, entity, role)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS corpus_event_entities_entity ON corpus_event_entities (entity);
"""
