SELECT last_success_at, last_error_at, last_error_message, last_refused_at
FROM integration_health WHERE tenant_id = :#tenant AND catalog = :#catalog
