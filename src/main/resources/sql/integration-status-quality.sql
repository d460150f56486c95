SELECT count(*) FILTER (WHERE state = 'PENDING') AS pending,
       count(*) FILTER (WHERE state = 'FAILED') AS failed,
       min(queued_at) FILTER (WHERE state = 'PENDING') AS oldest_pending_at
FROM quality_delivery WHERE tenant_id = :#tenant AND catalog = :#catalog
