"""Word lists shared by the screening rules.

Everything here is plain data so that a reviewer can audit exactly which
words the screen reacts to.  Words are written as a young person might
write them; they are normalised (lower case, text speak expanded, lemma)
when the rules are compiled, so listing one inflection is enough.
"""

from __future__ import annotations

# Text speak, dialect and frequent misspellings -> standard word.
# Applied to each lower-cased token before lemmatising.
SLANG: dict[str, str] = {
    "ma": "my", "mi": "my", "muh": "my", "meh": "me", "moi": "me",
    "u": "you", "ya": "you", "yu": "you", "ur": "your", "yr": "your", "r": "are",
    "hes": "he", "shes": "she", "im": "i", "ive": "i", "theyre": "they",
    "theyve": "they", "itz": "it", "iz": "is", "wuz": "was", "woz": "was",
    "bf": "boyfriend", "gf": "girlfriend", "bfriend": "boyfriend",
    "sum1": "someone", "some1": "someone", "sumone": "someone", "summat": "something",
    "any1": "anyone", "every1": "everyone", "evry1": "everyone",
    "no1": "nobody", "noone": "nobody", "nobdy": "nobody",
    "ppl": "people", "peeps": "people",
    "bc": "because", "bcos": "because", "cos": "because", "coz": "because",
    "cuz": "because", "becoz": "because", "cause": "because", "cus": "because",
    "wiv": "with", "wif": "with", "wid": "with", "w/": "with",
    "wen": "when", "wot": "what", "wat": "what", "wht": "what",
    "dat": "that", "dis": "this", "tho": "though", "nd": "and", "n": "and",
    "abt": "about", "bout": "about", "luv": "love", "hav": "have",
    "wanna": "want", "wana": "want", "wannt": "want", "gotta": "have",
    "dont": "not", "doesnt": "not", "didnt": "not", "wont": "not", "cant": "not",
    "isnt": "not", "wasnt": "not", "aint": "not", "havent": "not", "hasnt": "not",
    "nt": "not", "n't": "not", "ca": "can", "wo": "will", "sha": "shall",
    "mam": "mum", "mom": "mum", "mommy": "mum", "mummy": "mum", "mumma": "mum",
    "mother": "mum", "mumz": "mum", "muma": "mum",
    "daddy": "dad", "father": "dad", "da": "dad", "pops": "dad", "papa": "dad",
    "stepdad": "dad", "stepmum": "mum", "stepmom": "mum",
    "bro": "brother", "bruv": "brother", "sis": "sister", "lil": "little",
    "nana": "nan", "gran": "nan", "granny": "nan", "grandma": "nan", "nanny": "nan",
    "grandad": "grandad", "granddad": "grandad", "grandpa": "grandad", "gramps": "grandad",
    "auntie": "aunt", "aunty": "aunt", "aunties": "aunt", "aunts": "aunt", "uncles": "uncle",
    "cousins": "cousin", "carers": "carer", "parents": "parent", "m8": "mate", "m8s": "mate", "bestie": "friend",
    "pic": "picture", "pics": "picture", "piccy": "picture", "piccies": "picture",
    "photo": "picture", "photos": "picture", "pix": "picture", "selfie": "picture",
    "selfies": "picture", "nudes": "nude", "noodz": "nude", "nudez": "nude", "n00dz": "nude",
    "snap": "snapchat", "sc": "snapchat", "insta": "instagram", "ig": "instagram",
    "txt": "text", "msg": "message", "msgs": "message", "dm": "message", "dms": "message",
    "dming": "message", "dmd": "message", "dmed": "message", "dmin": "message", "pm": "message",
    "pming": "message", "inboxing": "message", "snapping": "message",
    "kms": "kms", "kys": "kys", "unalive": "kill", "unalived": "kill",
    "suicidle": "suicidal", "sucidal": "suicidal", "suicidel": "suicidal",
    "sucide": "suicide", "suiside": "suicide", "suicde": "suicide",
    "rapped": "raped", "rappd": "raped", "raipd": "raped",
    "hitted": "hit", "beated": "beat", "punshed": "punch", "kickd": "kick",
    "slaped": "slap", "touchd": "touch", "tuched": "touch", "tutched": "touch",
    "bullyed": "bullied", "bulied": "bullied", "bullyd": "bullied",
    "smaks": "smack", "smaked": "smack", "battered": "batter", "leathered": "batter",
    "homless": "homeless", "missin": "missing",
    "scard": "scared", "scaired": "scared", "skared": "scared",
    "drunk": "drunk", "pissed": "drunk", "wasted": "drunk", "hammered": "drunk",
    "nuffin": "nothing", "nuthin": "nothing", "nothin": "nothing",
    "sumthin": "something", "somethin": "something",
    "dnt": "not", "dint": "not", "dosnt": "not", "wudnt": "not", "wouldnt": "not",
    "couldnt": "not", "shouldnt": "not", "cudnt": "not", "shudnt": "not",
    "2": "to", "wnt": "want", "lyf": "life", "ded": "dead", "h8": "hate", "hte": "hate",
    "tellin": "tell", "tell'n": "tell", "meself": "myself", "maself": "myself",
    "myslef": "myself", "mysef": "myself", "slapt": "slap", "slappd": "slap",
    "bashd": "bash", "punchd": "punch", "kikd": "kick", "chokd": "choke",
    "groomd": "groomed", "grommed": "groomed",
    # laughter and joke markers all read as "lol" (a benign frame for some rules)
    "haha": "lol", "hahaha": "lol", "lmao": "lol", "lmfao": "lol", "jk": "lol", "jks": "lol",
    "rofl": "lol", "\U0001f480": "lol",
    "skl": "school", "skool": "school", "skwl": "school", "agen": "again", "agin": "again",
    "wateva": "whatever", "watever": "whatever", "wotever": "whatever", "feds": "police",
    "shing": "selfharm", "footy": "football",
    "\U0001f602": "lol", "\U0001f923": "lol", "\U0001f606": "lol", "\U0001f605": "lol",
}

# Words that negate the trigger that follows them (checked right before it).
NEGATIONS: frozenset[str] = frozenset({
    "not", "never", "no", "nobody", "none", "nothing", "neither", "nor",
    "noone", "nowhere",
})
# Words that may sit between a negation and the trigger ("has never ever hit").
NEGATION_SKIP: frozenset[str] = frozenset({
    "do", "have", "be", "will", "would", "could", "can", "should", "ever",
    "really", "actually", "even", "once", "one", "'s", "s", "m", "'m", "'ve",
    "got", "get", "personally", "been", "anyone", "anybody", "at", "let", "lets",
    "all", "like", "i", "he", "she", "they", "we", "you", "it", "'d", "d",
    "'ll", "ll", "so", "too", "much", "that", "this",
    # "never thought about hurting myself", "never tried to ..."
    "think", "thought", "about", "of", "considered", "consider", "tried", "try",
})

# Cues that make the rest of the clause hypothetical / not about the writer.
HYPOTHETICAL_CUES: tuple[str, ...] = (
    "if", "what if", "in case", "imagine", "pretend", "suppose",
    "what to do", "how to", "who to", "where to", "when to",
    "someone who", "somebody who", "people who", "anyone who", "anybody who",
    "children who", "kids who", "young people who", "students who", "pupils who",
    "person who", "friend who", "parents who", "adults who", "grown ups who", "teachers who",
    "dads who", "mums who", "for example", "e.g.", "eg", "such as",
    "whether", "unless", "hypothetically", "scenario", "role play",
    "could happen", "what happens", "what happen",
)

# Cues that show the writer is talking *about a topic* (lessons, training,
# leaflets), not disclosing.  Only used for "topic" rules.
TOPIC_CUES: tuple[str, ...] = (
    "learn", "learnt", "learned", "lesson", "session", "sessions", "workshop",
    "assembly", "pshe", "rse", "pshce", "class about", "talk about", "talked about",
    "taught", "teach", "information", "info", "leaflet", "poster", "video",
    "awareness", "training on", "training course", "training session", "staff training", "the training was",
    "safeguarding training", "course", "sign of", "signs of", "spot the", "partnership", "survey",
    "more about", "topic", "talk on", "talks on", "film", "documentary",
    "helpline", "campaign", "charity", "website", "advice on", "advice about",
    "understand", "explain", "explained", "discussion", "discuss", "debate",
    "programme", "program", "the news", "tiktok about", "speaker",
    "useful", "helpful", "interesting", "talk to us", "talked to us", "came in",
    "come in", "charity", "donate", "donated", "collect", "collected", "volunteer",
    "volunteering", "fundraiser", "fundraising", "raise money", "food bank", "visit", "visited",
    "visitor", "lecture", "quiz", "research", "project", "prevention",
    # practitioners writing about their work
    "case", "cases", "caseload", "referral", "referrals", "disclosures", "practitioner",
    "practitioners", "professional", "professionals", "colleague", "colleagues", "our setting",
    "supervision", "paperwork", "guidance", "agencies", "multi agency", "young people",
    "presenting with", "risk assessment", "thresholds", "staff dealing", "children missing",
    "trained to", "should be trained", "spot when", "dsl", "lscp", "senco", "designated",
    "safeguarding lead", "between peers", "peer on peer", "child-on-child",
    "toolkit", "module", "section on", "protocol", "clinic", "well explained", "pathway", "pathways",
)

# An answer that opens with a job title and a colon ("Housing officer: ...",
# "Pastoral lead - ...") is a practitioner writing about their work: for bare
# topic words it counts as lesson / practitioner talk.  Carers and lay members
# are left out: they write about children they look after or know.
PROFESSIONAL_ROLES: tuple[str, ...] = (
    "officer", "lead", "worker", "nurse", "teacher", "manager", "dsl", "gp", "coordinator",
    "co-ordinator", "practitioner", "head", "senco", "visitor", "paediatrician", "consultant",
    "sergeant", "constable", "pc", "inspector", "governor", "trainer", "mentor", "clinician",
    "therapist", "counsellor", "chair", "detective", "midwife", "psychologist", "advisor", "adviser",
    "pcso", "idva", "isva", "paramedic", "probation", "police",
)

# A harm word that is the subject of a lesson, story or case ("a book about a
# girl who was abused", "the trainer explained that cuckooing is ...", "our
# staff report concerns about young people going missing") is talk about a
# topic, whatever the rule.  FRAME_CUES must come right before one of
# FRAME_LINKS, and no word about the writer or their family may come between
# the link and the harm word ("the lesson about consent made me realise my
# uncle ..." still counts).
FRAME_CUES: tuple[str, ...] = (
    "book", "novel", "story", "stories", "play", "film", "movie", "documentary", "video", "lesson",
    "lessons", "assembly", "session", "workshop", "a talk", "the talk", "presentation", "case study", "training",
    "trainer", "course", "poster", "leaflet", "article", "poem", "programme", "episode", "concern",
    "concerns", "research", "project", "essay", "explained", "explain", "taught", "learned", "learnt",
    "learn", "guidance", "policy", "debate", "module", "scenario", "campaign", "news", "report",
    "reports", "speaker", "performance", "show", "drama", "song", "quiz", "information", "info",
)
FRAME_LINKS: frozenset[str] = frozenset({"about", "on", "from", "called", "showing", "around", "regarding", "re"})
# "explained that ...", "taught us how ...": these links only after a teaching verb
# ("mentioned during a session that she's been sleeping in a car" is a disclosure).
FRAME_VERBS: tuple[str, ...] = ("explained", "explain", "taught", "teach", "learned", "learnt", "learn",
                                "showed us", "told us", "shown")
FRAME_VERB_LINKS: frozenset[str] = frozenset({"that", "how", "what", "where", "us", "never", "not", "to"})

# Past harm that is over, for every rule and the net: a PAST cue before the
# match in its sentence and an OVER cue anywhere after it in the answer ("my
# dad used to hit me when I was little but he went to prison and I live with
# my gran now and I'm happy").  "used to hit me and now he hits my brother"
# has no OVER cue and still counts.
PAST_CUES: tuple[str, ...] = (
    "used to", "when i was little", "when i was younger", "when i was small", "when i was a kid",
    "when i was a baby", "years ago", "in the past", "for a bit when", "when we were little",
    "when we were younger", "when we were small", "when we were kids", "in primary", "once",
    "as a baby", "as a kid", "as a toddler", "when i lived with", "when we lived with", "my old school",
    "my birth mum", "my birth dad", "my birth parents", "my real dad", "my real mum", "my old foster",
    "taken into care", "went into care",
)
OVER_CUES: tuple[str, ...] = (
    "better now", "much better", "happy now", "i'm happy", "im happy", "safe now", "fine now", "ok now",
    "okay now", "now we have", "now we live", "now i live", "went to prison", "moved out", "moved away",
    "done it since", "not since", "no longer", "in a good place", "got help", "had counselling",
    "had help", "it stopped", "its nice", "it's nice", "get on now", "all good now",
    "adopted", "new family", "friends now", "we're friends", "now he works", "now she works",
    "things are fine", "things are good", "going well", "blocked them", "blocked him", "blocked her",
    "reported it", "reported them", "reported him", "reported her", "support worker",
    "he stopped", "she stopped", "they stopped", "stopped years ago", "regrets it", "said sorry",
    "had support", "we live with", "i live with", "safe for", "laugh about it", "now i get it", "now i understand",
    "been ok", "been okay", "ok for", "okay for",
    "forever family", "adoptive", "lovely to me", "are lovely", "is lovely", "happy and safe",
    "safe and happy", "totally fine", "been fine", "never see him", "never see her",
    "haven't seen him", "haven't seen her", "been clean", "clean for", "haven't for", "not done it for",
    "doing well", "proud of myself", "got sorted", "all sorted", "really good now", "it 's really good",
    "its really good", "now he 's a", "now he s a", "now she 's a", "now she s a", "now he goes", "now she goes",
)

# Cues that a past problem is over (used only by rules with resolved_ok=False,
# e.g. bullying: "I used to be bullied but it's all sorted now").
RESOLVED_CUES: tuple[str, ...] = (
    "sorted", "resolved", "stopped now", "all fine now", "over now", "not anymore",
    "no longer", "dealt with", "fixed now", "much better now", "all good now",
    "fine now", "ok now", "okay now", "better now", "in primary", "years ago",
    "it stopped", "stopped when", "moved schools", "changed schools", "moved school",
    "but now", "get on now", "actually get on", "we get on", "got help", "getting help", "good place now",
    "in a good place", "in a better place",
)

# Words that stop the backwards search for a cue (a new clause begins).
CLAUSE_BREAKS: frozenset[str] = frozenset({
    ".", "!", "?", ";", "but", "and", "because", "so", "then", "though",
    "although", "however", "now", "actually", "tbh", "honestly", "lol", ":",
})

# Categories where a negation states the harm ("nobody cooks", "no one talks
# to me", "told me not to tell") rather than denying it; the learned net's
# negation veto does not apply to them.
ABSENCE_CATEGORIES: frozenset[str] = frozenset({
    "neglect", "emotional_abuse", "bullying", "secrets_adult",
})

# Per category: words that make an ordinary reading likely, so the learned
# net (which has no negation or context rules of its own) stays quiet.
LEARNED_BENIGN: dict[str, tuple[str, ...]] = {
    "secrets_adult": ("surprise", "birthday", "christmas", "party", "santa", "spoiler", "spoilers", "recipe",
                      "fancy", "fancies", "crush"),
    # parents nagging about chores, and the writer saying it was fair
    "emotional_abuse": ("fair", "deserve", "deserved", "tbf", "dishes", "tidy", "chores", "homework"),
    "sexual_exploitation_grooming": ("ads", "advert", "adverts", "spam", "scam", "prize", "link"),
    "missing_homeless": ("camping", "camp", "holiday", "festival", "sleepover", "scouts"),
    # paper rounds, parcel jobs, Duke of Edinburgh packs
    "criminal_exploitation": ("amazon", "paper", "dofe", "duke", "expedition", "hike", "hiking", "rucksack"),
    "neglect": ("diet", "fasting", "ramadan", "picky", "fussy"),
}

# Joke markers: in the sentence of the learned net's strongest word they veto its hit.
JOKE_MARKERS: tuple[str, ...] = ("lol", "joke", "jokes", "joking", "banter", "kidding", "as a joke")

# Reassurance anywhere in the answer ("it was a really happy day", "they're
# lovely when you meet them", "nobody is violent"): the learned net, which
# only sees words, stays quiet.  Not for categories where kindness is itself
# the warning sign (grooming, an adult's secret, gifts from exploiters).
LEARNED_REASSURANCE: tuple[str, ...] = (
    "really happy", "so happy", "very happy", "really nice", "lovely", "made me feel better",
    "nobody is violent", "no one is violent", "really good place",
    "good place now", "get on really well", "really supportive", "so supportive", "arranged it",
    "my choice", "my own choice", "i can choose", "feel loved", "always listen", "makes sure i",
    "enough to eat", "enough food", "a legend", "only because she worries", "only cos she worries",
    "she worries", "he worries", "they worry", "makes sure we", "make sure we", "nicest",
    "not happening", "just want to know", "just curious", "no one is forcing me", "nobody is forcing me",
    "nobody ever gets hurt", "no one gets hurt", "nobody gets hurt", "always make up",
)
REASSURANCE_EXEMPT: frozenset[str] = frozenset({
    "sexual_exploitation_grooming", "secrets_adult", "criminal_exploitation",
})

# ---------------------------------------------------------------- word sets
# People who might harm a child or whose behaviour a child may describe.
SETS: dict[str, tuple[str, ...]] = {
    "KIN": (
        "dad", "mum", "parent", "parents", "carer", "carers", "foster",
        "brother", "sister", "uncle", "aunt", "nan", "grandad", "cousin",
        "boyfriend", "girlfriend", "partner", "husband", "wife", "guardian",
        "family", "step", "stepbrother", "stepsister", "he", "she", "they",
        "someone", "somebody", "man", "men", "guy", "guys", "lad", "lads",
        "adult", "adults", "teacher", "coach", "neighbour", "him", "her",
        "bloke", "fella", "folks", "mums", "dads", "sibling", "siblings",
    ),
    "FAMILY": (
        "dad", "mum", "parent", "parents", "carer", "carers", "foster",
        "uncle", "aunt", "nan", "grandad", "guardian", "family", "step",
        "folks", "boyfriend", "girlfriend", "partner",
    ),
    "PARENT_OBJ": (
        "mum", "dad", "mother", "parent", "nan", "aunt", "stepmum", "stepdad",
    ),
    "POSS": ("my", "his", "her", "their", "our", "your", "me", "the"),
    "ME": ("me", "us", "myself", "ourselves"),
    "VICTIM": (
        "me", "us", "myself", "him", "her", "them", "brother", "sister",
        "sibling", "siblings", "friend", "mate", "baby", "kids", "children",
        "cousin", "girlfriend", "boyfriend",
    ),
    "FIRST": ("i", "me", "my", "we", "us", "our", "myself", "mine"),
    "PEERS": (
        "people", "kids", "they", "them", "everyone", "everybody", "girls",
        "boys", "students", "pupils", "class", "year", "someone", "somebody",
        "he", "she", "friends", "group", "lads", "gang",
    ),
    "HIT": (
        "hit", "punch", "kick", "slap", "beat", "smack", "strangle", "choke",
        "hurt", "batter", "belt", "whack", "throttle", "burn", "thump", "bite",
        "attack", "headbutt", "stamp", "shove", "push", "grab", "drag",
        "batter", "lash", "whip", "stab", "bash", "boot", "pin", "slam", "leather", "wallop", "thump",
        "clout", "deck", "shake", "bruise", "abuse",
        "assault", "pinch", "scratch", "strike", "slam",
    ),
    "SEXVERB": (
        "rape", "molest", "touch", "grope", "finger", "fondle", "feel",
        "abuse", "assault", "kiss", "undress", "strip",
    ),
    "PRIVATE": (
        "private", "privates", "bum", "butt", "chest", "boob", "boobs", "breast",
        "breasts", "vagina", "penis", "willy", "dick", "cock", "fanny", "crotch",
        "there", "inappropriately", "sexually", "bits", "tits", "thigh", "pants",
        "knickers", "underwear", "body", "parts",
    ),
    "INSULT": (
        "worthless", "useless", "stupid", "fat", "ugly", "nothing", "mistake",
        "thick", "pathetic", "disgusting", "waste", "idiot", "retard", "retarded",
        "slag", "slut", "whore", "bitch", "dumb", "failure", "burden", "freak",
        "loser", "unwanted", "horrible", "evil", "disappointment", "pig", "cow", "fatty",
        "whale", "weirdo", "rat", "scum", "trash", "moron", "dumbass", "skank", "hoe", "tramp",
        "bastard", "nobody", "rubbish", "lazy", "selfish", "liar", "psycho", "mental", "crazy",
    ),
    "IMAGE": ("picture", "nude", "video", "vid", "image", "naked", "topless"),
    "APP": (
        "snapchat", "instagram", "tiktok", "whatsapp", "discord", "facebook",
        "online", "internet", "game", "gaming", "roblox", "fortnite", "xbox",
        "ps4", "ps5", "kik", "omegle", "telegram", "twitter", "app", "chat",
    ),
    "PACKAGE": (
        "package", "packages", "parcel", "parcels", "bag", "bags", "drug", "drugs",
        "stuff", "weed", "gear", "food", "knife", "knives", "blade", "shank",
        "money", "cash", "phone", "box", "sim", "line", "lines", "things", "something",
        "coke", "crack", "pills", "nang", "nangs",
    ),
    "HARMSELF": (
        "cut", "burn", "hurt", "harm", "kill", "scratch", "starve", "hit",
        "punch", "hang", "drown", "stab", "poison", "unalive", "slit", "choke",
    ),
    # Quote marks as tokens (scare quotes around a euphemism: "clumsy", "holiday").
    "QUOTE": ('"', "\u201c", "\u201d", "''", "``"),
    "SCARED": ("scared", "afraid", "frightened", "terrified", "petrified", "fear", "scare"),
}
