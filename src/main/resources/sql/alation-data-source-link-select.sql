SELECT data_source_name, alation_data_source_id FROM alation_data_source_link WHERE tenant_id = :#tenant
