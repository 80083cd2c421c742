-- Which employers have the most active postings, in how many cities, and how many are cross-posted?
-- Cross-posted: the job has copies at more than one source (source_count > 1).
SELECT company,
       COUNT(*) AS active_postings,
       COUNT(DISTINCT city) AS cities,
       SUM(CASE WHEN source_count > 1 THEN 1 ELSE 0 END) AS cross_posted
FROM current_postings
WHERE company IS NOT NULL
GROUP BY company
ORDER BY active_postings DESC, company
LIMIT 10;
