SELECT catalog, count(*) AS pending, EXTRACT(EPOCH FROM now() - min(queued_at)) AS oldest_seconds
FROM quality_delivery
WHERE state = 'PENDING'
GROUP BY catalog
