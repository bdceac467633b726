-- PostgreSQL only. The planner assumes skey and svalue independent and so guesses that
-- "spec.type = service" matches a few hundred rows when it matches a third of the components; it
-- then builds the whole match set before paging. Statistics on the pair give it the real counts,
-- and for a common value it walks the entities in page order and stops at the page.
CREATE STATISTICS catalog_search_key_value_stats (mcv, dependencies) ON skey, svalue FROM catalog_search;
