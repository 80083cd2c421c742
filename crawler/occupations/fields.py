"""occupation_fields: the posting schema's occupation_* fields for one parsed posting."""

from __future__ import annotations

from crawler.occupations.classify import classify_occupation, occupation_from_source


def occupation_fields(posting: dict) -> dict:
    """occupation_isco, occupation_esco_uri, occupation_label, occupation_confidence, occupation_method.

    Reads the posting's `title`, `description` (or `description_text`), `language` and a stated
    `occupational_category` (JSON-LD occupationalCategory) when present. Every field is None when
    no occupation can be assigned with confidence; a posting with no title gets None fields too.
    """
    empty = dict.fromkeys(
        ("occupation_isco", "occupation_esco_uri", "occupation_label", "occupation_confidence", "occupation_method")
    )
    title = posting.get("title")
    if not isinstance(title, str) or not title.strip():
        return empty
    description = posting.get("description_text") or posting.get("description")
    occupation = classify_occupation(
        title,
        description if isinstance(description, str) else None,
        posting.get("language"),
        stated=posting.get("occupational_category"),
    )
    if occupation is None:
        return empty
    return {
        "occupation_isco": occupation.isco_code,
        "occupation_esco_uri": occupation.esco_uri,
        "occupation_label": occupation.esco_label,
        "occupation_confidence": occupation.confidence,
        "occupation_method": occupation.method,
    }


# A named occupation read like a title counts when the title reading is at least this sure.
NAMED_OCCUPATION_CONFIDENCE = 0.8


def named_occupation_fields(name: object) -> dict:
    """The occupation_* fields for an occupation a source names from a controlled list (the
    Bundesagentur's `hauptberuf`/`beruf`: "Softwareentwickler Java"), method `source`.

    A name the lexicon knows whole is taken as it is; another is read like a job title and kept when
    that reading is sure (confidence >= 0.8, a title match); else {} and the ad's title decides.
    """
    fields = stated_occupation_fields(name)
    if fields or not isinstance(name, str) or not name.strip():
        return fields
    occupation = classify_occupation(name, None, "de")
    if occupation is None or occupation.method != "title" or occupation.confidence < NAMED_OCCUPATION_CONFIDENCE:
        return {}
    return {
        "occupation_isco": occupation.isco_code,
        "occupation_esco_uri": occupation.esco_uri,
        "occupation_label": occupation.esco_label,
        "occupation_confidence": min(occupation.confidence, 0.9),
        "occupation_method": "source",
    }


def stated_occupation_fields(stated: object) -> dict:
    """The occupation_* fields for an occupation a source states, or {} when it states none we know.

    `stated` is what the source says: a JSON-LD occupationalCategory (an ISCO-08 code, an ESCO
    occupation URI, a CategoryCode object, a list of them) or an occupation's name (the
    Bundesagentur's `hauptberuf`/`beruf`: "Informatiker/in"). A source mapping merges these into
    its fields; the parser then keeps them (method `source`) instead of reading the title.
    """
    occupation = occupation_from_source(stated)
    if occupation is None:
        return {}
    return {
        "occupation_isco": occupation.isco_code,
        "occupation_esco_uri": occupation.esco_uri,
        "occupation_label": occupation.esco_label,
        "occupation_confidence": occupation.confidence,
        "occupation_method": occupation.method,
    }
