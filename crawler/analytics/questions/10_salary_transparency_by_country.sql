-- How many active postings state a salary, by country?
SELECT country,
       COUNT(*) AS postings,
       SUM(CASE WHEN salary_min IS NOT NULL OR salary_max IS NOT NULL THEN 1 ELSE 0 END) AS with_salary,
       ROUND(100.0 * SUM(CASE WHEN salary_min IS NOT NULL OR salary_max IS NOT NULL THEN 1 ELSE 0 END)
             / COUNT(*), 1) AS salary_percent
FROM current_postings
GROUP BY country
ORDER BY postings DESC, country;
