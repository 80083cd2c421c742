-- What is the median advertised salary of senior data scientists, engineers and analysts, by city?
-- Yearly EUR midpoints from salaries_yearly. SQLite has no median function (PostgreSQL's percentile_cont
-- does not exist there), so the median is taken with window functions both run: the middle row, or the
-- mean of the two middle rows.
WITH senior_data AS (
    SELECT city, yearly_mid_eur AS salary
    FROM salaries_yearly
    WHERE seniority IN ('senior', 'lead')
      AND LOWER(title) LIKE '%data%'
      AND yearly_mid_eur IS NOT NULL
      AND city IS NOT NULL
), ranked AS (
    SELECT city, salary,
           ROW_NUMBER() OVER (PARTITION BY city ORDER BY salary) AS position,
           COUNT(*) OVER (PARTITION BY city) AS postings
    FROM senior_data
)
SELECT city, AVG(salary) AS median_salary_eur, MAX(postings) AS postings
FROM ranked
WHERE position IN ((postings + 1) / 2, (postings + 2) / 2)
GROUP BY city
ORDER BY median_salary_eur DESC, city;
