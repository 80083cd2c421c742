"""Split a clean job-ad description into company text, tasks, requirements and benefits.

Input is the text :func:`crawler.parsing.text.clean_text` produces: one line per
heading, paragraph or ``- `` bullet, blank lines between paragraphs. Headings are
recognised by what they say (English and German, with or without a colon, numbers,
emojis, capitals), not by position. Items keep their wording: the bullet marker and a
trailing list comma or semicolon go, sentence-final punctuation stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from crawler.parsing.employer import looks_like_company
from crawler.parsing.text import is_chrome_line

__all__ = ["Sections", "employer_from_headings", "heading_kind", "split_sections"]


@dataclass
class Sections:
    """The parts of a job ad; lists are empty (never guessed) when a part is absent."""

    company_description: str | None = None
    responsibilities: list[str] = field(default_factory=list)
    requirements: list[str] = field(default_factory=list)
    benefits: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)
    """Items under other headings (contact, how to apply, about the role…)."""
    headings: list[tuple[str, str]] = field(default_factory=list)
    """Every heading found, in order, as ``(kind, heading line)``."""


# --- heading vocabulary --------------------------------------------------------------
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
|dieser\s+job\s+ist\s+(?:perfekt\s+|genau\s+das\s+richtige\s+|etwas\s+)?für\s+dich,?\s+wenn(?:\s+du)?
"""
# Wishes on top of the requirements: their items are requirements only when the ad has no
# other profile section ("Preferred experience" on Welcome to the Jungle is the whole profile).
_NICE_TO_HAVE = r"""
nice[- ]?to[- ]?haves?|(?:good|great)\s+to\s+have|(?:it\s+)?would\s+be\s+(?:a\s+|an\s+)?(?:plus|nice|great|bonus|advantage)
|(?:extra|bonus)\s+points?(?:\s+(?:if|for))?(?:\s+you\s+have)?|(?:it'?s\s+a\s+|a\s+|big\s+)?plus(?:\s+if(?:\s+you\s+have)?)?|pluses
|(?:preferred|desired|desirable|additional|bonus|optional)\s+(?:qualifications?|skills|experience|requirements|criteria
|knowledge|competencies)|desirables?|desirable\s+criteria|preferred|optional
|wünschenswert(?:e\s+(?:qualifikationen|kenntnisse|anforderungen))?|von\s+vorteil|pluspunkte?|kann(?:[- ]?kriterien)?
|(?:das\s+)?wäre\s+(?:toll|super|schön|ein\s+plus)|optional|idealerweise\s+(?:hast|bringst|kennst)\s+du(?:\s+mit)?(?:\s+auch)?
"""
_RESPONSIBILITIES = r"""
(?:(?:your|the|key|main|core|primary|principal|major|essential|general|typical|daily|day[- ]to[- ]day
|job|role|position|specific)\s+)*(?:responsibilities|responsibility|duties|tasks|activities|accountabilities|remit)
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
|application(?:\s+(?:process|procedure|details|instructions))?|(?:the\s+|our\s+)?(?:hiring|recruitment|recruiting|interview
|application|selection)\s+process|next\s+steps|what(?:'s|\s+is|\s+happens)\s+next|(?:are\s+you\s+)?interested
|sounds?\s+(?:good|interesting|like\s+you|like\s+a\s+match|exciting)|does\s+this\s+sound\s+like\s+you
|ready\s+to\s+(?:apply|join(?:\s+us)?|make\s+an\s+impact|take\s+the\s+next\s+step)|join\s+(?:us|our\s+team)
|equal\s+(?:opportunity|opportunities|employment)(?:\s+employer)?(?:\s+statement)?|eeo(?:\s+statement)?
|diversity(?:\s+(?:and|&)\s+inclusion)?|inclusion|accommodations?|(?:additional|further|more|other|important)\s+(?:information|info|details)
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
|(?:contract\s+)?terms(?:\s+and\s+conditions)?|rahmenbedingungen|konditionen|(?:shift\s+and\s+)?schedule|shifts?
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
_GROUP_KIND = {
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
}
# "About ALDI", "Über die Muster GmbH", "Why Acme?", "Warum ALDI?": a name after the word.
_NAMED_HEADING = re.compile(
    r"(?P<word>about|über|why|warum)\s+(?:(?:the|die|der|den|das)\s+)?(?P<name>\S.{0,40})", re.IGNORECASE
)
_NOT_A_NAME = re.compile(
    r"\d|%|€|\$|\b(?:this|diese[rsn]?|you|dich|sie|euch|your|role|job|team|stelle|position|rolle|aufgaben?"
    r"|tätigkeit|abteilung|projekt|opportunity|department|project|tasks|bewerbung|application)\b",
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
        text = _PARENTHESES.sub("", text)
    text = _EDGES.fullmatch(text).group(1)
    return " ".join(text.split()).lower()


@lru_cache(maxsize=8192)  # the header reader and the splitter ask about the same lines
def _match_heading(line: str) -> str | None:
    """The heading group ``line`` belongs to (see ``_GROUP_KIND``), or None."""
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
    group = _match_heading(line)
    return _GROUP_KIND[group] if group else None


# --- content cues --------------------------------------------------------------------
# Used only where a heading does not decide: ambiguous headings ("Was dich erwartet")
# and ads without any section heading.

_TASK_CUE = re.compile(
    r"^(?:you(?:'ll|\s+will)\s+)?(?:develop|design|build|create|implement|lead|manage|own|drive|support|work|collaborate"
    r"|coordinate|maintain|analy[sz]e|ensure|define|plan|conduct|deliver|write|review|monitor|optimi[sz]e|improve|help"
    r"|take|partner|establish|identify|prepare|present|research|contribute|shape|steer|operate|test|deploy|mentor|guide"
    r"|report|handle|run|set\s+up|act|advise|oversee|execute|communicate|evaluate|automate|architect|integrate|document)\b"
    r"|\byou(?:'ll|\s+will)\s+(?!have|bring|need)|\bresponsib"
    r"|\b(?:du|sie)\s+(?:entwickel(?:st|n)|gestalte(?:st|n)|übernimmst|übernehmen|arbeitest|betreu(?:st|en)|unterstützt"
    r"|verantworte(?:st|n)|kümmerst|plan(?:st|en)|analysier(?:st|en)|führ(?:st|en)|koordinier(?:st|en)|konzipier(?:st|en)"
    r"|erstell(?:st|en)|sorg(?:st|en)|treib(?:st|en)|baust|implementier(?:st|en)|optimier(?:st|en)|begleite(?:st|n)"
    r"|berätst|berate|steuer(?:st|n)|bist\s+verantwortlich|sind\s+verantwortlich)\b"
    r"|^(?:entwicklung|konzeption|planung|durchführung|betreuung|steuerung|koordination|erstellung|umsetzung|analyse"
    r"|optimierung|unterstützung|mitarbeit|mitwirkung|pflege|aufbau|weiterentwicklung|implementierung|beratung"
    r"|bearbeitung|überwachung|sicherstellung|dokumentation|organisation|leitung|führung|erarbeitung|abstimmung"
    r"|übernahme|gestaltung|begleitung|schulung|vorbereitung|einführung|administration|wartung)\b",
    re.IGNORECASE,
)
_REQUIREMENT_CUE = re.compile(
    r"\b(?:experience|erfahrung\w*|\w*kenntnisse?|knowledge|degree|studium|ausbildung|abschluss|qualifi\w+|skills?"
    r"|fähigkeit\w*|proficien\w+|fluent|fließend|verhandlungssicher|years?|jahre\w*|\w+jährige\w*|familiar\w*|vertraut"
    r"|understanding|verständnis|ability|able\s+to|bachelor|master|phd|you\s+have|you\s+are|du\s+hast|du\s+bist"
    r"|du\s+bringst|sie\s+haben|sie\s+verfügen|sie\s+bringen|verfügst|umgang|ausgeprägte\w*|fundierte\w*|idealerweise"
    r"|wünschenswert|von\s+vorteil|nice\s+to\s+have|team\s*player|teamfähig\w*|zuverlässig\w*|kommunikationsstärke"
    r"|führerschein|mindset|hands-on|expertise|certif\w+|zertifi\w+)\b",
    re.IGNORECASE,
)
_BENEFIT_CUE = re.compile(
    r"\b(?:urlaub\w*|\w*urlaub|vacation|holidays?|days\s+off|paid\s+time\s+off|gehalt\w*|salary|vergütung|bonus\w*"
    r"|home\s*-?office|remote|mobile[sn]?\s+arbeiten|flexib\w+|gleitzeit|weiterbildung\w*|fortbildung\w*|training"
    r"|learning\s+budget|entwicklungsmöglichkeit\w*|karriere\w*|career|jobrad|bike|fahrrad|dienstwagen|company\s+car"
    r"|\w*ticket|pension|altersvorsorge|insurance|versicherung\w*|health\w*|gesundheit\w*|fitness|gym|urban\s+sports"
    r"|egym|wellpass|obst|fruit|kaffee|coffee|getränke|drinks|snacks|kantine|canteen|\w*zuschuss|lunch|events?|\w*events?"
    r"|parties|rabatt\w*|\w*rabatte|discount\w*|corporate\s+benefits|subsid\w+|equipment|laptop|hardware|unbefristet\w*"
    r"|permanent\s+contract|sicherer?\s+arbeitsplatz|secure\s+job|onboarding|kita|childcare|kinderbetreuung|parking"
    r"|parkplatz\w*|atmosphäre|atmosphere|kultur|culture|hierarchien|hierarchies|team\s*spirit|attraktive\w*|attractive"
    r"|competitive|weihnachtsgeld|urlaubsgeld|sabbatical|workation|benefits?|perks?|leasing|massage|sport\w*)\b",
    re.IGNORECASE,
)
_INTRO_HINTS = (
    ("responsibilities", re.compile(r"\byou(?:'ll|\s+will)\b(?!\s+(?:have|bring|need))|\baufgaben\b|\bdu\s+wirst\b", re.I)),
    ("requirements", re.compile(r"\byou\s+(?:have|bring|need|should)|\bmitbring|\bdu\s+hast\b|\bsie\s+haben\b|\bprofil", re.I)),
    ("benefits", re.compile(r"\b(?:we|wir)\s+(?:offer|provide|bieten)\b|\bbenefits\b|\bvorteile\b", re.I)),
)
_CUES = (("responsibilities", _TASK_CUE), ("requirements", _REQUIREMENT_CUE), ("benefits", _BENEFIT_CUE))

# Employer-description and vacancy cues, counted as distinct words/phrases. A token set
# and `in` checks are ~5x faster than one big \b-alternation regex over long paragraphs.
_COMPANY_WORDS = frozenset("""
leading leader world's global globally worldwide international internationally founded established
headquarters headquartered employees colleagues stores branches offices countries customers clients company
companies group organisation organization mission vision values startup start-up family-owned industry
products services solutions platform brand subsidiary gmbh ag kg ohg inc ltd llc plc führende führender
führenden führendes marktführer weltweit gegründet hauptsitz mitarbeitende mitarbeitenden mitarbeiter
mitarbeiterinnen beschäftigte beschäftigten standorte standorten filialen niederlassungen kunden unternehmen
unternehmensgruppe konzern gruppe familienunternehmen mittelständisches mittelständische mittelständischen
tochtergesellschaft tochterunternehmen produkte dienstleistungen lösungen marke branche
manufacturer hersteller provider anbieter specialist spezialist independent unabhängige unabhängiges
builds develops operates designs manufactures produces entwickelt betreibt produziert fertigt vertreibt
studio agency firm kanzlei hotel people menschen team households haushalte customers patients patienten
""".split())
_COMPANY_SINCE = re.compile(r"\b(?:since|seit) (?:\d{4}|über \d|mehr als \d)")
# German compounds name the kind of employer: "Speditionsunternehmen", "Energieversorger",
# "Kontraktlogistiker", "Kindertageseinrichtungen".
_COMPANY_SUFFIXES = ("unternehmen", "konzern", "gruppe", "hersteller", "dienstleister", "anbieter", "versorger",
                     "händler", "logistiker", "betrieb", "betriebe", "einrichtungen", "verband", "kanzlei", "klinikum",
                     "kliniken", "gesellschaft", "beratung", "agentur", "spedition", "werk", "werke", "zulieferer")
_WE_ARE = re.compile(r"\b(?:wir sind|we are|we're|ist|is) (?:ein|eine|einer|a|an|the|der|die|das) ")
_JOB_PHRASES = (
    " are looking", " is looking", "looking for", "searching for", " hiring", " seeking", "we seek", " are you",
    " you will", " you'll", "join us", "join our", " apply", "in this role", "this role", "this position",
    "wir suchen", "suchen wir", " sucht ", "gesucht", "verstärkung", "bewirb", "bewerben", "bewerbung", "du wirst",
    "sie werden", "in dieser rolle", "in dieser position", "nächstmöglichen zeitpunkt", "ab sofort", "challenge",
    "herausforderung", "interested", "interessiert", "m/w/d", "w/m/d", "f/m/d", "m/f/d", "m/w/x",
)
_TOKEN_EDGES = ".,;:!?()[]{}\"'“”„«»–-"


def _company_cues(text: str) -> set[str]:
    lowered = text.lower()
    tokens = {token.strip(_TOKEN_EDGES) for token in lowered.split()}
    cues = tokens & _COMPANY_WORDS
    cues.update(token for token in tokens - cues if len(token) > 9 and token.endswith(_COMPANY_SUFFIXES))
    if ("since " in lowered or "seit " in lowered) and _COMPANY_SINCE.search(lowered):
        cues.add("since")
    if cues and _WE_ARE.search(lowered):
        cues.add("we are")
    return cues


def _job_cue_count(text: str) -> int:
    lowered = " " + text.lower()
    return sum(1 for phrase in _JOB_PHRASES if phrase in lowered)


def _cue_scores(items: list[str]) -> dict[str, int]:
    return {kind: sum(1 for item in items if cue.search(item)) for kind, cue in _CUES}


def _content_kind(items: list[str], intro: str = "") -> str | None:
    """The kind a heading-less bullet list clearly belongs to, or None when unsure."""
    if len(items) < 2:
        return None
    scores = _cue_scores(items)
    for kind, hint in _INTRO_HINTS:
        if intro and hint.search(intro):
            scores[kind] += len(items)
    ranked = sorted(scores.items(), key=lambda pair: pair[1], reverse=True)
    (best, best_score), (_, second_score) = ranked[0], ranked[1]
    if best_score >= 2 and best_score * 2 >= len(items) and best_score > second_score:
        return best
    return None


# --- items ---------------------------------------------------------------------------

_INLINE_HEADING = re.compile(r"([^:]{2,60}?)\s*:\s+(\S.*)")
_SENTENCE_END = ".!?:;"
_CONNECTOR_WORDS = frozenset(
    "and or with of in for to the a an as such und oder mit von für im der die das den dem des sowie".split()
)


def _clean_item(item: str) -> str:
    return " ".join(item.split()).rstrip(" ;,")


def _continues(previous: str, line: str, previous_is_bullet: bool) -> bool:
    """True when ``line`` is the wrapped rest of the item on ``previous``."""
    if previous[-1] in _SENTENCE_END:
        return False
    if previous[-1] == "," or previous.rsplit(" ", 1)[-1].lower() in _CONNECTOR_WORDS:
        return True
    return line[0].islower() and (previous_is_bullet or len(previous) >= 60)


# The closing paragraph of an ad ("Interested? Apply now…") after a section of bare lines.
_CLOSING_CUE = re.compile(
    r"\?|\b(?:bewerb\w*|bewirb|apply|applications?|applicants?|interesse|interested|freuen\s+uns|look\s+forward"
    r"|send\s+(?:us|your)|schick\w*|sende\w*|kontakt\w*|contact|questions|fragen|lebenslauf|cv|resume|unterlagen"
    r"|equal\s+opportunit\w*|chancengleichheit|schwerbehindert\w*)\b", re.IGNORECASE)
_CLOSING_MIN_WORDS = 8


def _is_closing(line: str) -> bool:
    return line.count(" ") + 1 >= _CLOSING_MIN_WORDS and _CLOSING_CUE.search(line) is not None


def _items(lines: list[str]) -> list[str]:
    """Items of one section: its bullets, or each line when it has no bullets (up to a closing
    paragraph after a blank line, such as "Interested? Then apply…")."""
    has_bullets = any(line.startswith("- ") for line in lines)
    items: list[str] = []
    previous, previous_is_bullet = "", False
    after_blank = False
    for line in lines:
        if not line:
            previous = ""
            after_blank = bool(items)
            continue
        if not has_bullets and after_blank and _is_closing(line):
            break
        if line.startswith("- "):
            items.append(line[2:])
            previous, previous_is_bullet = line[2:], True
            continue
        if previous and items and _continues(previous, line, previous_is_bullet):
            items[-1] = f"{items[-1]} {line}"
        elif not has_bullets and not line.endswith(":"):
            items.append(line)
        else:  # prose around a bullet list, or an intro line ending in ':'
            previous = ""
            continue
        previous, previous_is_bullet = line, False
    return [cleaned for cleaned in map(_clean_item, items) if any(ch.isalnum() for ch in cleaned)]


# --- company description -------------------------------------------------------------


_SENTENCE_BREAK = re.compile(r"[a-zäöüß]{3}[.!?]\s+[A-ZÄÖÜ]")


_HEADER_SEGMENTS = re.compile(r"\s+[·|•]\s+|\s+[-–]\s+")
_HEADER_SEGMENT_WORDS = 6


def _looks_like_header(line: str) -> bool:
    """Title, company, place, "Published: …": short and not a sentence ("GmbH & Co. KG" and
    "Verbund e.V." are no sentence ends), or short facts joined by "·", "|" or " – " ("Acme GmbH ·
    Passau · Vollzeit · unbefristet")."""
    if _SENTENCE_BREAK.search(line):
        return False
    if line.count(" ") < 7 and (line[-1] not in ".!?" or looks_like_company(line)):
        return True
    segments = _HEADER_SEGMENTS.split(line)
    return len(segments) > 1 and line[-1] not in ".!?" and all(
        segment.count(" ") < _HEADER_SEGMENT_WORDS for segment in segments)


def _is_job_line(line: str, cache: dict[str, bool]) -> bool:
    """True when ``line`` talks about the vacancy more than about the employer."""
    if line not in cache:
        job = _job_cue_count(line)
        cache[line] = job > 0 and job >= len(_company_cues(line))
    return cache[line]


_COMPANY_PARAGRAPH_MIN_WORDS = 20
_NAME_REACH = 80  # the employer's name must stand in a paragraph's first characters


_PARAGRAPH_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"])")
_NAME_SKIP_WORDS = frozenset("the der die das the a an ein eine".split())


def _distinctive_name(company: str | None) -> str | None:
    """The first distinctive word of an employer name, shortened to match inflected forms
    ("Evangelischer Kita-Verbund" is written "Der Evangelische Kita-Verbund" in running text)."""
    for word in (company or "").lower().split():
        word = word.strip(_TOKEN_EDGES)
        if len(word) >= 3 and word not in _NAME_SKIP_WORDS:
            return word[:-2] if len(word) > 6 else word
    return None


def _company_sentences(line: str, cache: dict[str, bool]) -> str | None:
    """The sentences of a paragraph before the first one about the vacancy ("Acme makes X.
    For our store we are looking for…" -> "Acme makes X.")."""
    kept = []
    for sentence in _PARAGRAPH_SENTENCE.split(line):
        if _is_job_line(sentence, cache):
            break
        kept.append(sentence)
    return " ".join(kept) or None


def _company_from_intro(lines: list[str], company: str | None = None) -> str | None:
    """The paragraph(s) before the first section that describe the employer: with two employer
    cues, or one cue in a long paragraph, or the employer's name in its opening words; sentences
    about the vacancy at the end of the paragraph are left out."""
    runs: list[list[str]] = []
    run: list[str] = []
    for line in lines + [""]:
        if not line or line.startswith("- ") or _looks_like_header(line) or is_chrome_line(line):
            if run:
                runs.append(run)
                run = []
        else:
            run.append(line)
    name = _distinctive_name(company)
    paragraphs: list[str] = []
    cache: dict[str, bool] = {}
    for run in runs:
        while run and _is_job_line(run[0], cache) and not (
                name and name in run[0][:_NAME_REACH].lower() and _company_sentences(run[0], cache)):
            run = run[1:]
        while run and _is_job_line(run[-1], cache):
            head = _company_sentences(run[-1], cache)
            run = run[:-1] + ([head] if head else [])
            if head:
                break
        distinct_cues = _company_cues(" ".join(run)) if run else set()
        names_employer = bool(run and name and name in run[0][:_NAME_REACH].lower())
        if paragraphs and run and distinct_cues and not any(_is_job_line(line, cache) for line in run):
            paragraphs.append("\n".join(run))
        elif not paragraphs and run and (len(distinct_cues) >= 2 or names_employer or (
                distinct_cues and len(" ".join(run).split()) >= _COMPANY_PARAGRAPH_MIN_WORDS
                and not any(_is_job_line(line, cache) for line in run))):
            paragraphs.append("\n".join(run))
        elif paragraphs:
            break
    return "\n\n".join(paragraphs) or None


def _paragraph_text(lines: list[str]) -> str | None:
    text = "\n".join(lines).strip()
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text or None


# --- split_sections ------------------------------------------------------------------

_SECTION_KINDS = ("responsibilities", "requirements", "benefits")


@dataclass
class _Block:
    group: str | None  # heading group; None before the first heading, "chrome" after end-of-ad chrome
    heading: str
    lines: list[str] = field(default_factory=list)


# A bulleted heading ("- Your profile", from "1. Your profile" or "🎓 Das bringst du mit") is
# at most six words; longer bullets are items.
_BULLET_HEADING_MAX_SPACES = 6


def _blocks(text: str) -> list[_Block]:
    blocks = [_Block(None, "")]
    previous_line = ""
    for raw_line in text.split("\n"):
        line = raw_line.strip()
        after_bullet = previous_line.startswith("- ")
        previous_line = line
        if not line:
            blocks[-1].lines.append("")
            continue
        is_bullet = line.startswith("- ")
        body = line[2:].strip() if is_bullet else line
        if len(line) <= 60 and is_chrome_line(line):
            if blocks[-1].group is not None:  # chrome after a section ends it ("Like this job?")
                blocks.append(_Block("chrome", line))
            continue
        group = _match_heading(body)
        if group == "meta" and blocks[-1].group is None:
            group = None  # "Published: 1 week ago" above the ad text is a header fact
        # A bullet is a heading when colon-ended ("- Your profile:"), or short, opening a list
        # and changing the kind, so that "- Entwicklungsmöglichkeiten" in a benefits list or the
        # last step "- Offer" of a hiring process stays an item.
        current_kind = _GROUP_KIND.get(blocks[-1].group or "")
        if group and (
            not is_bullet or body.endswith(":") or (
                not after_bullet and body.count(" ") < _BULLET_HEADING_MAX_SPACES and _GROUP_KIND[group] != current_kind)
        ):
            blocks.append(_Block(group, body))
            continue
        inline = None if is_bullet else _INLINE_HEADING.fullmatch(line)
        if inline and inline.group(1).count(" ") < 6:
            group = _match_heading(inline.group(1))
            current = blocks[-1].group
            # "Location: Cologne", "Arbeitgeber: Muster AG", "Skills: Figma, +8 more" before any
            # section are header facts, not headings.
            header_fact = current is None and group is not None and (
                _GROUP_KIND[group] in ("other", "company") or _is_short_value(inline.group(2)))
            same_kind = current in _GROUP_KIND and group is not None and _GROUP_KIND[current] == _GROUP_KIND[group]
            if group and not header_fact and not same_kind:
                blocks.append(_Block(group, inline.group(1), [inline.group(2)]))
                continue
        blocks[-1].lines.append(line)
    return blocks


_SHORT_VALUE_WORDS = 8


def _is_short_value(value: str) -> bool:
    return value.count(" ") < _SHORT_VALUE_WORDS and value.rstrip()[-1:] not in ".!?"


def _resolve(group: str, items: list[str]) -> str:
    kind = _GROUP_KIND[group]
    if group == "pay_or_benefits":
        benefit_items = _cue_scores(items)["benefits"] if len(items) >= 2 else 0
        return "benefits" if benefit_items * 2 >= len(items) and benefit_items else kind
    if group in ("responsibilities_or_benefits", "benefits_or_responsibilities"):
        scores = _cue_scores(items)
        alternative = "benefits" if kind == "responsibilities" else "responsibilities"
        if scores[alternative] > scores[kind] and scores[alternative] * 2 >= len(items):
            return alternative
    return kind


def _classify_bullet_lists(lines: list[str], sections: Sections) -> None:
    """Assign heading-less bullet lists by their content, when the cues are clear."""
    intro, bullets = "", []
    for line in lines + [""]:
        if line.startswith("- "):
            bullets.append(line)
            continue
        if bullets:
            items = _items(bullets)
            kind = _content_kind(items, intro)
            if kind is not None:
                getattr(sections, kind).extend(items)
            bullets = []
        if line:
            intro = line if line.endswith(":") else ""


_BODY_LINE_WORDS = 10
_FACTS_LINE_WORDS = 8


def _has_long_line(lines: list[str], words: int) -> bool:
    return any(line.count(" ") + 1 >= words for line in lines if not line.startswith("- "))


_PROSE_MIN_WORDS = 20
_STRUCTURED_QUALIFICATION = re.compile(r"\((?:required|preferred|erforderlich|bevorzugt|wünschenswert)\)$", re.IGNORECASE)


def _is_prose(lines: list[str]) -> bool:
    """Paragraphs of running text without bullets ("We are building our DACH sales team …")."""
    filled = [line for line in lines if line]
    return bool(filled) and all(not line.startswith("- ") and line.count(" ") + 1 >= _PROSE_MIN_WORDS
                                for line in filled)


def _is_chip(lines: list[str]) -> bool:
    """A heading word among the board's facts above the ad ("Berufserfahrung" / "€ 3.100 brutto/Monat"
    / "vor 4 Tagen"): its first paragraph is short lines, no bullets."""
    first = []
    for line in lines:
        if not line:
            if first:
                break
            continue
        first.append(line)
    return not any(line.startswith("- ") or line.count(" ") + 1 >= _FACTS_LINE_WORDS for line in first)


def _is_facts_box(lines: list[str]) -> bool:
    """Short label lines without a sentence ("Size: 51 to 200 Employees", "Branche: Logistik")."""
    return not _has_long_line(lines, _FACTS_LINE_WORDS) and not any(
        line.rstrip()[-1:] in ".!?" for line in lines if line)


def split_sections(text: str, *, company: str | None = None) -> Sections:
    """Split clean description text into company description and section items.

    A heading is a line of its own that :func:`heading_kind` recognises (also as a
    short bullet, from numbered headings), or a ``Heading: content`` line. A section
    runs to the next heading of any kind, including "other" headings ("Contact",
    "Interested?") and end-of-ad chrome. Its items are its ``- `` bullets (wrapped
    continuation lines joined), or every line when it has none; intro lines ending in
    ':' are skipped. Headings such as "Was dich erwartet" that may open tasks or
    benefits are decided by the items' wording. A "nice to have" block ("Preferred
    qualifications", "Wünschenswert") adds to the requirements only when the ad has no
    other profile section. A board chip above the ad text that reads like a heading
    ("Berufserfahrung") opens no section when the ad has a real one of that kind. Without
    any task, profile or benefit heading, bullet lists are assigned by content cues only
    when the cues are clear, else lists stay empty. company_description is the text under
    an about-us heading (a box of short facts such as "Size: 51-200 employees" is not), else
    the first paragraph before the first section that reads like an employer description
    or names the ``company`` in its opening words (header lines such as title, company and
    place skipped).
    """
    sections = Sections()
    blocks = _blocks(text)
    resolved: list[tuple[_Block, str, list[str]]] = []
    seen_list = any(line.startswith("- ") for line in blocks[0].lines)
    for index, block in enumerate(blocks[1:], start=1):
        if block.group == "chrome":
            continue
        items = _items(block.lines)
        kind = _resolve(block.group, items)
        if kind in _SECTION_KINDS and not seen_list and _is_chip(block.lines) and any(
                _GROUP_KIND.get(later.group or "") == kind and later.group != "nice_to_have"
                for later in blocks[index + 1:]):
            kind = "other"
        seen_list = seen_list or any(line.startswith("- ") for line in block.lines)
        resolved.append((block, kind, items))
    # "The role" over a prose paragraph, then "In this role you will" over bullets: the paragraph
    # describes the role, the bullets are its tasks.
    for position, (block, kind, items) in enumerate(resolved):
        if kind in _SECTION_KINDS and _is_prose(block.lines) and any(
                other_kind == kind and other is not block and not _is_prose(other.lines)
                for other, other_kind, _ in resolved):
            resolved[position] = (block, "other", items)
    # Indeed's trailer ("Experience: / - Driving: 1 year (Required)") repeats the profile in its own form.
    for position, (block, kind, items) in enumerate(resolved):
        if kind == "requirements" and items and all(_STRUCTURED_QUALIFICATION.search(item) for item in items) and any(
                other_kind == "requirements" and other is not block for other, other_kind, _ in resolved):
            resolved[position] = (block, "other", items)
    has_profile = any(kind == "requirements" and block.group != "nice_to_have" for block, kind, _ in resolved)
    role_items: list[str] = []
    company_texts: list[str] = []
    intro_lines: list[str] = list(blocks[0].lines)
    reached_sections = False
    for block, kind, items in resolved:
        sections.headings.append((kind, block.heading))
        if kind == "requirements" and block.group == "nice_to_have" and has_profile:
            sections.other.extend(items)
            reached_sections = True
        elif kind in _SECTION_KINDS:
            getattr(sections, kind).extend(items)
            reached_sections = True
        elif kind == "company":
            if not _is_facts_box(block.lines):
                company_texts.append(_paragraph_text(block.lines) or "")
            reached_sections = True
        else:
            if not reached_sections:
                intro_lines.extend(block.lines)
            if block.group == "role":
                role_items.extend(_items([line for line in block.lines if line.startswith("- ")]))
            sections.other.extend(items)
    if not (sections.responsibilities or sections.requirements or sections.benefits):
        _classify_bullet_lists(intro_lines, sections)
    if not sections.responsibilities and role_items:
        sections.responsibilities.extend(role_items)
    company_text = "\n\n".join(text for text in company_texts if text)
    sections.company_description = company_text or _company_from_intro(intro_lines, company)
    return sections


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
