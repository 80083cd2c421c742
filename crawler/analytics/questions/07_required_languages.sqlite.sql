-- Which human languages do active postings require, and at what level?
-- languages is a JSON list of {language, level}; SQLite unnests it with json_each.
SELECT json_extract(item.value, '$.language') AS language,
       COALESCE(json_extract(item.value, '$.level'), 'unstated') AS level,
       COUNT(*) AS postings
FROM postings p, json_each(p.languages) AS item
WHERE p.status = 'active'
GROUP BY 1, 2
ORDER BY postings DESC, language, level;
