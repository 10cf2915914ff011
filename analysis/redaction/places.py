"""Named places that locate a child: streets without a house number ("on Beech Road", "Elm Close"),
flats ("Flat 7, Jubilee Tower"), sports clubs and teams ("Millfield Boxing Club", "Ashgrove Rangers"),
places of worship ("New Life Pentecostal Church", "Masjid Al-Noor", "St Bernadette's"), and homes named
"X House" / "X Lodge" ("the staff at Sunnyside House").

Generic places stay: "the High Street", "the Catholic church", "Leeds United", "Town Hall", "the park".
The judgement lists are in ``data/places.txt``; each function yields ``(start, end, kind)``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from .names import english_words
from .people import _words, keep_proper

_DIR = Path(__file__).parent / "data"


@cache
def _section(name: str) -> frozenset[str]:
    return _words(_DIR / "places.txt", name)


_CAP = r"[A-Z][a-z'\u2019\-]+"
_STRONG = (r"Road|Rd|Street|Avenue|Ave|Lane|Close|Drive|Crescent|Grove|Gardens|Terrace|Way|Mews|Rise|Cottages|"
           r"Boulevard|Wynd")
_WEAK = r"Walk|Row|Place|Parade|Hill|Square|Green|View|Vale|Court|Croft|Fold|Chase|Brow|Heights"
_TYPE_AFTER = (r"[ \t]+(?:Primary|Academy|School|High|College|Juniors?|Infants?|Surgery|Medical|Health|Clinic|"
               r"Practice|Pharmacy|Centre|Center|Church|Mosque|Club|Youth|Nursery|Community|Family|GP|"
               r"Children'?s|Childrens|Care|Residential|Surgery|Dental)\b")
STREET = re.compile(r"(?<![A-Za-z])((?:" + _CAP + r"[ \t]+){0,2}" + _CAP + r")[ \t]+(" + _STRONG + "|" + _WEAK +
                    r"|St\b(?![ \t]*[A-Z]))\.?(?![A-Za-z'\u2019])")
STREET_UPPER = re.compile(r"\b((?:[A-Z]{2,}[ \t]+){0,1}[A-Z]{3,})[ \t]+(ROAD|STREET|AVENUE|LANE|CLOSE|DRIVE|"
                          r"CRESCENT|GROVE|GARDENS|TERRACE|WAY)\b")
_PLACE_CUE = re.compile(r"\b(?:on|off|near|by|along|down|up|round|around|at|from|in|to|opposite|past|behind|"
                        r"live|lives|living|lived|stay|stays|staying|moved|corner\s+of|top\s+of|end\s+of|bottom\s+of)"
                        r"[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
_NOT_ESTATE = frozenset("housing council industrial trading retail business crown county magistrates magistrates' "
                        "family youth high supreme tennis food basketball football netball squash new old big local "
                        "same other whole private social country".split())
_ESTATE_CUE = re.compile(r"\b(?:on|from|off)[ \t]+the[ \t]+$")
STREET_LOWER = re.compile(r"\b(?:on|off|near|by|along|down|up|round|around|from|opposite|past|behind|and|in|"
                          r"live\s+on|lives\s+on|living\s+on|corner\s+of|top\s+of|end\s+of|bottom\s+of)[ \t]+"
                          r"(?:the[ \t]+)?"
                          r"((?!(?:my|his|her|the|a|an|our|your|their|this|that|me|him|them|us)\b)"
                          r"(?:[a-z][a-z'\-]+[ \t]+){1,2}(?:road|street|avenue|lane|close|drive|crescent|grove|"
                          r"gardens|terrace|way|mews|estate|court))\b")
FLAT = re.compile(r"\b(?:[Ff]lat|FLAT|[Aa]partment|[Aa]pt)\.?[ \t]*\d{1,4}[a-zA-Z]?\b"
                  r"(?:,?[ \t]+(?:" + _CAP + r"[ \t]+){1,2}(?:Tower|House|Court|Heights|Point|Block|Building|"
                  r"Mansions|Lodge|Hall|Towers|Apartments))?")
# "5 The Paddocks", "12 The Maltings": a house number before a "The ..." street
THE_NUMBERED = re.compile(r"(?<![£$€\d.,:/])\b\d{1,4}[a-z]?,?[ \t]+The[ \t]+[A-Z][a-z]+"
                          r"(?:[ \t]+(?:" + _STRONG + r"))?\b")
# named estates and Welsh street names: "the Fernhill estate", "Heol y Nant", "Maes yr Haf"
ESTATE = re.compile(r"(?<![A-Za-z])((?:" + _CAP + r"[ \t]+)?" + _CAP + r")[ \t]+(?:estate|Estate|flats|Flats)\b")
WELSH_STREET = re.compile(r"\b(?:Heol|Stryd|Ffordd|L[o\u00f4]n|Maes|Rhodfa|Cilgant|Clos)[ \t]+(?:(?:y|yr)[ \t]+)?"
                          r"[A-Z][a-z\u00e0-\u00ff]+(?:[ \t]+[A-Z][a-z\u00e0-\u00ff]+)?")
# uniformed groups: "1st Northfield Scout Group", "2nd Ashby Brownies"
UNIFORMED = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)[ \t]+(?:" + _CAP + r"[ \t]+){0,2}" + _CAP +
                       r"(?=[ \t]+(?:Scout|Scouts|Cub|Cubs|Beaver|Beavers|Brownie|Brownies|Guide|Guides|Rainbows|"
                       r"Explorers?|Sea[ \t]+Scouts)\b)")
# "i live at Ravenswood": a one-word house or home name after a living cue
LIVE_AT = re.compile(r"\b(?:live|lives|living|lived|stay|stays|staying|stayed|placed|moved)\s+(?:at|to|into)\s+"
                     r"([A-Z][a-z]{3,})\b(?![ \t]+[A-Z])")
THE_STREET_CUE = re.compile(r"\b(?:live|lives|living|lived|stay|stays|staying|moved)\s+(?:on|to|at)\s+"
                            r"(The\s+(?:Crescent|Avenue|Close|Grove|Drive|Green|Parade|Terrace|Mews|Square))\b")

_SPORT = (r"Boxing|Amateur\s+Boxing|Football|Rugby|Cricket|Tennis|Golf|Swimming|Swim|Gymnastics|Gym|Judo|Karate|"
          r"Taekwondo|Kickboxing|Kick\s+Boxing|Athletics|Running|Cycling|Netball|Basketball|Hockey|Dance|Drama|"
          r"Martial\s+Arts|MMA|Muay\s+Thai|Wrestling|Rowing|Sailing|Chess|Climbing|Ju[ -]?Jitsu|Jiu[ -]?Jitsu|"
          r"Sports|Boys'?|Girls'?|Lads'?|Youth|Working\s+Men's|Social|Snooker|Darts|Angling|Fishing|Riding")
CLUB = re.compile(r"(?<![A-Za-z])((?:" + _CAP + r"|[A-Z]{2,})(?:[ \t]+(?:" + _CAP + r"|[A-Z]{2,})){0,2})[ \t]+"
                  r"((?:(?i:" + _SPORT + r"))[ \t]+(?i:Club|Gym|Centre|Academy|Team)|(?i:Club)|"
                  r"(?:FC|AFC|RFC|RUFC|JFC|ABC|CC|Rangers|Rovers|United|Harriers|Wanderers|Athletic|Albion|Celtic|"
                  r"Colts|Juniors|Lions|Tigers|Wolves|Eagles|Hawks|Falcons|Sharks)(?![ \t]+(?:Centre|Council|Hall|"
                  r"Nations|Kingdom|States)\b))\b")
CLUB_LOWER = re.compile(r"\b([a-z][a-z'\-]+)[ \t]+((?:boxing|football|rugby|cricket|gymnastics|judo|karate|"
                        r"kickboxing|athletics|netball|basketball|dance|swimming|martial\s+arts)[ \t]+(?:club|gym)|"
                        r"fc|rfc|abc)\b")
_WORSHIP = (r"Church|Chapel|Mosque|Masjid|Gurdwara|Gurudwara|Mandir|Temple|Synagogue|Kingdom\s+Hall|"
            r"Islamic\s+Cent(?:re|er)|Madrass?a|Madrasah|Tabernacle|Fellowship|Assembly|Ministries")
WORSHIP = re.compile(r"(?<![A-Za-z])((?:(?:St\.?|Saint|" + _CAP + r"|[A-Z]{2,})[ \t]+){0,3}(?:St\.?|Saint|" + _CAP +
                     r"))[ \t]+((?i:(?:Community|Parish|Pentecostal|Methodist|Baptist|Catholic|Evangelical|"
                     r"Christian|Central|Jamia|Jama)[ \t]+)?(?i:" + _WORSHIP + r"))\b(?![ \t]+of\b)")
WORSHIP_BEFORE = re.compile(r"\b((?i:Masjid|Jamia\s+Masjid|Gurdwara|Gurudwara|Mandir|Shri|Sri))[ \t\-]+"
                            r"((?:(?:Al|Al-|El|e|ul|Sri|Guru|Singh|Sabha|Shri|Baba|Nanak|Darbar|[A-Z][a-z'\-]+)"
                            r"[ \t\-]*){1,5})")
SAINT = re.compile(r"\b(?:St\.?|Saint)[ \t]+([A-Z][a-z]+(?:['\u2019]s|s['\u2019]|['\u2019]))(?![A-Za-z])"
                   r"(?![ \t]+(?:Day|Eve|Ambulance|Hospital|Park|Road|Street|Wood|Square|Place|Lane|Avenue|"
                   r"Primary|Academy|School|College|Church|High|Catholic|C\s?of\s?E|RC|Infants?|Juniors?|Cathedral|"
                   r"Chapel|Surgery|Medical|Hall|Centre|Hospice)\b)")
HOME = re.compile(r"(?<![A-Za-z])((?:" + _CAP + r"[ \t]+){0,1}" + _CAP + r")[ \t]+(House|Lodge|Grange|Manor)\b")
_HOME_CUE = re.compile(r"\b(?:at|from|to|in|into|of|left|outside|near|back\s+to|staff\s+at|moved|placed|"
                       r"live|lives|living|lived|stay|stays|staying|ran\s+away\s+from|went\s+missing\s+from)"
                       r"[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)


def generic_before_type() -> frozenset[str]:
    return _section("generic before a type word")


def _lower(s: str) -> list[str]:
    return [w.lower().strip("'\u2019.,") for w in s.split()]


def _not_street(name_words: list[str]) -> bool:
    generic = _section("not street names")
    return not name_words or name_words[0] in generic or " ".join(name_words) in generic \
        or all(w in generic for w in name_words)


_ESTATE_GENERIC = frozenset("council housing industrial retail trading business real country private new old big "
                            "local whole same other high rise tower".split())


def find_places(text: str):
    """Yield ``(start, end, kind)`` for named streets, flats, clubs, places of worship and homes."""
    keep = keep_proper()
    for m in STREET.finditer(text):
        words = _lower(m.group(1))
        while words and words[0] in ("the", "a", "an", "on", "in", "at", "near", "by"):
            words.pop(0)
        if _not_street(words) or re.match(_TYPE_AFTER, text[m.end():m.end() + 30]) \
                or len(words) > 1 and words[0] in keep:
            continue  # "Birmingham New Street": a station
        suffix = m.group(2)
        if re.fullmatch(_WEAK, suffix) and not _PLACE_CUE.search(text, max(0, m.start() - 30), m.start()):
            continue
        if all(w in keep for w in words) and suffix in ("Green", "Square", "Hill", "Park"):
            continue
        a = m.start(1) + m.group(1).lower().find(words[0])
        yield a, m.end(), "address"
    for m in STREET_UPPER.finditer(text):
        if not _not_street(_lower(m.group(1))):
            yield m.start(), m.end(), "address"
    for m in STREET_LOWER.finditer(text):
        words = _lower(m.group(1))[:-1]
        suffix = m.group(1).split()[-1].lower()
        if re.search(r"\b(?:and|in)[ \t]+(?:the[ \t]+)?$", text[max(0, m.start(1) - 12):m.start(1)], re.IGNORECASE) \
                and (suffix == "way" or all(w in english_words() for w in words)):
            continue  # "in a kind and friendly way", "in any way": after "and" / "in", an unknown word is needed
        if suffix in ("estate", "court") and (words[0] in _NOT_ESTATE or words[0] in english_words()
                                              and len(words) == 1 and not _ESTATE_CUE.search(text, 0, m.start(1))):
            continue  # "the housing estate", "crown court"; not "on the nightingale estate"
        if not _not_street(words) and words[0] not in ("wrong", "long", "busy", "quiet", "dark", "main", "dual",
                                                       "country", "private", "little", "big", "whole", "next"):
            yield m.start(1), m.end(1), "address"
    for m in THE_NUMBERED.finditer(text):
        yield m.start(), m.end(), "address"
    for m in FLAT.finditer(text):
        yield m.start(), m.end(), "address"
    for m in UNIFORMED.finditer(text):
        yield m.start(), m.end(), "service"
    for m in ESTATE.finditer(text):
        words = _lower(m.group(1))
        if words[0] in ("the", "a", "my", "our", "this", "that"):
            words.pop(0)
        if words and not any(w in keep or w in _ESTATE_GENERIC for w in words):
            a = m.start(1) + m.group(1).lower().find(words[0])
            yield a, m.end(1), "address"
    for m in WELSH_STREET.finditer(text):
        yield m.start(), m.end(), "address"
    for m in LIVE_AT.finditer(text):
        w = m.group(1).lower()
        if w not in keep and w not in english_words() and w not in generic_before_type():
            yield m.start(1), m.end(1), "address"
    for m in THE_STREET_CUE.finditer(text):
        yield m.start(1), m.end(1), "address"
    yield from _clubs(text, keep)
    yield from _worship(text)
    for m in SAINT.finditer(text):
        yield m.start(), m.end(), "service"
    generic_home = _section("not home names")
    for m in HOME.finditer(text):
        words = _lower(m.group(1))
        if words[0] in ("the", "a", "my", "our", "their", "his", "her"):
            words.pop(0)
        if not words or any(w in generic_home or w in keep for w in words):
            continue
        if _HOME_CUE.search(text, max(0, m.start() - 30), m.start()) or not _sentence_start(text, m.start()):
            a = m.start(1) + m.group(1).lower().find(words[0])
            yield a, m.end(1), "service"


def _sentence_start(text: str, a: int) -> bool:
    k = a - 1
    while k >= 0 and text[k] in " \t\"'(":
        k -= 1
    return k < 0 or text[k] in ".!?\n:;"


_PRO_TEAM = frozenset("united rovers wanderers athletic albion celtic rangers city town county".split())


def _clubs(text: str, keep: frozenset[str]):
    for m in CLUB.finditer(text):
        words = _lower(m.group(1))
        k = 0
        while k < len(words) and words[k] in ("the", "a", "my", "our", "at", "for", "in", "i", "we", "and", "local"):
            k += 1
        rest = words[k:]
        suffix = m.group(2).lower().split()
        if not rest:
            continue
        if suffix[-1] in _PRO_TEAM and all(w in keep or w in _section("professional team words") for w in rest):
            continue  # "Leeds United", "Bristol Rovers": a professional team
        if len(suffix) == 1 and suffix[0] == "club" and all(w in keep for w in rest):
            continue  # "the Tesco club card"
        if not m.group(2)[0].isupper() and (all(w in generic_before_type() for w in rest)
                                            or len(rest) == 1 and m.group(1).split()[-1].isupper()):
            continue  # "the Breakfast club", "the GAA club": a kind of club, not a club's name
        start = m.start(1) + m.group(1).find(m.group(1).split()[k])
        end = m.end(1)
        sport = re.search(r"(?:[ \t]+(?i:" + _SPORT + r"))+$", text[start:end])
        if sport and sport.start() > 0 and m.group(2).lower() in ("club", "gym", "centre", "academy", "team"):
            end = start + sport.start()  # "Millfield Boxing Club": the sport stays as context
        yield start, end, "service"
    for m in CLUB_LOWER.finditer(text):
        w = m.group(1)
        if w not in english_words() and w not in keep:
            yield m.start(1), m.end(1), "service"


def _worship(text: str):
    generic = _section("worship generic")
    for m in WORSHIP.finditer(text):
        parts = m.group(1).split()
        k = 0
        while k < len(parts) and parts[k].lower().strip(".") in generic:
            k += 1
        if k >= len(parts):
            continue
        start = m.start(1) + m.group(1).find(parts[k])
        yield start, m.end(1), "service"
    lower = text.lower()
    if not any(w in lower for w in ("masjid", "gurdwara", "gurudwara", "mandir", "shri", "sri")):
        return
    for m in WORSHIP_BEFORE.finditer(text):
        name = m.group(2).rstrip(" \t-")
        if name and name.split()[0][0].isupper():
            yield m.start(2), m.start(2) + len(name), "service"
