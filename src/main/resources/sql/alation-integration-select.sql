SELECT COALESCE(i.given_url, i.url) AS url, i.user_id, i.quality_push, i.quality_trust_flags,
       i.quality_rich_text_field_id,
       COALESCE((SELECT json_agg(json_build_object('data_source_name', l.data_source_name,
                                                   'alation_data_source_id', l.alation_data_source_id)
                                 ORDER BY l.data_source_name)
                 FROM alation_data_source_link l WHERE l.tenant_id = i.tenant_id), '[]'::json)::text AS data_source_links
FROM alation_integration i WHERE i.tenant_id = :#tenant
