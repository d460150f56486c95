INSERT INTO alation_data_source_link (tenant_id, data_source_name, alation_data_source_id)
VALUES (:#tenant_id, :#data_source_name, :#alation_data_source_id)
