"""Distinctive single words and short phrases ("signals").

Each is a "topic" rule: it only counts in a sentence about the writer or
someone they know (I/me/my/we/friend/mum...), never in talk about a lesson,
leaflet, charity or training, and not when negated or hypothetical.  These
catch disclosures phrased in ways the structured patterns did not foresee.
"""

from __future__ import annotations

from . import rule

_LESSON = ("lesson", "assembly", "workshop", "session", "poster", "leaflet", "video", "film",
           "movie", "book", "story", "news", "documentary", "tv", "programme", "game", "song",
           "lyrics", "character", "show", "play", "drama", "research", "project", "essay",
           "fortnite", "fifa", "minecraft", "roblox", "cod", "warzone", "gaming", "xbox", "ps5", "music")

RULES = [
    rule("sexual_abuse",
         "inappropriate|inappropriately|(sexually)|(private parts)|(my privates)|(his privates)|(her privates)|"
         "molest|molested|grope|groped|groping|fondle|fondled|(touch me)|(touched me)|(touching me)|(touches me)|"
         "(touched her)|(touches her)",
         kind="topic", unless=_LESSON + ("comment", "comments", "joke", "jokes", "language", "words",
                                         "swearing", "photo", "touch base", "in touch"),
         unless_sentence=True),
    rule("sexual_exploitation_grooming",
         "nudes|nude|(naked pics)|(naked pictures)|(dick pic)|(dick pics)|sextortion|(sugar daddy)|(older man)|"
         "(older men)|(older guy)|(older guys)|(grown man)|(grown men)|(sexual pictures)|(sexual photos)",
         kind="topic", unless=_LESSON + ("painting", "art", "gallery", "statue", "beach"),
         unless_sentence=True),
    rule("criminal_exploitation",
         "shotting|cuckooing|cuckooed|(drug debt)|(run drugs)|(running drugs)|(selling drugs)|(dealing drugs)|shank|"
         "machete|(zombie knife)|opps|(postcode war)|(trap house)|(in a gang)|(gang members)|(carry a knife)|"
         "(carries a knife)|(carrying a knife)",
         kind="topic", unless=_LESSON + ("museum",), unless_sentence=True),
    rule("emotional_abuse",
         "(emotionally abusive)|(emotional abuse)|gaslight|gaslighting|gaslights|(manipulates me)|(controlling)|"
         "(hate me)|(hates me)|unloved|(not loved)|(unwanted)",
         kind="topic", requires=("@FAMILY|home",), unless=_LESSON + ("lol", "joke", "jokes", "homework"),
         unless_sentence=True),
    rule("domestic_abuse",
         "(domestic violence)|(domestic abuse)|(dv)|abusive|(beats my mum)|(hits my mum)|(hurts my mum)|(police "
         "came)|(police were called)|(called the police)",
         kind="topic", unless=_LESSON + ("crash", "accident", "street", "road", "burglary", "burgled",
                                         "stolen", "fire", "alarm", "neighbour", "neighbours", "car",
                                         "broke", "robbed", "lost"),
         unless_sentence=True),
    rule("missing_homeless",
         "homeless|runaway|(ran away)|(run away)|(running away)|(kicked out)|(thrown out)|(sofa surfing)|(sleeping "
         "rough)|(slept rough)|(nowhere to)|(no where to)|(no fixed address)|(bouncing between)|(sofa hopping)",
         kind="topic", unless=_LESSON + ("dog", "cat", "pet", "hamster", "lesson", "class", "club",
                                         "school", "college", "pub", "shop", "people", "person", "wasp",
                                         "bee", "spider", "lol", "team", "squad", "training", "football",
                                         "match", "game", "choir", "band",
                                         "man", "men", "woman", "shelter", "charity"),
         unless_sentence=True),
    rule("forced_marriage_fgm_honour",
         "fgm|(forced marriage)|(forced to marry)|(make me marry)|(making me marry)|(honour based)|(honour violence)|"
         "(family honour)|dowry|(child marriage)|(married off)|khatna|(breast ironing)",
         kind="topic", unless=_LESSON, unless_sentence=True),
    rule("bullying",
         "bullied|bullying|bullies|(picked on)|(picking on)|harassed|harassment|tormented|tormenting|(excluded me)|"
         "(isolated)|(ganged up)|(ganging up)|cyberbullied|cyberbullying|trolled|trolling",
         kind="topic", unless=_LESSON + ("sorted", "anti", "ambassador", "ambassadors", "policy"),
         unless_sentence=True, resolved_ok=False),
    rule("self_harm_suicide",
         "suicidal|suicide|selfharm|(self harm)|(self-harm)|(kill myself)|(end my life)|(want to die)|(wanna die)|"
         "(better off dead)|(no reason to live)|overdose|(cutting myself)|(hurting myself)|(harming myself)",
         kind="topic", unless=_LESSON + ("prevention", "awareness", "helpline", "squad", "bomber", "shaving",
                                         "coach", "drill", "drills", "sprints",
                                         "shave", "hair", "dye", "accident", "accidentally", "cooking", "finger"),
         unless_sentence=True, resolved_ok=False),
    rule("neglect",
         "neglect|neglected|neglecting|(no food)|(nothing to eat)|(always hungry)|(go hungry)|(dirty clothes)|(no "
         "electricity)|(no heating)|(no hot water)|(left alone)|(left on my own)|(fend for myself)|(fend for "
         "ourselves)",
         kind="topic", unless=_LESSON + ("party", "trip", "camp", "camping", "restaurant", "canteen", "menu",
                                         "sometimes", "fine", "like", "peace", "quiet", "boiler", "landlord",
                                         "fixed", "engineer", "plumber", "garden", "plants", "plant"),
         unless_sentence=True),
]
