-- Which human languages do active postings require, and at what level?
-- languages is a JSON list of {language, level}; PostgreSQL unnests it with json_array_elements.
SELECT item ->> 'language' AS language,
       COALESCE(item ->> 'level', 'unstated') AS level,
       COUNT(*) AS postings
FROM postings p
CROSS JOIN LATERAL json_array_elements(p.languages) AS item
WHERE p.status = 'active'
GROUP BY 1, 2
ORDER BY postings DESC, language, level;
