"""How the gazetteer stores its city names (crawler.parsing.gazetteer.CityIndex): columns and one
key block instead of a dict of tuples, read exactly like the dict it is built from."""

import pickle
import zlib

import pytest

from crawler.parsing.gazetteer import City, CityIndex, _build_gazetteer, gazetteer

STAUFEN = City("Staufen im Breisgau", "DE", "Baden-Württemberg", "01", 7_800, 31_200.0)
FRANKFURT = City("Frankfurt am Main", "DE", "Hessen", "05", 763_380, 3_053_520.0)
FRANKFURT_ODER = City("Frankfurt (Oder)", "DE", "Brandenburg", "11", 57_015, 228_060.0)
VALENCIA = City("Valencia", "ES", None, "60", 814_208, 1_628_416.0)
# Two keys with the same CRC-32: the index must tell them apart by their bytes.
SAME_CHECKSUM = ("ort 29685295", "ort 32060020")

SOURCE = {
    "frankfurt": [(FRANKFURT, False), (FRANKFURT_ODER, False)],
    "frankfurt am main": [(FRANKFURT, True)],
    "staufen": [(STAUFEN, False)],
    "valència": [(VALENCIA, True)],
    SAME_CHECKSUM[0]: [(STAUFEN, True)],
    SAME_CHECKSUM[1]: [(VALENCIA, False)],
}


@pytest.fixture(scope="module")
def index() -> CityIndex:
    return CityIndex(SOURCE)


def test_the_two_keys_really_share_a_checksum():
    assert zlib.crc32(SAME_CHECKSUM[0].encode()) == zlib.crc32(SAME_CHECKSUM[1].encode())


@pytest.mark.parametrize("key", sorted(SOURCE))
def test_each_key_gives_the_dicts_entries_in_order(index, key):
    assert index[key] == tuple(SOURCE[key])
    assert index.get(key) == tuple(SOURCE[key])
    assert key in index


@pytest.mark.parametrize("key", ["frankfurt a", "berlin", "", "ort 2968529", "valencia"])
def test_a_key_not_in_the_dict_is_not_found(index, key):
    assert key not in index
    assert index.get(key) is None
    assert index.get(key, ()) == ()
    with pytest.raises(KeyError):
        index[key]


def test_entries_are_city_tuples_with_a_bool(index):
    (city, alternate), = index["frankfurt am main"]
    assert type(city) is City and city == FRANKFURT
    assert alternate is True
    assert index["valència"][0][0].region is None


def test_keys_and_length_are_the_dicts(index):
    assert len(index) == len(SOURCE)
    assert sorted(index) == sorted(SOURCE)


def test_a_pickled_index_reads_the_same(index):
    loaded = pickle.loads(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    assert {key: loaded[key] for key in SOURCE} == {key: tuple(entries) for key, entries in SOURCE.items()}


def test_the_loaded_gazetteer_holds_every_built_city_entry():
    """The index every parser process loads gives, for every one of the ~180,000 keys, exactly
    the entries of the dict built from geonames (a rebuild: ~10 s)."""
    built = _build_gazetteer().cities
    loaded = gazetteer().cities
    assert isinstance(loaded, CityIndex)
    assert len(loaded) == len(built)
    assert [key for key, entries in built.items() if loaded.get(key) != tuple(entries)] == []
