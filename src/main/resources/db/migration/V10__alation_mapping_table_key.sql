-- Quality delivery (issue 11): Alation's Data Quality API names a table by its object key (the table's `key` field,
-- <ds_id>.<schema parts>.<name> quoted as Alation quotes them), never by id. Kept with the mapping so that delivery
-- needs no lookup; null for mappings made before this column, whose key the delivery looks up once and stores.
ALTER TABLE alation_mapping ADD COLUMN table_key TEXT;
