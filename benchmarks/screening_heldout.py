"""Held-out sets for issue 17, written blind by a second writer and scored once (never trained or tuned on).

``benchmarks/data/heldout_youth_ordinary.csv`` and ``heldout_practitioner_ordinary.csv``: ordinary
answers (alerts per 1,000); ``heldout_youth_disclosures.csv``: disclosures (recall, and the
category named).  Files may carry a ``language`` column: figures are then given per language.
Each answer is screened beside its ``question`` column (``--no-question``: the answer alone).
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
ORDINARY = (("youth ordinary answers", "heldout_youth_ordinary.csv"),
            ("practitioner ordinary answers", "heldout_practitioner_ordinary.csv"))
DISCLOSURES = ("youth disclosures", "heldout_youth_disclosures.csv")


def _rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _text(row: dict) -> str:
    return row.get("answer") or row.get("text") or ""


def _by_language(rows, results):
    langs = sorted({r.get("language", "") for r in rows} - {""})
    groups = [("all", list(zip(rows, results, strict=True)))]
    if len(langs) > 1:
        groups += [(lang, [(r, x) for r, x in zip(rows, results, strict=True) if r.get("language") == lang])
                   for lang in langs]
    return groups


def _questions(rows, with_question: bool):
    return [r.get("question") if with_question else None for r in rows]


def bench_heldout(screener, show_errors: bool = False, data: Path = DATA, with_question: bool = True) -> dict:
    """Print the held-out figures; return them as ``{name: value}``."""
    print("## Held-out sets (second blind writer; seen since the youth session: now development sets)\n")
    print(f"Answers screened {'beside their question' if with_question else 'alone (no question)'}.\n")
    out: dict[str, float] = {}
    print("| set | language | answers | flagged | alerts per 1,000 | flagged only as not screened |")
    print("|---|---|---|---|---|---|")
    for title, name in ORDINARY:
        path = data / name
        if not path.exists():
            print(f"| {title} | - | missing ({name}) | | | |")
            continue
        rows = _rows(path)
        res = screener.transform([_text(r) for r in rows], _questions(rows, with_question))
        for lang, sel in _by_language(rows, res):
            n = sum(x.flagged for _r, x in sel)
            only = sum(x.flagged and all(c.startswith("not_screened") for c in x.categories) for _r, x in sel)
            print(f"| {title} | {lang} | {len(sel)} | {n} | **{1000 * n / max(len(sel), 1):.1f}** | {only} |")
            out[f"{name}:{lang}"] = 1000 * n / max(len(sel), 1)
        if show_errors:
            for r, x in zip(rows, res, strict=True):
                if x.flagged:
                    print(f"  - FALSE ALARM {_text(r)!r} -> {[(h.category, h.evidence) for h in x.hits]}")
    title, name = DISCLOSURES
    path = data / name
    print()
    if path.exists():
        rows = _rows(path)
        res = screener.transform([_text(r) for r in rows], _questions(rows, with_question))
        print("| set | language | disclosures | reach a person | recall | right category named |")
        print("|---|---|---|---|---|---|")
        for lang, sel in _by_language(rows, res):
            caught = sum(x.flagged for _r, x in sel)
            right = sum(r.get("category", "") in x.categories for r, x in sel)
            print(f"| {title} | {lang} | {len(sel)} | {caught} | **{caught / max(len(sel), 1):.3f}** | {right} |")
            out[f"{name}:{lang}"] = caught / max(len(sel), 1)
        if show_errors:
            for r, x in zip(rows, res, strict=True):
                if not x.flagged:
                    print(f"  - MISSED [{r.get('category', '')}] {_text(r)!r}")
    else:
        print(f"{title}: missing ({name})")
    print()
    return out


FRESH = {"ordinary": "fresh3_youth_ordinary.csv", "disclosures": "fresh3_youth_disclosures.csv",
         "languages": "fresh3_welsh_urdu.csv"}


def _not_screened_only(result) -> bool:
    return result.flagged and all(c.startswith("not_screened") for c in result.categories)


def bench_third_writer(screener, show_errors: bool = False, data: Path = DATA, with_question: bool = True) -> dict:
    """The third blind writer's sets (``fresh3_*``), copied in after the session's work and scored once."""
    print("## Fresh held-out sets (third blind writer; scored once after the work was finished)\n")
    print(f"Answers screened {'beside their question' if with_question else 'alone (no question)'}.\n")
    out: dict[str, float] = {}
    ordinary = _rows(data / FRESH["ordinary"])
    res = screener.transform([_text(r) for r in ordinary], _questions(ordinary, with_question))
    flagged = sum(x.flagged for x in res)
    out["ordinary_per_1000"] = 1000 * flagged / len(ordinary)
    told = [(r, x) for r, x in zip(ordinary, res, strict=True) if r["question"].lower().startswith("who would")]
    print(f"- youth ordinary answers: {len(ordinary)}, flagged {flagged}: **{out['ordinary_per_1000']:.1f} "
          f"alerts per 1,000** (answers to \"Who would you tell...?\": {sum(x.flagged for _r, x in told)} "
          f"of {len(told)} flagged)")
    if show_errors:
        for r, x in zip(ordinary, res, strict=True):
            if x.flagged:
                print(f"  - FALSE ALARM [{r['question']}] {_text(r)!r} -> {[(h.category, h.evidence) for h in x.hits]}")
    disclosures = _rows(data / FRESH["disclosures"])
    res = screener.transform([_text(r) for r in disclosures], _questions(disclosures, with_question))
    caught = sum(x.flagged for x in res)
    out["disclosure_recall"] = caught / len(disclosures)
    print(f"- youth disclosures: {len(disclosures)}, reach a person {caught}: **recall "
          f"{out['disclosure_recall']:.3f}**")
    if show_errors:
        for r, x in zip(disclosures, res, strict=True):
            if not x.flagged:
                print(f"  - MISSED [{r['category']}] {_text(r)!r}")
    rows = _rows(data / FRESH["languages"])
    res = screener.transform([_text(r) for r in rows])
    print("\n| language | label | answers | reach a person | by a category (not only routed) |")
    print("|---|---|---|---|---|")
    for language in ("cy", "ur", "ur-Latn"):
        for label, name in (("1", "disclosures"), ("0", "ordinary")):
            sel = [x for r, x in zip(rows, res, strict=True) if r["language"] == language and r["label"] == label]
            reach = sum(x.flagged for x in sel)
            real = sum(x.flagged and not _not_screened_only(x) for x in sel)
            print(f"| {language} | {name} | {len(sel)} | {reach} | {real} |")
            out[f"{language}:{name}:reach"] = reach / max(len(sel), 1)
            out[f"{language}:{name}:category"] = real / max(len(sel), 1)
    print()
    return out


# The fourth and fifth blind writers (2 December, afternoon): young people's answers to the youth survey's
# own questions (and four more), one writer in a northern post-industrial town, one in a southern county.
NEW_WRITERS = {"fourth writer": "fresh4", "fifth writer": "fresh5"}
# A third of the new writers' answers is set aside, fixed by a hash of the set and the row id, and never read
# while tuning (issue 17, screen5 session): the "check" part is the honest estimate until newer writers arrive.
NEW_WRITER_PARTS = ("all", "tune", "check")
# The sixth and seventh blind writers (2 December, screen5 session): a northern city, an East Midlands county.
# Scored on the code before the session's screen work (12.3 per 1,000, recall 0.853) and once after it.
LATEST_WRITERS = {"sixth writer": "fresh6", "seventh writer": "fresh7"}
EIGHTH_WRITER = {"eighth writer": "fresh8"}  # copied in at the end of the screen6 session, scored once
# The ninth and tenth blind writers (3 December): scored on the shipped screen before the screen7 work and once
# after it, errors not read in between.
NINTH_TENTH_WRITERS = {"ninth writer": "fresh9", "tenth writer": "fresh10"}
# The twelfth and thirteenth (3 December, afternoon): scored on the shipped screen before that session's screen
# work and once after it; errors never printed.
TWELFTH_THIRTEENTH_WRITERS = {"twelfth writer": "fresh12", "thirteenth writer": "fresh13"}
# The fourteenth and fifteenth (3 December, evening): scored on the shipped screen before that session's screen
# work (screen9, a round on writers 12 and 13) and once after it; errors never printed.
FOURTEENTH_FIFTEENTH_WRITERS = {"fourteenth writer": "fresh14", "fifteenth writer": "fresh15"}
# The sixteenth and seventeenth (3 December, evening): scored before screen10 (a false-alarm round) was merged and
# once after; errors never printed.
SIXTEENTH_SEVENTEENTH_WRITERS = {"sixteenth writer": "fresh16", "seventeenth writer": "fresh17"}
# The eighteenth and nineteenth (3 December, late): left unscored and unread for the next session.
EIGHTEENTH_NINETEENTH_WRITERS = {"eighteenth writer": "fresh18", "nineteenth writer": "fresh19"}
# The twentieth and twenty-first (4 December): scored before that session's screen work was merged and once after;
# errors never printed.
TWENTIETH_TWENTYFIRST_WRITERS = {"twentieth writer": "fresh20", "twenty-first writer": "fresh21"}
# The twenty-second and twenty-third (4 December, late): scored once at first sight on 4 December, evening (totals).
TWENTYSECOND_TWENTYTHIRD_WRITERS = {"twenty-second writer": "fresh22", "twenty-third writer": "fresh23"}
# The twenty-fourth and twenty-fifth (4 December, evening): scored at first sight on 4 December, night, on the
# shipped screen of that evening (totals only: recall 0.847, 6.9 alerts per 1,000).
TWENTYFOURTH_TWENTYFIFTH_WRITERS = {"twenty-fourth writer": "fresh24", "twenty-fifth writer": "fresh25"}
# The twenty-sixth and twenty-seventh (4 December, night): written blind, for a first-sight score.
TWENTYSIXTH_TWENTYSEVENTH_WRITERS = {"twenty-sixth writer": "fresh26", "twenty-seventh writer": "fresh27"}
# Writers 28-32 (5 December): written blind, each to a persona mix (their READMEs), for a first-sight score.
WRITERS_28_32 = {f"writer {n}": f"fresh{n}" for n in range(28, 33)}
# Writers 33-37 (5 December, later): written blind to new persona mixes while 28-32 became tuning data; kept unread
# for the first-sight score of the screen tuned on 28-32.
WRITERS_33_37 = {f"writer {n}": f"fresh{n}" for n in range(33, 38)}
# Writers 38-42 (5 December, last): written blind to new persona mixes after 33-37 were scored; never scored, never
# read: the next first sight.
WRITERS_38_42 = {f"writer {n}": f"fresh{n}" for n in range(38, 43)}
# Writers 43-47 (5 December, evening): written blind to new persona mixes (young carers; clubs and activities; 16-18
# in work and college; everyday mental-health talk; many communities mixing words of other languages) after 38-42
# were scored; never scored, never read: the first sight of the screen tuned on 38-42.
WRITERS_43_47 = {f"writer {n}": f"fresh{n}" for n in range(43, 48)}
WRITERS_48_52 = {f"writer {n}": f"fresh{n}" for n in range(48, 53)}
# Writers 53-57 (6 December): written blind to new persona mixes (disabled young people and long-term health
# conditions; low-income seaside and ex-industrial towns; sport and performing arts; forces families and newly
# arrived young people; a year 9-10 tutor group in form time) after 48-52 were scored once; never scored, never
# read: the next first sight.
WRITERS_53_57 = {f"writer {n}": f"fresh{n}" for n in range(53, 58)}
# Writers 58-62 (6 December, morning): written blind to a second brief (``fresh58_README.md``): no persona of hard
# lives and no share of hard-topic answers asked for; each writes one real kind of group (a rural year 7-8 PSHE
# lesson; a year 10-11 assembly from a QR code; a college youth council; a youth club and pupil referral unit; a
# market-town school at home from a text to parents) answering as that group really would, the share of
# hard-topic answers their own belief. Never scored, never read: the figure a partnership's survey would meet.
WRITERS_58_62 = {f"writer {n}": f"fresh{n}" for n in range(58, 63)}
# Writers 63-67 (6 December, afternoon): the same task as 58-62 (``blind_brief_63.md``), five more kinds of group (a
# Catholic girls' school in Bradford, a north-east coastal school, a Children in Care Council, a special school, a
# grammar-school sixth form). Committed unread; first sight 6 December, afternoon (SCREENING_RESULTS.md).
WRITERS_63_67 = {f"writer {n}": f"fresh{n}" for n in range(63, 68)}
# Writers 68-72 (6 December, afternoon, after 63-67 were read): the same brief, for the kinds of group where the screen
# had been noisiest (a care leavers' forum, two children's homes, a young carers' project, an SEMH special school) and
# a Welsh valleys comprehensive answering in English. Committed unread.
WRITERS_68_72 = {f"writer {n}": f"fresh{n}" for n in range(68, 73)}
# Writers 73-80 (6 December, late afternoon, after 68-72 were read): the same brief, eight more kinds of group (a youth
# justice service, an LGBTQ+ youth group, young refugees in an ESOL class, a rural Dales school, Gypsy, Roma and
# Traveller young people, a Muslim youth club in East London, a young parents' group in south Wales, a school for
# physical disabilities). Committed unread, for a first sight after this session's changes.
WRITERS_73_80 = {f"writer {n}": f"fresh{n}" for n in range(73, 81)}
# Writers 81-88 (6 December, late afternoon): the same brief, eight more kinds of group (year 6 at a transition day, a
# football club's community programme, sea and army cadets, a school wellbeing group of young people waiting for CAMHS,
# a pupil referral unit, a Black-led youth project, a gurdwara youth group, a boarding school). Committed unread.
WRITERS_81_88 = {f"writer {n}": f"fresh{n}" for n in range(81, 89)}
# Writers 89-96 (6 December, evening): the same brief, eight more (a Cornish seaside school, a Jewish youth movement, a
# school for deaf children writing English, a youth theatre, families in temporary accommodation, a girls' school in
# Newcastle, Eastern European families in Peterborough, apprentices and young workers). Committed unread.
WRITERS_89_96 = {f"writer {n}": f"fresh{n}" for n in range(89, 97)}
# Writers 97-104 (6 December, evening, the next session): the same brief, eight more (Explorer Scouts and Rangers in a
# commuter village, service children by a garrison, Hong Kong families writing English, an esports club in a library,
# a hospital school, a Lincolnshire seaside school, a Pentecostal church youth group, a youth homelessness project).
# Committed unread, for a first sight at the end of the session.
WRITERS_97_104 = {f"writer {n}": f"fresh{n}" for n in range(97, 105)}
# Writers 105-112 (6 December, night, stop 45): the same brief, eight more (a Young Farmers' Club, a home-education
# co-op, a boxing gym, a former mining village's youth club, Ukrainian families writing English, a young people's drug
# and alcohol service, a Duke of Edinburgh group, a borough youth parliament). Committed unread, for a first sight.
WRITERS_105_112 = {f"writer {n}": f"fresh{n}" for n in range(105, 113)}
# Writers 113-116 (7 December, stop 46): the same brief (a Sikh gurdwara youth group in Wolverhampton, a girls'
# football team in Sunderland, year 9 at a Catholic school in Liverpool, Gypsy, Roma and Traveller young people
# reached by outreach in Kent). Committed unread, for a first sight.
WRITERS_113_114 = {f"writer {n}": f"fresh{n}" for n in range(113, 115)}
WRITERS_113_116 = {f"writer {n}": f"fresh{n}" for n in range(113, 117)}
# Writers 117-118 (7 December, stop 47): the same brief (boys at a mosque-based youth club in Blackburn; pupils at a
# school on the Isle of Wight). Converted by `benchmarks/blind_convert.py` and committed unread, for a first sight.
WRITERS_117_118 = {f"writer {n}": f"fresh{n}" for n in range(117, 119)}
# Writers 119-122 (7 December, stop 47): the same brief (a Sheffield academy from a QR code in assembly; a youth club
# in a Norfolk market town; Black Caribbean and mixed heritage young people at a music project in Nottingham; a
# Church of England school in Surrey). Committed unread, for a first sight.
WRITERS_117_122 = {f"writer {n}": f"fresh{n}" for n in range(117, 123)}


def new_writer_part(prefix: str, row_id: str) -> str:
    """``"check"`` for the set-aside third of a new writer's rows, ``"tune"`` for the rest."""
    digest = hashlib.sha256(f"screen5-split:{prefix}:{row_id}".encode()).digest()
    return "check" if int.from_bytes(digest[:8], "big") % 3 == 0 else "tune"


def _in_part(prefix: str, rows: list[dict], part: str) -> list[dict]:
    return rows if part == "all" else [r for r in rows if new_writer_part(prefix, r["id"]) == part]


def bench_new_writers(screener, show_errors: bool = False, data: Path = DATA, with_question: bool = True,
                      part: str = "all", writers: dict | None = None) -> dict:
    """The fourth and fifth blind writers' sets (``fresh4_*``, ``fresh5_*``): alerts per 1,000 ordinary
    answers and disclosures that reach a person.  ``part`` selects the rows: ``all``, ``tune`` (two thirds,
    development data) or ``check`` (the third set aside by ``new_writer_part``, never read while tuning)."""
    which = {"all": "", "tune": ", tuning part (two thirds)", "check": ", set-aside third (never read)"}[part]
    writers = writers or NEW_WRITERS
    print(f"## Blind writers: {' and '.join(writers)}{which}\n")
    out: dict[str, float] = {}
    totals = {"ordinary": 0, "flagged": 0, "disclosures": 0, "caught": 0}
    kinds: dict[str, list[int]] = {}  # the writer's own tag of an ordinary answer (writers 48 on): [answers, flagged]
    for name, prefix in writers.items():
        ordinary = _in_part(prefix, _rows(data / f"{prefix}_youth_ordinary.csv"), part)
        disclosures = _in_part(prefix, _rows(data / f"{prefix}_youth_disclosures.csv"), part)
        res_o = screener.transform([_text(r) for r in ordinary], _questions(ordinary, with_question))
        res_d = screener.transform([_text(r) for r in disclosures], _questions(disclosures, with_question))
        flagged, caught = sum(x.flagged for x in res_o), sum(x.flagged for x in res_d)
        print(f"- {name}: ordinary {len(ordinary)}, flagged {flagged} (**{1000 * flagged / len(ordinary):.1f} per "
              f"1,000**); disclosures {len(disclosures)}, reach a person {caught} (**recall "
              f"{caught / len(disclosures):.3f}**)")
        totals["ordinary"] += len(ordinary)
        totals["flagged"] += flagged
        totals["disclosures"] += len(disclosures)
        totals["caught"] += caught
        for r, x in zip(ordinary, res_o, strict=True):
            if r.get("kind"):
                kinds.setdefault(r["kind"], [0, 0])
                kinds[r["kind"]][0] += 1
                kinds[r["kind"]][1] += x.flagged
        if show_errors:
            for r, x in zip(ordinary, res_o, strict=True):
                if x.flagged:
                    print(f"  - FALSE ALARM [{r['question']}] {_text(r)!r} -> "
                          f"{[(h.category, h.evidence) for h in x.hits]}")
            for r, x in zip(disclosures, res_d, strict=True):
                if not x.flagged:
                    question = r["question"] if with_question else None
                    vetoes = sorted({veto for *_hit, veto in screener.explain(_text(r), question) if veto})
                    why = f"vetoed: {', '.join(vetoes)}" if vetoes else "no hit"
                    print(f"  - MISSED [{r['category']}] [{r['question']}] {_text(r)!r} ({why})")
        out[f"{prefix}:ordinary_per_1000"] = 1000 * flagged / len(ordinary)
        out[f"{prefix}:recall"] = caught / len(disclosures)
    out["ordinary_per_1000"] = 1000 * totals["flagged"] / totals["ordinary"]
    out["recall"] = totals["caught"] / totals["disclosures"]
    print(f"- both: **{out['ordinary_per_1000']:.1f} alerts per 1,000 ordinary answers** "
          f"({totals['flagged']} of {totals['ordinary']}); **recall {out['recall']:.3f}** "
          f"({totals['caught']} of {totals['disclosures']})")
    for kind, (n, flagged) in sorted(kinds.items()):
        out[f"{kind}:ordinary_per_1000"] = 1000 * flagged / n
        print(f"- ordinary answers the writers tagged `{kind}`: {flagged} of {n} flagged "
              f"(**{1000 * flagged / n:.1f} per 1,000**)")
    print()
    return out
