INSERT INTO openmetadata_data_source_link (tenant_id, data_source_name, service_name)
VALUES (:#tenant_id, :#data_source_name, :#service_name)
