"""Regular expressions for structured personal data (UK formats)."""

from __future__ import annotations

import re

EMAIL = re.compile(r"(?<![\w.+-])[\w.+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")

_TLD = r"(?:com|co\.uk|org\.uk|org|net|uk|io|ly|me|gov\.uk|nhs\.uk|ac\.uk|sch\.uk|info|biz|tv|gg|app|dev|xyz|ie|eu|us)"
# Web addresses are looked for inside whitespace-separated chunks (see
# ``find_urls``): running the domain pattern over the whole text is
# quadratic on input such as "a.a.a.a...".
_CHUNK = re.compile(r"[^\s<>\"'()\[\]{}]{4,}")
URL = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"']+"
    r"|(?<![\w.@-])[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,5}\." + _TLD + r"\b(?:/[^\s<>\"']*)?",
    re.IGNORECASE,
)


def find_urls(text: str):
    """Yield ``(start, end)`` of web addresses."""
    for chunk in _CHUNK.finditer(text):
        s = chunk.group()
        if len(s) > 2048 or "." not in s:
            continue
        for m in URL.finditer(s):
            yield chunk.start() + m.start(), chunk.start() + m.end()

HANDLE = re.compile(r"(?<![\w@/.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
HANDLE_CUE = re.compile(
    r"\b(?:snap(?:chat)?|sc|insta(?:gram)?|ig|tik\s?tok|twitter|discord|kik|telegram|fb|facebook|"
    r"xbox|psn|gamertag|gamer\s+tag|username|user\s+name|handle|roblox|steam|threads|bereal|youtube)"
    r"(?:\s+(?:name|handle|username|user|id|tag|account))?\s*(?:is|=|:|-|@|\s)\s*(?:is\s+)?"
    r"(@?[A-Za-z0-9_.]{3,30}(?:#\d{1,6})?)",
    re.IGNORECASE,
)

NHS_CUE = re.compile(r"\bnhs\s*(?:no\.?|number|num|#)?\s*(?:is|:)?\s*(\d{3}[\s-]?\d{3}[\s-]?\d{4})\b",
                     re.IGNORECASE)
NHS = re.compile(r"(?<![\d+])[1-9]\d{2}[ -]?\d{3}[ -]?\d{4}(?!\d)")

PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(?0)\d[\d \t().-]{7,15}\d(?!\d)"
)

POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)[ \t]*\d[A-Z]{2}\b", re.IGNORECASE)

_SUFFIX = (r"road|rd|street|st|avenue|ave|lane|ln|close|cl|drive|dr|way|crescent|cres|court|ct|"
           r"place|pl|grove|gardens|gdns|terrace|hill|row|square|sq|walk|mews|park|view|rise|"
           r"green|parade|vale|wharf|estate|lodge|heights|boulevard|croft|fold|gate|yard|"
           r"gardens|close|wynd|brow|chase|meadow|meadows|drove|walk|towers")
_STREET_WORD = (r"(?!(?:the|a|an|my|our|his|her|their|your|in|at|on|to|and|of|for|with|i|we|he|she|they|is|was|"
                r"times|days|mum|dad|mums|dads|nan|nans|friend|friends|mate|mates|home|school|weeks|years|people)\b)"
                r"[A-Za-z'\-]+")
ADDRESS = re.compile(
    r"\b(?:(?:flat|apartment|apt|unit|room)\s*\d+[a-z]?,?\s*)?\d{1,4}[a-z]?,?\s+"
    r"(?:" + _STREET_WORD + r"\s+){1,3}(?:" + _SUFFIX + r")\b\.?",
    re.IGNORECASE,
)
ADDRESS_CUE = re.compile(
    r"\b(?:live|living|lives|stay|staying|stays|address\s+is|moved\s+to|move\s+to|house\s+on|flat\s+on)"
    r"\s+(?:on|at|in|is)?\s*((?:" + _STREET_WORD + r"\s+){1,3}(?:" + _SUFFIX + r"))\b",
    re.IGNORECASE,
)

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DATE = (r"(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})"
         r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\.?(?:,?\s+(?:\d{4}|'?\d{2}))?"
         r"|" + _MONTH + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
         r"|" + _MONTH + r"\s+\d{4}"
         r"|(?:19|20)\d{2})")
DOB_CUE = re.compile(
    r"\b(?:born(?:\s+on|\s+in)?|dob|d\.o\.b\.?|date\s+of\s+birth|birthday(?:\s+is|'s)?|bday(?:\s+is|'s)?|"
    r"b-day(?:\s+is)?)\s*[:\-,]?\s*(?:is\s+)?(?:on\s+)?(?:the\s+)?(" + _DATE + r")\b",
    re.IGNORECASE,
)
NUMERIC_DATE = re.compile(r"(?<![\d/.\-])(?:0?[1-9]|[12]\d|3[01])[/.\-](?:0?[1-9]|1[0-2])[/.\-]"
                          r"(?:19|20)?\d{2}(?![\d/.\-])")


def phone_ok(s: str) -> bool:
    digits = re.sub(r"\D", "", s)
    if digits.startswith("0044"):
        digits = digits[2:]
    if digits.startswith("44"):
        rest = digits[2:].lstrip("0")
        return 9 <= len(rest) <= 10
    return digits.startswith("0") and 10 <= len(digits) <= 11
