"""One module per source: everything jobcrawl knows about a platform's wire format.

``crawler/sources/<platform>.py`` holds the platform's request shape (its base spider), its field
mapping and its value vocabularies ("Regular", "Contract", "befristet"); the leaf spider in
``crawler/spiders/<platform>.py`` only declares. ``ats_fields`` and ``xml_fields`` are the helpers
the JSON and XML mappings share. Generic base spiders stay in ``crawler/bases/`` and the generic
text parser, which knows no platform, in ``crawler/parsing/``.
"""
