DELETE FROM alation_data_source_link WHERE tenant_id = :#tenant
