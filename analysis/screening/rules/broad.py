"""Broad safety-net rules (co-occurrence within one sentence).

The specific patterns in the other modules read like phrases; young people
do not always write phrases we foresaw.  These rules fire on a harm word
when the same sentence also names a person who could cause harm and the
writer (or someone they know), in any order.  They are still subject to
negation, hypothetical and lesson-talk checks.  Recall first: they accept
some false alarms.
"""

from __future__ import annotations

from . import rule
from .abuse import _SPORT

_PHYS = ("hit|punch|kick|slap|smack|beat|batter|bash|whack|thump|strangle|choke|throttle|headbutt|"
         "bruise|burn|shove|grab|drag|pinch|bite|scald|belt|stamp|injure|lash|whip|spank|wallop|"
         "thrash|attack|stab|slam|(lay into)|(lays into)|(laid into)|(go for me)|(goes for me)|(went for me)")
_FAMILY_SPEECH = "say|tell|call|shout|scream|yell|make|treat|think|threaten|swear"
_GIFTS = ("vape|vapes|alcohol|drink|drinks|drugs|weed|money|cash|presents|gifts|lifts|lift|cigarettes|"
          "fags|phone|trainers|clothes|takeaway|food|stuff|nails|(free stuff)")
_ADULTISH = "guy|man|men|older|adult|adults|lads|bloke|blokes|stranger|strangers|someone|somebody|he|they|person"
_JOKE_ETC = ("laughing", "laughter", "laugh", "embarrassment", "cringe", "hair", "dye", "dyed",
             "gran", "grandad", "grandma", "grandpa", "nan", "nana", "dog", "cat", "hamster", "pet",
             "phone", "battery", "passed", "funeral", "lol", "lmao", "haha", "boredom", "bored",
             "film", "movie", "game", "plant", "plants", "fish", "rabbit", "guinea", "ago", "cancer",
             "covid", "hospital", "ill", "illness", "heat", "hot", "thirst", "thirsty", "hungry",
             "starving", "tired", "wait", "waiting", "excited", "see", "go", "know", "try", "meet",
             "uncle", "aunt", "cousin", "relative", "character", "year", "years")
_AGES_OLD = "|".join(str(n) for n in range(18, 61))
_FAMILY_WORDS = ("brother", "sister", "mum", "dad", "nan", "grandad", "aunt", "uncle", "parents",
                 "birthday", "christmas", "eid", "diwali", "pocket")

RULES = [
    rule("physical_abuse", _PHYS,
         requires=("@KIN", "me|us|myself|brother|sister|sibling|siblings|i"),
         unless=_SPORT + ("bag", "pads", "pad", "pillow", "punchbag", "toast", "food", "dinner",
                          "oven", "lol", "game", "level", "boss", "rap", "song", "drum", "beat",
                          "shaving", "sunburn", "sunburnt", "sun", "jackpot", "target", "nail",
                          "record", "note", "button", "hay", "road", "cream", "suncream", "paint",
                          "sticker", "plaster", "makeup", "jackpot"),
         unless_sentence=True),
    rule("physical_abuse", "neck|throat",
         requires=("@KIN", "hands|hand|grab|grabbed|squeeze|choke|strangle|round|around|put|pin|held|hold"),
         unless=("scarf", "necklace", "sore", "ache", "hurts", "infection", "tonsils", "cold"),
         unless_sentence=True),
    rule("emotional_abuse", "@INSULT|(waste of space)|(hate me)|(hates me)|(ashamed of me)|(send me away)|(put me in "
                            "care)|(never see)|disown|reason|fault|disappointment|ruin|ruined|blame",
         requires=("@FAMILY|home", _FAMILY_SPEECH, "me|i|my|us"),
         unless=("lol", "joke", "joking", "banter"), unless_sentence=True),
    rule("sexual_exploitation_grooming", _GIFTS,
         requires=("give|gives|buy|buys|bought|get|gets|offer|offers|pay|pays|paid|send|sends|sent|sending", _ADULTISH,
                   "me|us|my|we|friends|friend",
                   "if|for|flat|house|car|party|parties|hang|meet|come|do|photos|pics|picture|return|long|back|"
                   "favour|favours|secret|owe|number|snap|snapchat|insta|address|want|wants"),
         unless=_FAMILY_WORDS + ("ads", "advert", "adverts", "advertising", "spam", "annoying", "scam"),
         unless_sentence=True),
    rule("sexual_exploitation_grooming",
         "meet|(meet up)|(in person)|(see me)|(come round)|(my address)|(where i live)|(pick me up)|(come and get me)",
         requires=("online|internet|game|gaming|app|message|dm|text|snapchat|instagram|tiktok|discord|roblox|chat|"
                   "add|added|follow",
                   "man|guy|adult|older|someone|stranger|he|person|bloke"),
         unless=("friend", "friends", "mate", "mates", "cousin", "school"), unless_sentence=True),
    # Neglect: basic needs + "never / nothing / won't" + home, any order.
    rule("neglect", "food|eat|hungry|starving|clothes|dinner|tea|breakfast|heating|electric|electricity|bed|shoes|"
                    "uniform|shower|washing",
         requires=("never|nothing|no|none|not|nobody|small|steal|dirty|anything|empty",
                   "home|house|mum|dad|parents|family|carers|carer|fridge|cupboard|cupboards|flat"),
         negatable=False,
         unless=("party", "busy", "picnic", "trip", "camp", "camping", "restaurant", "cinema", "sure",
                 "enough", "plenty", "lucky", "school", "lunch", "diet", "fussy", "like", "likes",
                 "favourite", "hate", "allergic", "vegetarian", "vegan", "fasting", "ramadan", "full",
                 "argue", "argument", "serious", "chores", "rather"),
         unless_sentence=True),
    rule("self_harm_suicide", "note|letter",
         requires=("wrote|write|writing|written|left|leave",
                   "goodbye|suicide|die|sorry|gone|do|end|kill|forever"),
         unless=("teacher", "homework", "christmas", "birthday", "thank", "thanks", "santa"),
         unless_sentence=True),
    rule("bullying", "laugh|mock|tease|exclude|ignore|threaten|shove|spit|film|record|rumour|rumours|names|(make "
                     "fun)|(pick on)|(gang up)|hate",
         requires=("me|us|my|i",
                   "school|class|year|kids|people|girls|boys|everyone|online|group|lads|students|bus|playground|"
                   "corridor|toilets|classmates"),
         unless=("joke", "jokes", "funny", "banter", "comedian", "film", "movie", "lol", "sorted",
                 "homework", "lesson", "teacher", "teachers", "maths", "science", "subject", "music",
                 "club", "trip", "food", "dinners", "weather", "exams", "tests"),
         unless_sentence=True, resolved_ok=False),

    # --------------------------------------------------- object-anchored verbs
    rule("physical_abuse",
         "knock|shove|push|throw|boot|elbow|bash|drag|shake ~1 me|us|her|him ~2 about|around|round|over|down",
         "(pin|pinned|hold|held|holds|pins) ~1 me|her|us ~1 down",
         "(got|get|gets|gave|give|getting|gives) ~2 (hiding|leathering|battering|beating|kicking|slap|smack|belting|"
         "whack|thump|clip round the ear) ~2 off|from|by ~2 @KIN",
         "(proper|good) (hiding|beating|battering|leathering)",
         unless=_SPORT + ("pool", "snow", "lol", "joke", "joking", "game", "trampoline")),
    rule("sexual_abuse", "(could not|couldnt|cant|can not) ~1 stop ~1 him|them ~3 (doing|touching|from)?",
         unless=("laughing", "talking", "crying", "game", "playing", "winning", "lol", "eating")),
    rule("emotional_abuse",
         "(never|nothing|not) ~5 good enough",
         "@FAMILY ~3 (make fun of|makes fun of|laugh at|laughs at|mock|mocks|tease|teases|humiliate|humiliates|"
         "belittle|belittles|control|controls|scare|scares|frighten|frightens|intimidate|intimidates|guilt trip|"
         "guilt trips|manipulate|manipulates) ~1 me|my|us",
         requires=("@FAMILY|home",), unless=("lol", "joke", "joking", "banter", "music", "taste")),
    rule("domestic_abuse",
         "@KIN ~3 (control|controls|controlling|threaten|threatens|scare|scares|terrify|terrifies|intimidate|"
         "intimidates|abuse|abuses|isolate|isolates) ~2 her|mum|him|dad|(my mum)|(my dad)",
         "(not|never) ~1 let ~1 her|mum|him ~2 (out|go|leave|see|have|talk|speak|work|use)",
         "(kill|hurt|stab|strangle|batter|beat) ~2 (mum|dad|mother|nan|her) ~3 if|when|because|(one day)",
         "(kill|hurt|stab|strangle) ~1 my ~1 (mum|dad|mother|nan)",
         unless=("tell", "telling", "grass", "easter", "lol", "joke", "joking")),
    rule("self_harm_suicide",
         "not ~1 see ~1 the? point ~1 (anymore|any more|in anything|in life|in living|of anything|in being here|of "
         "living)",
         "(nobody|no one) ~2 (miss|notice) ~1 me|(if i)",
         "(bang|smash|punch|headbutt|bash) ~1 my ~1 head ~3 (wall|walls|floor|door|against)",
         "want|wanna|wish|hope|rather|like ~5 (never|not) ~1 wake up",
         "want|wanna|wish|like|rather ~4 sleep ~1 forever",
         "easier|better|rather|want|wish|prefer ~4 to? (not be alive|not be here|not exist|not to be alive|not to be "
         "here|not to exist|be dead|not wake up|not be around|not to be around)",
         "(think|thinking|thought) ~2 (of|about) ~1 (ways|how) ~1 to ~1 (end it|die|kill|do it|not be here)"),
    rule("sexual_exploitation_grooming",
         "dating|(going out with)|seeing|boyfriend|girlfriend|bf|gf ~3 (a|an)? "
         + _AGES_OLD + " (year|yr|years|yrs|yo)?",
         _AGES_OLD + " (year old|yr old|years old|yo|yrs old) ~2 boyfriend|man|guy|bf|girlfriend|gf|dating|lover",
         unless=("uni", "university", "engaged", "wedding", "married", "cousin", "cousins", "aunt", "mum", "dad", "17",
                 "nan"), unless_sentence=True),
    rule("sexual_exploitation_grooming",
         "record|film|photograph|video|recorded|filmed ~1 me|her|us ~4 (without|naked|undressed|changing|shower|no "
         "clothes|in my underwear|nothing on)",
         "(give|pay|offer|offered|gives|pays|offers) ~2 me|us|her ~3 (money|cash|£|quid) ~4 for ~2 @IMAGE",
         "(money|pay|paid|gives|give|buys|buy|sweets|presents|gifts|vapes) ~4 so ~1 i|we ~1 (not|never) ~1 (tell|say)"),
    rule("criminal_exploitation",
         "(got|get|gets|made|make|makes) me ~1 to ~1 (sell|deal|carry|deliver|hold|run|rob|steal|shoplift|stash|hide)",
         "(paid|pay|pays) ~3 (lookout|look out|watch|keep watch|keep an eye out)",
         "(lookout|look out|keep watch|keep an eye out) ~2 for ~1 (them|him|the gang|older)",
         "(do|doing|did) (the|this|that) (drop|run|job|delivery|drops|runs)"),
    rule("missing_homeless",
         "(not ~1 have|have not got) ~2 (a|any)? (home|roof over my head|place to live|place of my own|fixed address|"
         "house to live in)",
         "(living|live|lived|sleeping|sleep|slept|staying|stay|stayed) (in|on) ~1 (my|our|the|a|his|her)? ~1 (car|"
         "van|street|streets|stairwell|garage|shed|doorway|bus station|train station|night bus)",
         "not welcome ~2 (home|house|back|at home)",
         "(on the street|on the streets)",
         unless=("camping", "camp", "festival", "holiday", "trip", "phone", "computer", "wifi", "office",
                 "game", "console", "kit", "lol", "playing", "road", "cycling", "bike", "traffic", "careful",
                 "loads", "people")),
    rule("forced_marriage_fgm_honour",
         "(sent|send|sending|taken|take|taking|go|going) ~6 (to marry|to get married|to be married|for marriage|to "
         "marry someone)",
         "(dishonour|dishonor|disgrace|shame|shamed|dishonoured) ~1 (them|us|him|the family|my family|our family|"
         "family|my parents|my dad|my brothers)",
         "(watch|watches|control|controls|follow|follows|check|checks) ~2 (everything|everywhere|who) ~2 i ~1 (do|go|"
         "talk|see|speak)",
         requires=(), hypothetical=False,
         unless=("annoying", "fair", "understand", "why", "safe", "lol"), unless_sentence=True),
    rule("bullying",
         "(video|videos|pics|pictures|photos|photo|picture|screenshot|screenshots|clip|vid) ~1 of me ~4 (round|"
         "around|everyone|online|group|chat|school|year|people)",
         "(mean|horrible|nasty|cruel|rude|vile|awful) ~1 to me",
         "(eat|eating|ate|have|having) ~2 (lunch|dinner|my lunch)? ~1 (in the toilets|in the toilet|on my own|alone|"
         "by myself)",
         unless=("lol", "joke", "banter", "sorted", "quiet", "prefer", "like", "sometimes"), resolved_ok=False),
    rule("neglect", "(always|constantly|often|usually) ~1 (hungry|starving|starved)",
         unless=("lol", "pe", "football", "training", "after", "growth", "haha")),
    rule("secrets_adult",
         "so ~1 i|we ~1 (not|never|wont) ~1 (tell|say|grass|snitch)",
         hypothetical=False, negatable=False),

    # ------------------------------------------------ more shapes, by category
    rule("physical_abuse",
         "@KIN ~2 (break|broke|broken|bust|busted|fracture|fractured) ~1 (my|his|her) ~1 (nose|arm|ribs|rib|jaw|"
         "wrist|finger|fingers|tooth|teeth|leg|collarbone|cheekbone)",
         "(nails|nail) ~2 (in|into) ~2 (me|my|her|his)?",
         unless=_SPORT + ("skiing", "skateboarding", "ice", "slipped", "stairs", "accident", "pe"),
         unless_sentence=True),
    rule("domestic_abuse",
         "@KIN ~2 (break|broke|broken|bust|busted|fracture|fractured) ~1 (my|her) ~1 (mums|mum|mum's|mothers|nan's|"
         "nans)? ~1 (nose|arm|ribs|jaw|wrist|tooth|teeth|cheekbone)",
         unless=_SPORT + ("skiing", "slipped", "accident"), unless_sentence=True),
    rule("emotional_abuse",
         "make|makes|made me feel ~3 (not wanted|not loved|not good enough|not welcome|unwanted|unloved|like a "
         "burden|like nothing|like rubbish|like dirt|like an outsider)"),
    rule("neglect",
         "nappy|nappies ~4 (not|never) ~2 changed|change",
         "(have to|got to|has to) ~2 (change|feed|bath|bathe|dress) ~2 (my|the|our) ~1 (baby|brother|sister|siblings|"
         "brothers|sisters)",
         negatable=False),
    rule("self_harm_suicide",
         "(think|thinking|thought|dream|dreaming) ~2 (about|of) ~1 (dying|death|suicide|killing myself|ending it|not "
         "being here|being dead|ending my life)",
         "blade|blades|razor|razors ~4 (hidden|hide|hiding|in my room|under my bed|use|used|cut|arm|arms|wrist|thigh)",
         unless=("skate", "skates", "shaving", "shave", "hockey", "grass", "lesson", "film")),
    rule("criminal_exploitation",
         "(drug|drugs) (money|debt|debts|deal|deals|dealer|dealers|run|runs|line|lines|dealing)",
         "threaten|threatened|threatens ~5 if ~2 (stop|leave|quit|say no|refuse|tell)",
         "(stop|leave|quit) ~1 (working for them|working for him|selling for them|dealing for them)",
         kind="topic", hypothetical=False),
    rule("missing_homeless",
         "(sleep|sleeping|stay|staying|crash|crashing) ~1 (wherever|anywhere|where ever|on floors|on sofas|on "
         "friends sofas|on peoples sofas)",
         unless=("holiday", "tired", "lol", "car", "train", "plane", "bus", "anywhere else")),
    rule("forced_marriage_fgm_honour",
         "(said|says|decided|told me|planned|planning) ~6 (marrying|marry|getting married|get married|be engaged|get "
         "engaged)",
         "(marrying|marry|getting married|get married|engaged) ~3 (my cousin|a cousin|a man i|someone i|an older man|"
         "a stranger)",
         unless=("choose", "chose", "choice", "whoever", "decide", "decision", "happy", "excited", "bridesmaid"),
         unless_sentence=True),
    rule("bullying", "(slag|slagging|slate|slating|diss|dissing|roast|roasting|cuss|cussing|trash talk|trash "
                     "talking) ~1 me|us ~1 off?",
         unless=("lol", "joke", "banter", "jokes", "friends"), resolved_ok=False, unless_sentence=True),
    rule("secrets_adult",
         "(not allowed|cant|can not|not supposed|mustnt|must not) ~1 to? ~1 (talk|speak|see) ~2 (to|with)? ~2 "
         "(social worker|worker|teacher|teachers|police|anyone|anybody|iro|advocate|counsellor|nurse|doctor|sw) ~2 "
         "alone?",
         negatable=False, hypothetical=False),
    rule("bullying", "(fake account|fake accounts|fake profile|fake page|hate page|burn page|exposing page)",
         kind="topic"),
    rule("secrets_adult",
         "(what happens|whatever happens|what goes on|what we do) ~4 (stays|stay) ~2 (here|there|on|at|between|in)",
         "(told|tell|make|made|asked|want|wants|says|said) me ~1 to ~1 lie ~2 (to|about|for)",
         hypothetical=False, negatable=False),
    # Strong single words in a sentence about the writer or someone they know.
    rule("self_harm_suicide", "die|dying|overdose|overdosed|(od)|noose|(hang myself)|(jump off)",
         kind="topic", unless=_JOKE_ETC, unless_sentence=True),

    rule("sexual_abuse",
         "(make|makes|made|force|forces|forced) ~1 me|us|her ~1 (sleep|get|lie|stay) ~2 (in|into) ~1 (his|her|their) "
         "bed",
         "touch|touches|touched ~2 (places|somewhere|where|parts|bits) ~3 (not|wrong|private)",
         "(be|get|was|been) ~1 (forced|made|pressured|pressurised) ~2 to? ~1 (have sex|do sexual|do stuff|do things|"
         "sleep with|give him|touch him)",
         negatable=False),
    rule("emotional_abuse", "be|get? treated ~1 (differently|different|worse|unfairly|badly|like)"),
    rule("neglect",
         "(spend|spends|spent|spending) ~3 (money|benefits|wages|cash) ~2 on ~1 (drink|drinking|alcohol|drugs|booze|"
         "weed|gambling|fags|cigarettes|betting|themselves|himself|herself)"),
    rule("domestic_abuse", "lock|locks|locked ~2 mum|her|mother ~2 in|out",
         "fight|fighting|fights|violence|rows",
         requires=("downstairs|upstairs|home|house|flat|parents|mum|dad|mums|dads",),
         unless=("film", "movie", "game", "tv", "show", "remote", "xbox", "brother", "sister", "siblings",
                 "football", "pitch", "school", "playground", "lol", "never", "rarely", "sometimes",
                 "once", "sorry", "fair", "spider", "pillow", "food", "water", "snowball", "play"),
         unless_sentence=True),
    rule("self_harm_suicide",
         "(not|wont|won't) ~3 be here ~2 (much longer|long|for long|anymore|any more|tomorrow|next year)",
         "(jump|jumping|throw myself) ~2 (off|in front of|infront of|under) ~2 bridge|train|building|roof|car|cliff|"
         "bus|lorry|tube|balcony|window",
         negatable=False),
    rule("sexual_exploitation_grooming",
         "money|cash|£|gifts|presents|vapes ~8 @IMAGE",
         requires=("man|men|guy|guys|older|adult|someone|stranger|he|him|online|person",),
         unless=("nan", "grandad", "mum", "dad", "aunt", "uncle", "birthday", "school", "art", "newsletter"),
         unless_sentence=True),
    rule("missing_homeless",
         "not ~2 be|been ~1 home ~3 (for|in) ~2 (a week|days|weeks|ages|months|nights|two|three|few|a while|a couple)",
         "(staying|living|sleeping|stay|live|sleep) with (people|strangers|someone|a man|men|older people|random "
         "people) ~3 (not know|not really know|just met|met online)",
         "(left home|leave home|walked out|walk out|moved out)",
         requires=("staying|living|sleeping|sleep|stay|live|nowhere|street|streets|friends|mates|anymore|never|"
                   "people|night|nights|week|weeks",),
         unless=("early", "bus", "school", "late", "uni", "university", "college", "job", "work", "older"),
         unless_sentence=True),
    rule("bullying",
         "be|get called ~1 (gay|names|lesbian|a slag|a paki|racist|fat|ugly|a freak|weird|a loser|poor|smelly)",
         "be|get ~1 (pushed|shoved|knocked|tripped|kicked|slapped|punched|spat on) ~1 (around|about|over|every day|"
         "in the corridor|at school)",
         "(put|shove|shoved|push|pushed|stick|stuck|flush|flushed) ~1 my ~1 head ~2 (down|in) ~2 toilet|bog|loo",
         resolved_ok=False),

    rule("sexual_abuse", "(get|gets|got|climb|climbs|come|comes|crawl|crawls) ~2 (in|into) ~1 (bed|my bed) ~2 with "
                         "~1 me|us|her"),
    rule("emotional_abuse", "(make|makes|made) ~1 me|us ~1 beg"),
    rule("neglect", "(go|gone|went|going|been) ~2 days|weeks ~2 without ~2 (food|eating|a meal|a proper meal|dinner|"
                    "tea|eating properly)"),
    rule("self_harm_suicide",
         "(pills|tablets|paracetamol) ~3 (saved|saving|stash|stashed|stockpile|stockpiling|hidden|hide|hiding|"
         "collecting)",
         "(saved up|saving up|stockpiling|collecting) ~2 (pills|tablets|paracetamol)",
         "hate ~1 my ~1 life",
         "(want out|wanna get out of this life|want it to stop|want it all to stop)",
         unless=("lol", "homework", "maths", "school", "exams", "science", "haha")),
    rule("missing_homeless", "not know where ~3 (sleep|sleeping|stay|staying|live|living|go tonight)", negatable=False),
    rule("forced_marriage_fgm_honour", "(found|find|chosen|choose|picked) ~1 me ~1 (a|an)? (husband|wife)"),
    rule("secrets_adult", "(chat|chats|messages|texts|this|it|photos|pictures|what we do) ~3 (stay|stays|kept|keep|"
                          "be) ~1 (private|secret|between us|hidden)",
         requires=("say|said|says|told|tell|tells|want|wants|asked|ask",),
         unless=("youth", "group", "safe", "policy", "club"), unless_sentence=True,
         hypothetical=False),
    rule("physical_abuse", "headlock|(not breathe)",
         requires=("@KIN",), negatable=False,
         unless=("play", "playing", "lol", "laugh", "laughing", "asthma", "swimming", "running", "cold",
                 "wrestling", "wrestle", "fun"), unless_sentence=True),
]
