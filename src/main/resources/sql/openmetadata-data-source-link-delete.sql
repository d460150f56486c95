DELETE FROM openmetadata_data_source_link WHERE tenant_id = :#tenant
