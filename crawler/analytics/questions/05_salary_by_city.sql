-- In which cities are advertised salaries highest?
-- Average full-time-equivalent yearly salary in EUR by city (employees working full time: no working
-- students, interns or freelancers annualised), for cities with at least two salaries.
SELECT country, city,
       COUNT(*) AS postings,
       ROUND(AVG(fte_yearly_mid_eur)) AS average_salary_eur,
       ROUND(MIN(fte_yearly_min_eur)) AS lowest_eur,
       ROUND(MAX(fte_yearly_max_eur)) AS highest_eur
FROM salaries_yearly
WHERE fte_yearly_mid_eur IS NOT NULL AND city IS NOT NULL
GROUP BY country, city
HAVING COUNT(*) >= 2
ORDER BY average_salary_eur DESC, city;
