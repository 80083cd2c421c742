-- How many postings appeared, closed and were open on each of the last 14 days in the data?
SELECT day,
       SUM(new_postings) AS new_postings,
       SUM(closed_postings) AS closed_postings,
       SUM(active_postings) AS active_postings
FROM daily_postings
GROUP BY day
ORDER BY day DESC
LIMIT 14;
