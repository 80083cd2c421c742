-- Which skills grew fastest in Köln this quarter?
-- "This quarter" is the newest quarter the data reaches (so the query gives the same answer on an
-- old copy of the database); a posting counts in the quarter of its date_posted, else of the day
-- it was first seen. Growth = postings this quarter minus postings the quarter before.
WITH dated AS (
    SELECT skill, COALESCE(date_posted, first_seen_date) AS day
    FROM posting_skills_v
    WHERE city = 'Köln'
), quartered AS (
    SELECT skill,
           CAST(EXTRACT(YEAR FROM day) AS INTEGER) * 4 + (CAST(EXTRACT(MONTH FROM day) AS INTEGER) - 1) / 3 AS quarter
    FROM dated
), counted AS (
    SELECT skill,
           SUM(CASE WHEN quarter = (SELECT MAX(quarter) FROM quartered) THEN 1 ELSE 0 END) AS this_quarter,
           SUM(CASE WHEN quarter = (SELECT MAX(quarter) FROM quartered) - 1 THEN 1 ELSE 0 END) AS previous_quarter
    FROM quartered
    GROUP BY skill
)
SELECT skill, this_quarter, previous_quarter, this_quarter - previous_quarter AS growth
FROM counted
WHERE this_quarter > 0
ORDER BY growth DESC, this_quarter DESC, skill
LIMIT 10;
