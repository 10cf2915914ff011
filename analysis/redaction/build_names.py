"""Write ``data/common_given.txt``: given names and nicknames people in the UK actually use, from the
``names-dataset`` package (MIT; first names counted from a large public social-network sample, with each name's
rank in each country), lower case ASCII, one per line. The redactor reads the file; it never needs the package.

    python -m analysis.redaction.build_names          # rewrite the file
    python -m analysis.redaction.build_names --check  # exit 1 if the file differs from the package's data

A name is kept when it ranks within the first ``RANKS[country]`` names of any country below: the UK deepest, then
Ireland and the countries families here most often come from. The file holds the package's names as they are; the
redactor takes out English words, places, brands and names that need context when it reads it
(``common.common_given``).

Why (stop 50): on the young people's blind redaction writers, capitalised names that neither hand list nor Faker's
locales held went unredacted: "Pam", "Trish", "Olly", "Matty", "Kaz", "Gurj", "Kuljit", "Funmi", "Struan".
"""

from __future__ import annotations

import gzip
import pickle  # nosec B403: the installed package's own data file, read only by this build command
import sys
import unicodedata
from importlib import resources
from pathlib import Path

from .built_file import check_or_write

PATH = Path(__file__).parent / "data" / "common_given.txt"
# country (ISO 3166 alpha-2) -> how deep its ranking is read
RANKS = {"GB": 20000, "IE": 5000, "IN": 3000, "PK": 3000, "BD": 3000, "NG": 3000, "GH": 2000, "JM": 2000,
         "PL": 2000, "RO": 2000, "TR": 2000, "LT": 1000, "SO": 1000, "IQ": 1000, "AF": 1000}
HEADER = ("# Given names and nicknames used in the UK and by the families of its largest migrant communities, from\n"
          "# the names-dataset package (MIT), each within the first names of a country by rank (build_names.RANKS).\n"
          "# Written by `python -m analysis.redaction.build_names`; do not edit.\n")


def _fold(word: str) -> str:
    w = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in w if not unicodedata.combining(c))


def names() -> list[str]:
    path = resources.files("names_dataset") / "v3" / "first_names.pkl.gz"
    with resources.as_file(path) as p, gzip.open(p) as fh:
        table = pickle.load(fh)  # noqa: S301  # nosec B301: the installed package's own data file
    out = set()
    for name, row in table.items():
        rank = row.get("rank") or {}
        if any(c in rank and rank[c] <= depth for c, depth in RANKS.items()):
            folded = _fold(name)
            if folded.isascii() and folded.isalpha() and len(folded) > 2:
                out.add(folded)
    return sorted(out)


def text() -> str:
    return HEADER + "".join(f"{name}\n" for name in names())


def main(argv=None) -> int:
    return check_or_write(PATH, text(), source="names-dataset", command="python -m analysis.redaction.build_names",
                          description=__doc__.splitlines()[0], argv=argv)


if __name__ == "__main__":
    sys.exit(main())
