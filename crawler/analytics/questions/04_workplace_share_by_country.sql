-- How are active postings split between onsite, hybrid and remote work, by country?
SELECT country,
       COALESCE(workplace_type, 'unknown') AS workplace_type,
       COUNT(*) AS postings,
       ROUND(100.0 * COUNT(*) / SUM(COUNT(*)) OVER (PARTITION BY country), 1) AS percent
FROM current_postings
GROUP BY country, COALESCE(workplace_type, 'unknown')
ORDER BY country, postings DESC, workplace_type;
