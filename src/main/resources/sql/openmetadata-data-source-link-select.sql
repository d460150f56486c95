SELECT data_source_name, service_name FROM openmetadata_data_source_link WHERE tenant_id = :#tenant
