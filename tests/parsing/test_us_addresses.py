"""American addresses: a state's code after a town the gazetteer lacks, and a front matter that
keeps the address as a mapping (dev16: two Wisconsin firms' Hugo careers pages)."""

import pytest

from crawler.parsing.markdown_text import split_front_matter
from crawler.parsing.place_names import parse_location


@pytest.mark.parametrize(("text", "city", "region", "country", "postal_code"), [
    # a state code that names no country vouches for a town the gazetteer lacks
    ("Grand Marsh, WI", "Grand Marsh", "Wisconsin", "US", None),
    # the ZIP code after the state is American, not a German postal code
    ("Minocqua, WI 54548", "Minocqua", "Wisconsin", "US", "54548"),
    # a state code that is also a country's is American only before a ZIP code
    ("Dover, DE 19901", "Dover", "Delaware", "US", "19901"),
    ("Kleinstadt, DE", "Kleinstadt", None, "DE", None),
    ("Sometown, CA", "Sometown", None, "CA", None),
    ("Sometown, CA 90210", "Sometown", "California", "US", "90210"),
    # a known town keeps its own reading
    ("Kaukauna, WI", "Kaukauna", "Wisconsin", "US", None),
    ("12345 Kleinstadt", "Kleinstadt", None, "DE", "12345"),
])
def test_a_us_state_code_after_an_unknown_town(text, city, region, country, postal_code):
    location = parse_location(text)
    assert (location.city, location.region, location.country, location.postal_code) == (city, region, country, postal_code)


@pytest.mark.parametrize(("front_matter", "location_raw"), [
    ("location:\n  street: 9752 West Lake Avenue\n  city: Minocqua\n  state: WI\n  zip: 54548", "Minocqua, WI 54548"),
    ("location:\n  street:\n  city: Kaukauna\n  state: WI\n  zip:", "Kaukauna, WI"),
    ("standort:\n  Stadt: Leipzig\n  PLZ: '04109'\n  Land: Deutschland", "Leipzig, 04109, Deutschland"),
    # an address without a town names no place
    ("location:\n  street: 1 Main Street\n  state: WI", None),
])
def test_an_address_mapping_in_the_front_matter_is_the_place(front_matter, location_raw):
    document = f"---\ntitle: Help Desk Technician\n{front_matter}\n---\n\nWe are hiring.\n"
    assert split_front_matter(document).fields.get("location_raw") == location_raw
