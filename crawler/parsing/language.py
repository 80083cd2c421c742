"""Which language an ad is written in, from stopword profiles.

Function words are the surest cheap signal: every sentence has them and they do not depend on the
trade. A word shared by several profiles ("de", "la", "in") counts for each of them in equal parts.
"""

from __future__ import annotations

import re

_STOPWORDS = {
    "en": "the and of to a is you for with our we are on as be your will this that an or at by from have it us "
          "can all who what which about more their they would should into within across while also has its "
          "were been than these those there here how when where not but if",
    "de": "der die das und zu den mit von für ist im sie du wir ein eine einen einem einer auf dem des bei als "
          "oder sich auch nicht uns unser unsere unseren dich dir dein deine deinen ihre ihr werden wird sind bist "
          "hast über zum zur durch sowie aus nach wie bzw mehr sehr wenn noch nur kann können haben bieten",
    "fr": "le la les de des et un une du en est pour dans vous nous avec sur au aux par qui que pas plus ce "
          "cette sont votre vos notre nos ou être chez vous êtes nous sommes leur leurs mais comme",
    "es": "el la los las de y en un una que es para con por del al se su sus como más o tu tus nuestro nuestra "
          "nuestros nuestras somos buscamos estar ser lo muy también pero",
    "it": "il la le lo gli di e che un una per con del della dei delle è sono non al alla nel nella si da come "
          "anche più nostro nostra ti tuo tua siamo cerchiamo degli alle sul sulla",
    "nl": "de het een en van in is op te voor met je jij we wij ons onze zijn bij aan als of dat die er naar om "
          "ook niet jouw jou hebben heb wordt worden kun kunt meer wat hoe",
}
_WORD = re.compile(r"[a-zäöüßàâçéèêëîïôûùÿñæœáíóúìò]+")
_SAMPLE_CHARS = 2500
_LEAST_WORDS = 8
_LEAST_SCORE = 3.0


def _weights() -> dict[str, dict[str, float]]:
    profiles = {code: set(words.split()) for code, words in _STOPWORDS.items()}
    weights: dict[str, dict[str, float]] = {}
    for code, words in profiles.items():
        for word in words:
            sharing = sum(word in other for other in profiles.values())
            weights.setdefault(word, {})[code] = 1.0 / sharing
    return weights


_WEIGHTS = _weights()


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code (en, de, fr, es, it, nl) of the language a text is written in,
    from its first few thousand characters, or None when there is too little text to tell."""
    if not text:
        return None
    words = _WORD.findall(text[:_SAMPLE_CHARS].lower())
    if len(words) < _LEAST_WORDS:
        return None
    scores: dict[str, float] = dict.fromkeys(_STOPWORDS, 0.0)
    for word in words:
        shares = _WEIGHTS.get(word)
        if shares:  # most words are no stopword
            for code, weight in shares.items():
                scores[code] += weight
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] >= _LEAST_SCORE else None
