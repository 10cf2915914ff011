"""Given names and surnames from a kept library: the person-name lists of Faker's locales (MIT), for the
countries families in England most often come from (Britain and Ireland, South Asia, West and East Africa,
Eastern and Southern Europe, Turkey, Iran, Vietnam...). Read from the installed package at fit time; nothing
is fetched.

The hand lists (``data/first_names.txt``, ``data/surnames.txt``) hold the names whose ordinary-word readings
were judged one by one; the library adds breadth ("Desislava", "Emīls", "Mylo", "Teegan", "Oakes"), less every
name that is also an English word, a place, an app or brand, or a word these lists mark as needing context.
Why (stop 46): blind redaction writers 12-14 named children and parents no hand list held ("Anete", "Ada",
"Shirley"), and 1 in 10 names went unredacted.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from functools import lru_cache

# Faker locales whose person lists are read (Latin script or transliterated)
LOCALES = ("en_GB en_IE en_IN en_PK en_NG en_KE ha_NG ig_NG yo_NG tw_GH zu_ZA sw pl_PL ro_RO lt_LT lv_LV cs_CZ "
           "sk_SK hu_HU pt_PT pt_BR es_ES it_IT tr_TR ar_AA fa_IR vi_VN bg_BG uk_UA hr_HR sl_SI et_EE").split()
_NAME = re.compile(r"[a-z][a-z'\-]{2,}")


def _fold(word: str) -> str:
    w = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in w if not unicodedata.combining(c)).replace("\u0142", "l")


@lru_cache(maxsize=1)
def library_names() -> tuple[frozenset[str], frozenset[str]]:
    """``(given, surnames)``, folded to lower-case ASCII, before any filtering."""
    given: set[str] = set()
    surnames: set[str] = set()
    for loc in LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except ImportError:  # a locale a later Faker drops, or Faker not installed
            continue
        for attr, into in (("first_names", given), ("first_names_male", given), ("first_names_female", given),
                           ("last_names", surnames), ("last_names_male", surnames),
                           ("last_names_female", surnames)):
            for name in getattr(provider, attr, None) or ():
                folded = _fold(name)
                if _NAME.fullmatch(folded):
                    into.add(folded)
    return frozenset(given), frozenset(surnames)


# months and days written short are names in some locales ("Jan", Polish and Czech) and dates here ("14th Jan")
SHORT_DATES = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat "
                        "sun".split())


def filtered(names: frozenset[str], *, not_names: frozenset[str]) -> frozenset[str]:
    """``names`` less ``not_names`` (English words, places, apps, names that need context) and short dates."""
    return frozenset(n for n in names if n not in not_names and n not in SHORT_DATES)
