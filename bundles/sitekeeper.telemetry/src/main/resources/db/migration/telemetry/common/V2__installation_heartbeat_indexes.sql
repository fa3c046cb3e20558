-- Every heartbeat updates its installation's row. An index on a column a heartbeat changes (last_heartbeat) is
-- rewritten on every heartbeat, and on PostgreSQL any index on a changed column also rules out HOT updates.
-- The jobs that read last_heartbeat scan the table once an hour, which needs no index. The cms index made
-- PostgreSQL look installations up by cms instead of by their unique key (merchant_id, cms, site_key) while the
-- table had no statistics yet; a CMS filter or breakdown scans the table just as fast at fleet sizes.
DROP INDEX telemetry_installation_heartbeat_idx;
DROP INDEX telemetry_installation_cms_idx;
