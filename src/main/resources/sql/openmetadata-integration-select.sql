SELECT i.given_url AS url,
       COALESCE((SELECT json_agg(json_build_object('data_source_name', l.data_source_name,
                                                   'service_name', l.service_name)
                                 ORDER BY l.data_source_name)
                 FROM openmetadata_data_source_link l WHERE l.tenant_id = i.tenant_id), '[]'::json)::text AS data_source_links,
       i.quality_push
FROM openmetadata_integration i WHERE i.tenant_id = :#tenant
