-- What a job passed over in Alation's answers: {"count": N, "sample": [{"object", "id", "reason"}, ...]}.
ALTER TABLE mapping_job ADD COLUMN objects_skipped JSONB;
