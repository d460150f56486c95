SELECT asset_id FROM asset WHERE tenant_id = :#tenant AND asset_id = :#asset_id
