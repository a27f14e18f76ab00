-- Chinese name search (issue 3): pg_trgm gives nothing for 1–2 character CJK queries in a
-- C-locale database, so names are indexed by their character unigrams and bigrams in a GIN
-- index. A query of 2+ characters looks up its bigrams, then LIKE confirms the substring.
CREATE OR REPLACE FUNCTION ssj_name_grams(s text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}'::text[]) FROM (
    SELECT substr(lower(s), i, 1) AS g FROM generate_series(1, char_length(s)) AS i
    UNION ALL
    SELECT substr(lower(s), i, 2) FROM generate_series(1, char_length(s) - 1) AS i
  ) AS grams
$$;
--> statement-breakpoint
-- The grams of a search string: its bigrams, or the single character when it has one.
CREATE OR REPLACE FUNCTION ssj_query_grams(q text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN char_length(q) < 2 THEN ARRAY[lower(q)]
    ELSE (SELECT array_agg(DISTINCT substr(lower(q), i, 2)) FROM generate_series(1, char_length(q) - 1) AS i) END
$$;
--> statement-breakpoint
CREATE INDEX targets_name_grams_idx ON targets USING gin (ssj_name_grams(name));
