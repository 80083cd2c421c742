-- In which cities do recruitment agencies post the largest share of active jobs?
SELECT city,
       COUNT(*) AS postings,
       SUM(CASE WHEN via_agency THEN 1 ELSE 0 END) AS via_agency,
       ROUND(100.0 * SUM(CASE WHEN via_agency THEN 1 ELSE 0 END) / COUNT(*), 1) AS agency_percent
FROM current_postings
WHERE city IS NOT NULL
GROUP BY city
ORDER BY agency_percent DESC, postings DESC, city;
