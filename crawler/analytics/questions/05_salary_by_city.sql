-- In which cities are advertised salaries highest?
-- Average yearly salary in EUR by city, for cities with at least two salaries.
SELECT country, city,
       COUNT(*) AS postings,
       ROUND(AVG(yearly_mid_eur)) AS average_salary_eur,
       ROUND(MIN(yearly_min_eur)) AS lowest_eur,
       ROUND(MAX(yearly_max_eur)) AS highest_eur
FROM salaries_yearly
WHERE yearly_mid_eur IS NOT NULL AND city IS NOT NULL
GROUP BY country, city
HAVING COUNT(*) >= 2
ORDER BY average_salary_eur DESC, city;
