-- Which skills are asked for together with Python in active postings?
SELECT other.skill, COUNT(*) AS postings
FROM posting_skills_v python
JOIN posting_skills_v other ON other.posting_id = python.posting_id AND other.skill <> python.skill
WHERE python.skill = 'Python' AND python.status = 'active'
GROUP BY other.skill
ORDER BY postings DESC, other.skill
LIMIT 10;
