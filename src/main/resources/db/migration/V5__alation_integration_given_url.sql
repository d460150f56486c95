-- The integration's URL exactly as the client sent it (a trailing slash included), which is what the API shows;
-- url stays the normalised form the client pipelines call. Rows stored before knew only the normalised form, which
-- they keep as given. Nullable, read as COALESCE(given_url, url): a replica still on the previous version, during a
-- rolling upgrade, inserts rows without it.
ALTER TABLE alation_integration ADD COLUMN given_url TEXT;
UPDATE alation_integration SET given_url = url;
