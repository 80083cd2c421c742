-- What is the median full-time-equivalent salary at each seniority level?
-- Full-time-equivalent yearly EUR midpoints from salaries_yearly: employees working full time only, so a
-- working student's hourly wage or a freelancer's day rate is never annualised into the figures. SQLite has
-- no median function (PostgreSQL's percentile_cont does not exist there), so the median is taken with window
-- functions both run: the middle row, or the mean of the two middle rows.
WITH full_time AS (
    SELECT COALESCE(seniority, 'unknown') AS seniority, fte_yearly_mid_eur AS salary
    FROM salaries_yearly
    WHERE fte_yearly_mid_eur IS NOT NULL
), ranked AS (
    SELECT seniority, salary,
           ROW_NUMBER() OVER (PARTITION BY seniority ORDER BY salary) AS position,
           COUNT(*) OVER (PARTITION BY seniority) AS postings
    FROM full_time
)
SELECT seniority, AVG(salary) AS median_salary_eur, MAX(postings) AS postings
FROM ranked
WHERE position IN ((postings + 1) / 2, (postings + 2) / 2)
GROUP BY seniority
ORDER BY median_salary_eur DESC, seniority;
