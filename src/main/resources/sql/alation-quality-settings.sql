SELECT quality_trust_flags AS trust_flags, quality_rich_text_field_id AS rich_text_field_id
FROM alation_integration WHERE tenant_id = :#tenant
