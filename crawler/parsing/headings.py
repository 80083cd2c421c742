"""Section headings of job ads: what a heading line announces, in English and German.

Headings are recognised by what they say (with or without a colon, numbers, emojis, capitals),
not by where they stand. The vocabulary is collected from real ads of boards and applicant-
tracking systems; each pattern matches a whole normalised heading.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["GROUP_KIND", "employer_from_headings", "heading_group", "heading_kind"]

# Patterns match a whole normalised heading (lower case, no numbering, emojis or
# trailing punctuation). Group order is priority: the first kind that matches wins.

_AND = r"\s*(?:and|und|&|\+|/|,)\s*"
_REQUIREMENTS = r"""
(?:(?:your|the|key|basic|minimum|required|requested|preferred|desired|desirable|essential|additional
|technical|soft|hard|general|job|role|position|candidate|personal|professional|core|necessary
|mandatory|relevant|ideal|dein|deine|ihr|ihre|euer|eure|unser|unsere|das|die|der|fachliche|fachlichen
|persönliche|persönlichen|technische|technischen|notwendige|notwendigen|erforderliche|erforderlichen
|gewünschte|gewünschten|wünschenswerte|formale|formalen|grundlegende|wichtige|wichtigsten|benötigte)\s+)*
(?:requirements?|qualifications?|skills|skill\s*set|experience|profile|background|expertise
|competencies|competences|knowledge|prerequisites|education|credentials|attributes|abilities
|capabilities|know-?how|strengths|superpowers|toolbox|toolkit|languages?|language\s+(?:skills|requirements)
|profil|anforderungsprofil|qualifikationsprofil|kompetenzprofil|wunschprofil|stellenprofil|bewerberprofil
|kandidatenprofil|idealprofil|anforderungen|anforderung|qualifikationen|qualifikation|voraussetzungen
|voraussetzung|einstellungsvoraussetzungen|mindestanforderungen|kenntnisse|fachkenntnisse|vorkenntnisse
|erfahrungen?|berufserfahrung|kompetenzen|fähigkeiten|fertigkeiten|rüstzeug|hintergrund|stärken
|talente?|qualitäten|mindset|sprachkenntnisse|sprachen)
(?:{_AND}(?:requirements|qualifications|skills|experience|expertise|competencies|education|attributes
|knowledge|abilities|background|profile|kompetenzen|fähigkeiten|kenntnisse|erfahrungen?|qualifikationen?
|anforderungen|profil|stärken))*
(?:\s+(?:required|needed|wanted|an\s+(?:dich|sie|euch|bewerber(?:innen)?|die\s+stelle)))?
|what\s+(?:you'?ll|you\s+will|you|you\s+should|you'd|you\s+would|we'?d\s+love\s+you\s+to)\s+(?:need|bring|have)
(?:\s+to\s+(?:succeed|be\s+successful|the\s+(?:table|team|role)))?
|what\s+(?:we|we'?re|we\s+are)\s+(?:looking\s+for|look\s+for|expect|need|require|seek|want|value
|(?:would\s+|'d\s+)?(?:love|like)\s+to\s+see)(?:\s+(?:from|in)\s+you)?
|what\s+we\s+need\s+from\s+you|what\s+you\s+need\s+to\s+(?:have|bring|succeed|know)|what\s+it\s+takes
|what\s+makes\s+you\s+(?:a\s+(?:great|good|strong)\s+(?:fit|match|candidate)|stand\s+out|successful)
|who\s+(?:you\s+are|we'?re\s+looking\s+for|we\s+are\s+looking\s+for|we\s+need|we\s+want|should\s+apply)
|about\s+you|you\s+are|you're|this\s+is\s+you|is\s+this\s+you|is\s+that\s+you|that'?s\s+you
|you\s+(?:have|bring|should\s+have|should\s+bring|will\s+have|ideally\s+have|ideally\s+bring|must\s+have
|need|possess|are\s+someone\s+who)|ideally,?\s+you\s+(?:have|bring|are)
|(?:we'?re|we\s+are)\s+looking\s+for(?:\s+(?:someone|you|people|a\s+person|candidates?))?(?:\s+(?:who|with|that))?
|must[- ]?haves?|muss(?:[- ]?kriterien|[- ]?anforderungen)?|(?:essential|minimum|basic|required)\s+(?:criteria|experience|skills)
|person\s+specification|(?:the\s+)?(?:person|candidate)(?:\s+specification)?|essentials?
|(?:the\s+)?successful\s+(?:candidate|applicant)s?(?:\s+(?:will|should|must|needs\s+to|is))?(?:\s+(?:have|be|bring|need|possess))?
|you(?:'ll|\s+will)\s+(?:bring|need|have)|wir\s+erwarten(?:\s+(?:von\s+(?:dir|ihnen|euch)))?|erwartet\s+wird|wir\s+setzen\s+voraus
|(?:nice[- ]?to[- ]?haves?|(?:good|great)\s+to\s+have|would\s+be\s+(?:a\s+)?(?:plus|nice|great|bonus))
|(?:extra|bonus)\s+points?(?:\s+(?:if|for))?(?:\s+you\s+have)?|(?:it'?s\s+a\s+|a\s+|big\s+)?plus(?:\s+if(?:\s+you\s+have)?)?
|pluses|(?:the\s+)?ideal\s+(?:candidate|applicant|profile|match)(?:\s+(?:will\s+have|has|is|would\s+have))?
|candidate\s+(?:profile|requirements)|applicant\s+requirements
|requirements?\s+for\s+(?:the|this)\s+(?:role|job|position)
|you(?:'ll|\s+will)\s+(?:thrive|succeed|excel|be\s+successful)(?:\s+(?:here|in\s+this\s+role))?(?:\s+if(?:\s+you)?)?
|this\s+(?:role|job)\s+is\s+for\s+you\s+if(?:\s+you)?
|(?:we'?d|we\s+would)\s+love\s+to\s+(?:hear\s+from|meet|talk\s+to)\s+you\s+if(?:\s+you(?:'re|\s+are|\s+have)?)?
|(?:apply|you\s+should\s+apply)\s+if(?:\s+you(?:'re|\s+are|\s+have)?)?
|you(?:'re|\s+are)\s+(?:a\s+)?(?:good\s+|great\s+|strong\s+|perfect\s+)?(?:fit|match)(?:\s+if(?:\s+you(?:'re|\s+are|\s+have)?)?)?
|you\s+(?:might|may|could|would|will)\s+be\s+an?\s+(?:good\s+|great\s+|strong\s+|perfect\s+)?(?:fit|match)
(?:\s+for\s+(?:this\s+role|us|the\s+role))?(?:\s+if(?:\s+you)?)?
|(?:was|das)\s+(?:du|sie|ihr)\s+(?:uns\s+|idealerweise\s+|unbedingt\s+|zusätzlich\s+|außerdem\s+|noch\s+)?
(?:mitbringst|mitbringen|mitbringt|brauchst|brauchen|draufhast|drauf\s+hast|können\s+solltest|können\s+solltet
|können\s+sollten|können\s+musst|können\s+müssen|haben\s+solltest|haben\s+sollten)(?:\s+(?:solltest|sollten|solltet|musst|müssen))?
|(?:das|dies|was|folgendes|damit|hiermit|womit)\s+(?:bringst|bringen|bringt|solltest|sollten|solltet|musst|müssen
|brauchst|brauchen|überzeugst|überzeugen|überzeugt|punktest|punkten|begeisterst|begeistern|kannst|können)
\s+(?:du|sie|ihr)(?:\s+(?:uns|bei\s+uns|idealerweise|unbedingt|außerdem|zusätzlich|dafür|noch))*
(?:\s+(?:mit|mitbringen|haben|können|punkten|überzeugen))?
|(?:womit|wodurch|damit|hiermit)\s+(?:du|sie|ihr)\s+(?:uns\s+)?(?:überzeugst|überzeugen|überzeugt|punktest|punkten
|begeisterst|begeistern)(?:\s+(?:kannst|können))?
|(?:das|was)\s+(?:zeichnet|macht)\s+(?:dich|sie|euch)\s+aus|(?:was|das)\s+(?:dich|sie|euch)\s+(?:auszeichnet|ausmacht)
|(?:dich|sie)\s+zeichnet\s+aus|(?:du\s+zeichnest\s+dich|sie\s+zeichnen\s+sich)\s+(?:aus|durch)(?:\s+durch)?
|(?:was|das)\s+wir\s+(?:von\s+(?:dir|ihnen|euch)\s+)?(?:erwarten|voraussetzen|suchen|uns\s+(?:von\s+(?:dir|ihnen)\s+)?wünschen)
|(?:das|was)\s+wünschen\s+wir\s+uns(?:\s+von\s+(?:dir|ihnen|euch))?|wen\s+wir\s+suchen|wen\s+suchen\s+wir
|wer\s+(?:du\s+bist|sie\s+sind|passt\s+zu\s+uns)|(?:das|so)\s+(?:bist\s+du|sind\s+sie)|du\s+bist|du\s+hast
|sie\s+haben|du\s+bringst(?:\s+mit)?|sie\s+bringen(?:\s+mit)?|(?:du\s+verfügst|sie\s+verfügen)\s+über
|idealerweise\s+(?:bringst\s+du|bringen\s+sie|hast\s+du|haben\s+sie)(?:\s+mit)?|wünschenswert|von\s+vorteil
|(?:das\s+)?wäre\s+(?:toll|super|schön|ein\s+plus)|pluspunkte?
|(?:darauf|worauf)\s+(?:kommt\s+es\s+(?:uns\s+)?an|legen\s+wir\s+wert|es\s+uns\s+ankommt|freuen\s+wir\s+uns)
|was\s+uns\s+wichtig\s+ist|(?:das|was)\s+ist\s+uns\s+wichtig
|(?:our\s+|job\s+|candidate\s+|role\s+)?expectations|(?:unsere\s+)?erwartungen(?:\s+an\s+(?:dich|sie))?
|dieser\s+job\s+ist\s+(?:perfekt\s+|genau\s+das\s+richtige\s+|etwas\s+)?für\s+dich,?\s+wenn(?:\s+du)?
"""
# Wishes on top of the requirements: their items are requirements only when the ad has no
# other profile section ("Preferred experience" on Welcome to the Jungle is the whole profile).
_NICE_TO_HAVE = r"""
nice[- ]?to[- ]?haves?|(?:good|great)\s+to\s+have|(?:it\s+)?would\s+be\s+(?:a\s+|an\s+)?(?:plus|nice|great|bonus|advantage)
|(?:extra|bonus)\s+points?(?:\s+(?:if|for))?(?:\s+you\s+have)?|(?:it'?s\s+a\s+|a\s+|big\s+)?plus(?:\s+if(?:\s+you\s+have)?)?|pluses
|(?:preferred|desired|desirable|additional|bonus|optional)\s+(?:qualifications?|skills|experience|requirements|criteria
|knowledge|competencies)|desirables?|desirable\s+criteria|preferred|optional
|wünschenswert(?:e\s+(?:qualifikationen|kenntnisse|anforderungen))?|(?:erwünscht|gewünscht)(?:\s+(?:sind|ist|wären))?|von\s+vorteil|pluspunkte?|kann(?:[- ]?kriterien)?
|(?:das\s+)?wäre\s+(?:toll|super|schön|ein\s+plus)|optional|idealerweise\s+(?:hast|bringst|kennst)\s+du(?:\s+mit)?(?:\s+auch)?
|(?:außerdem|darüber\s+hinaus|zusätzlich)\s+wünschen\s+wir\s+uns(?:,?\s+(?:wenn\s+möglich|idealerweise))?|wenn\s+möglich
"""
_RESPONSIBILITIES = r"""
(?:(?:your|the|key|main|core|primary|principal|major|essential|general|typical|daily|day[- ]to[- ]day
|job|role|position|specific)\s+)*
# "Roles & Responsibilities", "Role and Duties": the role named before its duties
(?:roles?{_AND})?(?:responsibilities|responsibility|duties|tasks|activities|accountabilities|remit|challenges)
(?:{_AND}(?:responsibilities|duties|tasks|activities|accountabilities))?
|(?:your\s+|key\s+)?areas?\s+of\s+(?:responsibility|focus)|responsibilities\s+(?:of|in)\s+(?:the|this)\s+(?:role|position|job)
|what\s+(?:you'?ll|you\s+will|you\s+would|will\s+you|would\s+you|you're\s+going\s+to|you\s+are\s+going\s+to|you)
\s+(?:be\s+)?(?:do|doing|work(?:ing)?\s+on|own|owning|achieve|drive|build|building|focus\s+on|be\s+responsible\s+for
|responsible\s+for|tackle|accomplish|contribute|deliver|create|get\s+to\s+do|make\s+happen)
|what\s+(?:the|this)\s+(?:role|job|position)\s+(?:involves|entails|looks\s+like|is\s+about)
|what\s+does\s+the\s+(?:role|job|position)\s+(?:involve|entail|look\s+like)|what'?s\s+the\s+(?:role|job)
|(?:the|your)\s+(?:role|job|mission|challenges?|impact|contribution|day[- ]to[- ]day|scope|assignment)
|(?:in\s+this\s+(?:role|position|job)|as\s+(?:a|an|our)\s+.{1,50}?),?\s+you(?:'ll|\s+will)(?:\s+(?:be|have|get\s+to))?
(?:\s+(?:responsible\s+for|expected\s+to|doing|work\s+on))?
|you(?:'ll|\s+will)(?:\s+(?:be\s+responsible\s+for|be\s+expected\s+to|work\s+on|get\s+to))?
|how\s+you(?:'ll|\s+will)\s+(?:contribute|make\s+an\s+impact|make\s+a\s+difference|spend\s+your\s+time|add\s+value)
|(?:a\s+)?day\s+in\s+the\s+life(?:\s+of\s+.{1,40})?|mission|impact|(?:your\s+)?(?:key\s+)?(?:objectives|deliverables|focus\s+areas)
|(?:role|job|position)\s+(?:responsibilities|duties|tasks|scope)|job\s+duties|essential\s+(?:job\s+)?(?:functions|duties)
|(?:main\s+|key\s+)?(?:duties|responsibilities|tasks)\s+(?:of|in)\s+the\s+(?:job|role|post|position)|scope\s+of\s+(?:work|the\s+role)
|detailed\s+job\s+description(?:\s+and\s+main\s+(?:responsibilities|duties))?|(?:your|the)\s+missions
|(?:das|was)\s+(?:lernst|machst)\s+du(?:\s+bei\s+uns)?|(?:das|was)\s+(?:lernen|machen)\s+sie(?:\s+bei\s+uns)?
|ausbildungsinhalte|(?:deine|ihre)\s+ausbildung(?:sinhalte)?
|what\s+your\s+(?:day|week|days)\s+(?:will\s+)?looks?\s+like
|(?:(?:deine|ihre|eure|die|zukünftigen|künftigen|neuen|spannenden|vielseitigen|abwechslungsreichen|wesentlichen
|wichtigsten|konkreten|typischen|täglichen|zentralen)\s+)*(?:haupt)?(?:aufgaben|aufgabe|aufgabengebiete?|aufgabenbereiche?
|aufgabenfelde?r?|aufgabenschwerpunkte|aufgabenbeschreibung|aufgabenstellung|tätigkeiten|tätigkeit|tätigkeitsbereiche?
|tätigkeitsfelde?r?|tätigkeitsbeschreibung|tätigkeitsschwerpunkte|verantwortlichkeiten|verantwortungsbereiche?
|verantwortung|arbeitsgebiete?|arbeitsbereiche?|einsatzgebiete?|einsatzbereiche?|schwerpunkte|herausforderungen?
|mission|rolle)(?:{_AND}(?:verantwortlichkeiten|verantwortung|tätigkeiten|aufgaben|ziele))?
|(?:dein|ihr|euer)\s+(?:job|beitrag|alltag|arbeitsalltag|arbeitsbereich|aufgabenbereich|aufgabengebiet
|verantwortungsbereich|einsatzgebiet|tätigkeitsbereich|wirkungsbereich|tag|part|impact)
|(?:was|das)\s+(?:du|sie|ihr)\s+(?:bei\s+uns\s+|hier\s+|konkret\s+|künftig\s+|zukünftig\s+)?(?:machst|macht|machen
|tust|tun|bewegst|bewegen|bewegt|gestaltest|gestalten|verantwortest|verantworten|erreichst|erreichen|bewirkst|bewirken
|anpackst|anpacken|übernimmst|übernehmen)(?:\s+(?:wirst|werden|wirst))?
|(?:das|was)\s+(?:machst|tust|bewegst|gestaltest|verantwortest|übernimmst)\s+(?:du|sie)(?:\s+bei\s+uns)?
|(?:das\s+sind|dies\s+sind|hier\s+sind)\s+(?:deine|ihre|eure)\s+aufgaben
|(?:wofür|dafür|hierfür)\s+(?:du|sie)\s+(?:verantwortlich\s+)?(?:bist|sind)(?:\s+verantwortlich)?
|(?:dafür|hierfür)\s+(?:bist\s+du|sind\s+sie)\s+verantwortlich
|(?:das|was)\s+gibt'?s\s+zu\s+tun|was\s+(?:gibt\s+es|ist)\s+zu\s+tun|was\s+zu\s+tun\s+ist
|(?:hier|damit|dabei)\s+(?:bringst\s+du\s+dich|bringen\s+sie\s+sich)\s+ein
"""
# Headings that may introduce tasks or benefits: the section's content decides.
_RESPONSIBILITIES_OR_BENEFITS = r"""
(?:was|das)\s+(?:dich|sie|euch)\s+erwartet|(?:das|was)\s+erwartet\s+(?:dich|sie|euch)|diese\s+aufgaben\s+erwarten\s+(?:dich|sie)
|what\s+to\s+expect|what\s+awaits\s+you
"""
_BENEFITS_OR_RESPONSIBILITIES = r"""
(?:was|das)\s+(?:dich|sie|euch)\s+bei\s+uns\s+erwartet|(?:das|was)\s+erwartet\s+(?:dich|sie|euch)\s+bei\s+uns
|what\s+you\s+can\s+expect(?:\s+from\s+us)?
"""
_BENEFITS = r"""
(?:(?:our|your|the|employee|additional|key|great|some|other|amazing|company|staff|exclusive|extra)\s+)*
(?:benefits|perks|rewards|total\s+rewards|offer|offering|offers|package|benefits?\s+package|incentives|advantages
|goodies|extras|privileges|(?:compensation|salary|pay)\s+(?:and|&)\s+(?:benefits|perks))(?:{_AND}(?:benefits|perks|rewards|culture|compensation))?
|what\s+(?:we|we'?re|we\s+are)\s+(?:offer|offering|can\s+offer|provide|providing|give|bring|have\s+(?:to\s+offer|for\s+you))
(?:\s+you)?(?:\s+in\s+return)?
|what\s+(?:you'?ll|you\s+will|you|you\s+can|do\s+you|can\s+you|will\s+you)\s+(?:get|gain|receive|enjoy|expect\s+from\s+us
|look\s+forward\s+to)(?:\s+(?:in\s+return|from\s+us|back))?
|what(?:'s|\s+is)\s+in\s+it\s+for\s+you|what'?s\s+on\s+offer|what\s+is\s+on\s+offer
|we\s+(?:offer|provide|give|have)(?:\s+you)?|we'?ll\s+(?:offer|give|provide)(?:\s+you)?
|in\s+return(?:,?\s+we\s+(?:offer|provide|give)(?:\s+you)?)?|here'?s\s+what\s+we\s+offer|our\s+(?:offer|promise|commitment)\s+to\s+you
|why\s+(?:us|join\s+us|join|work\s+(?:with|for|at)\s+us|you'?ll\s+love\s+(?:it\s+here|working\s+(?:here|with\s+us))|choose\s+us)
|(?:was\s+)?wir\s+bieten(?:\s+(?:dir|ihnen|euch))?(?:\s+(?:an|dafür|als\s+arbeitgeber))?|(?:das|was)\s+bieten\s+wir(?:\s+(?:dir|ihnen|euch))?
|was\s+wir\s+(?:dir|ihnen|euch)\s+(?:bieten|geben)(?:\s+(?:können|werden))?|was\s+(?:bieten|haben)\s+wir(?:\s+(?:dir|ihnen|euch))?(?:\s+zu\s+bieten)?
|(?:das|was)\s+haben\s+wir\s+(?:dir|ihnen|euch)\s+zu\s+bieten|was\s+wir\s+(?:dir|ihnen|euch)\s+zu\s+bieten\s+haben
|wir\s+haben\s+(?:dir|ihnen|euch)\s+(?:einiges|viel|eine\s+menge)\s+zu\s+bieten
|(?:(?:unser|unsere|das|deine|ihre|eure|die|attraktive|attraktiven)\s+)*(?:angebot|leistungen|leistungsangebot|benefits
|vorteile|vorzüge|mehrwerte?|mitarbeiterbenefits|mitarbeitervorteile|zusatzleistungen|(?:vergütung|gehalt)\s+(?:und|&)\s+benefits)
(?:{_AND}(?:benefits|vorteile|perspektiven|entwicklungsmöglichkeiten))?(?:\s+(?:an|für)\s+(?:dich|sie|euch))?
|(?:unser|unsere|deine|ihre|eure)\s+(?:extras|sozialleistungen|perspektiven?
|entwicklungsmöglichkeiten)(?:{_AND}(?:benefits|vorteile|perspektiven|entwicklungsmöglichkeiten))?
|(?:darauf|worauf)\s+(?:kannst|darfst|können|dürfen|könnt|dürft)\s+(?:du|sie|ihr)\s+(?:dich|sich|euch)\s+freuen
|(?:darauf|worauf)\s+(?:du|sie|ihr)\s+(?:dich|sich|euch)\s+freuen\s+(?:kannst|darfst|können|dürfen|könnt|dürft)
|freu(?:e|en)?\s+(?:dich|euch)\s+auf|freuen\s+sie\s+sich\s+auf
|(?:was|das)\s+(?:du|sie|ihr)\s+(?:von\s+uns\s+)?(?:bekommst|bekommen|bekommt|erhältst|erhalten|erhaltet|kriegst|kriegen)(?:\s+von\s+uns)?
|(?:das|was)\s+(?:bekommst|erhältst|kriegst|bekommen|erhalten)\s+(?:du|sie|ihr)(?:\s+(?:von\s+uns|dafür|bei\s+uns))?
|(?:das|was)\s+geben\s+wir\s+(?:dir|ihnen|euch)(?:\s+zurück)?|das\s+gibt'?s\s+(?:von\s+uns|dafür|bei\s+uns|obendrauf)
|(?:das|was)\s+(?:kannst|können|darfst|dürfen)\s+(?:du|sie)\s+(?:von\s+uns\s+)?erwarten
|was\s+(?:du|sie)\s+(?:von\s+uns\s+)?erwarten\s+(?:kannst|können|darfst|dürfen)
|(?:das|was)\s+spricht\s+für\s+uns|was\s+für\s+uns\s+spricht|warum\s+(?:wir|uns|zu\s+uns|du\s+zu\s+uns\s+kommen\s+solltest)
|(?:gute\s+)?gründe,?\s+(?:für\s+uns|zu\s+uns\s+zu\s+kommen|bei\s+uns\s+zu\s+arbeiten)|deshalb\s+(?:zu\s+)?uns|darum\s+(?:wir|uns)
|wir\s+(?:bieten|geben)|unser\s+versprechen|(?:dein|ihr)\s+(?:paket|gehaltspaket|mehrwert|plus)|das\s+plus\s+für\s+(?:dich|sie)
|(?:das|was)\s+bietet\s+(?:ihnen\s+|dir\s+|euch\s+)?(?:unser|der|die|ein)\s+(?:kunde|mandant|auftraggeber|klient|arbeitgeber)(?:\s+(?:dir|ihnen|euch))?
|unser\s+(?:kunde|mandant|auftraggeber)\s+bietet(?:\s+(?:dir|ihnen|euch))?|(?:the\s+|our\s+)?package|remuneration(?:\s+package)?
|(?:what\s+)?(?:you|we)\s+(?:get|can\s+offer(?:\s+you)?)|you(?:'ll|\s+will)\s+(?:get|receive|enjoy)|what\s+we\s+can\s+offer(?:\s+you)?
|(?:the|our|your)\s+(?:rewards?|benefits?\s+and\s+perks)|what'?s\s+on\s+offer
|(?:zusätzlich|außerdem|darüber\s+hinaus)\s+bieten\s+wir(?:\s+(?:dir|ihnen|euch))?
"""
# Pay headings: a section of pay and perks ("Compensation: $140K…, health insurance, …") is the
# benefits; a salary line alone is not.
_PAY_OR_BENEFITS = r"""
compensation|(?:total\s+)?remuneration|(?:the\s+)?pay|salary|vergütung|gehalt|(?:dein|ihr|unser)\s+gehalt
"""
_COMPANY = r"""
about\s+(?:us|the\s+company|the\s+employer|the\s+organi[sz]ation|our\s+company|the\s+business|the\s+client|our\s+client|the\s+firm)
|who\s+(?:we\s+are|are\s+we)|we\s+are|this\s+is\s+us|that'?s\s+us|meet\s+(?:us|the\s+company)|get\s+to\s+know\s+us
|our\s+(?:company|story|mission|vision|values|culture|purpose|history|client)|the\s+company
|company(?:\s+(?:description|profile|overview|information|info|introduction|background|summary))?|(?:the\s+)?employer|(?:your|our)\s+(?:new\s+|future\s+)?employer
|(?:our\s+)?client|culture|company\s+(?:and|&)\s+culture|the\s+organi[sz]ation
|über\s+(?:uns|das\s+unternehmen|die\s+firma|den\s+arbeitgeber|unser\s+unternehmen|unseren\s+(?:kunden|mandanten)|den\s+kunden)
|wir\s+über\s+uns|wer\s+(?:wir\s+sind|sind\s+wir)|(?:das|so)\s+sind\s+wir|wir\s+sind|wir\s+stellen\s+uns\s+vor
|(?:dein|ihr|euer|der|unser)\s+(?:neuer?\s+|zukünftiger?\s+)?arbeitgeber|arbeitgeber|(?:das|unser|zum)\s+unternehmen|unternehmen
|unternehmens(?:profil|beschreibung|porträt|portrait|kultur)|firmen(?:profil|porträt)
|(?:unsere|die)\s+(?:geschichte|mission|vision|werte|kultur|philosophie|unternehmenskultur)
|(?:lerne|lernen\s+sie)\s+uns\s+kennen|uns\s+kennenlernen|unser\s+(?:kunde|mandant|auftraggeber)
|(?:zu|über)\s+unserem\s+(?:kunden|mandanten)|das\s+unternehmen\s+unseres\s+kunden
|working\s+for\s+(?:our|the)\s+(?:organi[sz]ation|company|trust|team)|(?:about|working\s+at)\s+our\s+(?:organi[sz]ation|trust|school|hospital)
"""
# "About the role"-type headings: descriptive text, kind "other"; their bullets count
# as responsibilities when the ad has no task section of its own.
_ROLE = r"""
about\s+(?:the|this)\s+(?:role|job|position|opportunity|vacancy|assignment|project)|(?:the\s+)?opportunity
|(?:role|job|position)\s+(?:overview|summary|description|details|purpose|profile)|description|overview|summary
|über\s+(?:die|diese)\s+(?:stelle|position|rolle|aufgabe)|über\s+den\s+job|(?:die|zur)\s+(?:stelle|position)
|stellenbeschreibung|jobbeschreibung|positionsbeschreibung|beschreibung|zum\s+job|projektbeschreibung|projektdetails
|project\s+(?:description|details|overview)|job\s+overview|(?:the\s+)?job\s+brief
"""
_OTHER = r"""
contact(?:\s+(?:person|details|information|info|us))?|(?:your|our)\s+contact(?:\s+person)?|how\s+to\s+apply|to\s+apply
|apply\s+(?:now|today|here|online)|jetzt\s+bewerben
|application(?:\s+(?:process|procedure|details|instructions))?|(?:the\s+|our\s+)?(?:hiring|recruitment|recruiting|interview
|application|selection)\s+process|next\s+steps|what(?:'s|\s+is|\s+happens)\s+next|(?:are\s+you\s+)?interested
|sounds?\s+(?:good|interesting|like\s+you|like\s+a\s+match|exciting)|does\s+this\s+sound\s+like\s+you
|ready\s+to\s+(?:apply|join(?:\s+us)?|make\s+an\s+impact|take\s+the\s+next\s+step)|join\s+(?:us|our\s+team)
|equal\s+(?:opportunity|opportunities|employment)(?:\s+employer)?(?:\s+statement)?|eeo(?:\s+statement)?
|diversity(?:\s+(?:and|&)\s+inclusion)?|inclusion|accommodations?|compliance
|(?:pay|salary|compensation)(?:\s+range)?\s+transparency|(?:additional|further|more|other|important)\s+(?:information|info|details)
|good\s+to\s+know|(?:job|key)\s+(?:details|facts|information)|details|facts|(?:the\s+)?(?:job|role)\s+at\s+a\s+glance|at\s+a\s+glance
|(?:work\s+|job\s+)?locations?|workplace|working\s+hours|hours|schedule|salary(?:\s+range)?|compensation|pay(?:\s+range)?|base\s+salary
|start(?:ing)?\s+date|reference|job\s+id|requisition\s+id|notes?|disclaimer|privacy(?:\s+notice|\s+policy)?|data\s+protection
|miscellaneous|(?:any\s+|have\s+|got\s+)?questions|(?:the|your|our)\s+team|about\s+the\s+team|team|meet\s+the\s+team
|kontakt(?:daten|person|informationen)?|(?:dein|ihr|deine|ihre|unser|unsere)\s+(?:ansprechpartner(?:in)?|ansprechperson|kontakt
|kontaktperson|recruiter(?:in)?)|ansprechpartner(?:in|\*in|:in)?|ansprechperson|(?:deine\s+|ihre\s+)?bewerbung
|so\s+(?:bewirbst\s+du\s+dich|bewerben\s+sie\s+sich|geht'?s\s+weiter)|(?:der\s+|unser\s+)?bewerbungs(?:prozess|verfahren|ablauf|hinweise)
|ablauf|wie\s+geht(?:\s+es|'?s)\s+weiter|(?:die\s+)?nächsten\s+schritte|interesse(?:\s+geweckt)?
|(?:haben|hat)\s+wir\s+(?:dein|ihr|euer)\s+interesse\s+geweckt|neugierig(?:\s+geworden)?
|klingt\s+(?:gut|spannend|interessant|nach\s+dir|das\s+nach\s+dir)|hört\s+sich\s+(?:das\s+)?(?:gut|spannend)\s+an
|(?:bist\s+du|sind\s+sie|seid\s+ihr)\s+(?:interessiert|dabei|bereit|überzeugt|neugierig)|interessiert|lust\s+auf\s+.{2,40}
|worauf\s+wartest\s+du\s+noch|bewirb\s+dich(?:\s+jetzt)?|(?:noch\s+|hast\s+du\s+|haben\s+sie\s+)?fragen
|(?:weitere|zusätzliche|sonstige|wichtige)\s+(?:informationen|infos|hinweise|angaben)|gut\s+zu\s+wissen|wissenswertes|sonstiges
|hinweise?|datenschutz(?:hinweise?)?|chancengleichheit|vielfalt|diversität|inklusion|(?:der\s+)?standorte?|arbeitsort|einsatzort
|arbeitszeit(?:en)?|(?:dein\s+|ihr\s+)?gehalt|gehaltsrahmen|vergütung|(?:die\s+)?eckdaten|(?:die\s+)?fakten|auf\s+einen\s+blick
|kurz\s+und\s+knapp|im\s+überblick|eintrittsdatum|eintrittstermin|startdatum|referenznummer|kennziffer|stellen-?id|job-?id
|(?:das|dein|ihr|unser)\s+team|über\s+das\s+team|wir\s+freuen\s+uns\s+auf\s+(?:deine|ihre|eure)\s+bewerbung
|(?:the\s+)?(?:work(?:ing)?|physical)\s+(?:environment|conditions|demands|requirements)|physical\s+demands?|terms
|(?:contract\s+)?terms(?:\s+and\s+conditions)?|(?:der\s+)?rahmen(?:bedingungen)?|konditionen|(?:shift\s+and\s+)?schedule|shifts?
|(?:job|company)\s+overview\s+facts|work\s+location|travel(?:\s+requirements)?|reisetätigkeit|arbeitsbedingungen
"""
# Posting-date lines: header facts at the top, the end of a section further down.
_META = r"""
(?:posted|reposted|published|updated|erschienen|veröffentlicht|online\s+seit|aktualisiert)(?:\s+(?:on|am))?:?\s+.{1,30}
"""
_HEADING = re.compile(
    "|".join(
        f"(?P<{name}>{pattern.replace('{_AND}', _AND)})"
        for name, pattern in (
            ("nice_to_have", _NICE_TO_HAVE),
            ("requirements", _REQUIREMENTS),
            ("responsibilities_or_benefits", _RESPONSIBILITIES_OR_BENEFITS),
            ("benefits_or_responsibilities", _BENEFITS_OR_RESPONSIBILITIES),
            ("responsibilities", _RESPONSIBILITIES),
            ("benefits", _BENEFITS),
            ("pay_or_benefits", _PAY_OR_BENEFITS),
            ("company", _COMPANY),
            ("role", _ROLE),
            ("other", _OTHER),
            ("meta", _META),
        )
    ),
    re.VERBOSE,
)
# The section kind of each heading group; groups keep distinctions the splitter needs (a nice-to-have
# block, headings decided by content, pay headings).
GROUP_KIND = {
    "nice_to_have": "requirements",
    "requirements": "requirements",
    "responsibilities": "responsibilities",
    "responsibilities_or_benefits": "responsibilities",
    "benefits": "benefits",
    "benefits_or_responsibilities": "benefits",
    "company": "company",
    "pay_or_benefits": "other",
    "role": "other",
    "other": "other",
    "meta": "other",
    # headings read from their shape and the meaning of their words (crawler.parsing.heading_meaning)
    "inferred_responsibilities": "responsibilities",
    "inferred_requirements": "requirements",
    "inferred_benefits": "benefits",
    "inferred_company": "company",
    "inferred_other": "other",
    # a heading-shaped line whose words say nothing of a kind: its items decide (else "other")
    "unlabelled": "other",
}
# "About ALDI", "Über die Muster GmbH", "Why Acme?", "Warum ALDI?": a name after the word.
_NAMED_HEADING = re.compile(
    r"(?P<word>about|über|why|warum)\s+(?:(?:the|die|der|den|das)\s+)?(?P<name>\S.{0,40})", re.IGNORECASE
)
_NOT_A_NAME = re.compile(
    r"\d|%|€|\$|\b(?:this|diese[rsn]?|you|dich|sie|euch|your|role|job|team|stelle|position|rolle|aufgaben?"
    r"|tätigkeit|abteilung|projekt|opportunity|department|project|tasks|bewerbung|application"
    # "About Our Stack", "Über unsere Werte": what the employer has, not its name
    r"|our|unser\w*|uns|us|we|wir|my|mein\w*)\b",
    re.IGNORECASE,
)
# "Deine Aufgaben bei uns", "Your tasks at Acme", "Ihr Profil als Data Engineer (m/w/d)".
# A free name only after bei/at/als/as and a two-word head, so that items such as
# "Erfahrung als Entwickler" or "Experience with Python" stay items.
_HEADING_SUFFIX = re.compile(r"\s(?:bei|at|als|as|with|mit|für|for|in|im|auf|on|an|zum|zur|innerhalb|within)\s")
_FIXED_SUFFIX = re.compile(
    r"(?:uns|us|dich|dir|sie|ihnen|euch|you|(?:the|our|unserem|dem|im)\s+team|team|this\s+role|the\s+role"
    r"|dieser\s+rolle|der\s+rolle|überblick|detail|a\s+glance|einen\s+blick|a\s+nutshell|kürze"
    r"|der\s+(?:lehre|ausbildung)|(?:the\s+)?(?:internship|apprenticeship)|(?:dem|deinem|ihrem)\s+(?:praktikum|studium))"
)
_FREE_SUFFIX_WORDS = frozenset({"bei", "at", "als", "as"})
_SUFFIX_VERB = re.compile(
    r"\b(?:is|are|was|were|include|includes|will|can|have|has|ist|sind|wird|werden|kann|können|hat|haben|gibt)\b"
)
_LIST_TAIL = re.compile(r"\s(?:will\s+)?(?:include|includes|are|sind|umfassen|umfasst|include\s+the\s+following)$")

_EDGES = re.compile(r"[\W_]*(?:(?:\d{1,2}|[ivx]{1,4}|[a-h])[.)]\s+[\W_]*)?(.*?)[\W_]*", re.DOTALL)
_PARENTHESES = re.compile(r"\s*\([^)]{0,40}\)")
_APOSTROPHES = ("\u2018", "\u2019", "\u00b4", "`")


def _normalise_heading(line: str) -> str:
    text = line
    for apostrophe in _APOSTROPHES:
        if apostrophe in text:
            text = text.replace(apostrophe, "'")
    if "(" in text:
        # "(optional)", "(mandatory)" over a list: the label itself stands in parentheses
        bare = text.strip(" \t*_:")
        text = bare[1:-1] if bare.startswith("(") and bare.endswith(")") and bare.count("(") == 1 else (
            _PARENTHESES.sub("", text))
    text = _EDGES.fullmatch(text).group(1)
    return " ".join(text.split()).lower()


_JOINED_PARTS = re.compile(r" (?:and|und|&) ")


@lru_cache(maxsize=8192)  # the header reader and the splitter ask about the same lines
def heading_group(line: str) -> str | None:
    """The heading group ``line`` belongs to (see ``GROUP_KIND``), or None."""
    if len(line) > 90 or line.count(" ") > 12:
        return None
    text = _normalise_heading(line)
    if not text or text.count(" ") > 9:
        return None
    match = _HEADING.fullmatch(text)
    if match is not None:
        return match.lastgroup
    if text.count(" ") <= 8:
        tail = _LIST_TAIL.search(text)
        if tail is not None and (match := _HEADING.fullmatch(text[: tail.start()])):
            return match.lastgroup
        if not line.rstrip().endswith("."):
            for suffix in _HEADING_SUFFIX.finditer(text):
                head, rest = text[: suffix.start()], text[suffix.end():]
                free = suffix.group().strip() in _FREE_SUFFIX_WORDS and " " in head
                if _FIXED_SUFFIX.fullmatch(rest) or (free and rest.count(" ") <= 5 and not _SUFFIX_VERB.search(rest)):
                    if match := _HEADING.fullmatch(head):
                        return match.lastgroup
        joined = _JOINED_PARTS.search(text)
        if joined and (match := _HEADING.fullmatch(text[: joined.start()])):
            # "Working Conditions and Physical Effort": a known heading joined to a short second one
            rest = text[joined.end():]
            other = _HEADING.fullmatch(rest)
            if (GROUP_KIND[other.lastgroup] == GROUP_KIND[match.lastgroup]) if other else rest.count(" ") <= 2:
                return match.lastgroup
    named = _NAMED_HEADING.fullmatch(_EDGES.fullmatch(line.strip()).group(1))
    if named and named.group("name")[0].isupper() and named.group("name").count(" ") <= 3:
        if not _NOT_A_NAME.search(named.group("name")):
            return "company" if named.group("word").lower() in ("about", "über") else "benefits"
    return None


def heading_kind(line: str) -> str | None:
    """Classify ``line`` as a section heading.

    Returns "company", "responsibilities", "requirements", "benefits" or "other"
    (contact, how to apply, about the role, location, "Interested?"…), or None when the
    line is not a heading. The whole line must be the heading; a trailing colon,
    numbering, emojis, markdown and capitals are ignored.
    """
    group = heading_group(line)
    return GROUP_KIND[group] if group else None


def employer_from_headings(headings: list[tuple[str, str]]) -> str | None:
    """The employer an about heading names ("About Lumen Atlas", "Über die Muster GmbH"), from
    :attr:`Sections.headings`; None for generic ones ("About us", "Über das Unternehmen")."""
    for kind, heading in headings:
        if kind != "company":
            continue
        text = _EDGES.fullmatch(heading.strip()).group(1)
        named = _NAMED_HEADING.fullmatch(text)
        if (named and named.group("word").lower() in ("about", "über")
                and _HEADING.fullmatch(_normalise_heading(heading)) is None):
            return named.group("name").strip()
    return None
