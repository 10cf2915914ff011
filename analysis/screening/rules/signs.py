"""Warning signs: indirect disclosures that name no harm at all.

Young people often describe what harm *looks like from outside* rather than
the harm itself: hiding injuries ("good at hiding it with makeup", "long
sleeves in summer", "where it doesn't show"), cover stories ("clumsy" in
quotes, "what mum tells the doctors"), keeping safe ("phone charged in case I
need to ring 999"), being controlled ("I have to be on call", "they know where
my mum works"), having no base ("I don't have a key any more", "no address",
"ride the night buses till morning") or getting ready to go ("I won't be
around for it", "giving my stuff away ... won't need it").

Each family below is a list of signs written in the rule language; most are
``sign`` rules: like ``topic`` rules they need the writer or someone close in
the sentence (or in the sentence before, when this one names nobody else),
but only the narrow lesson frame ("a book about ...") cancels them, not the
broad list of lesson words ("swimming lessons stopped because mum doesn't
want people to see my back" is a sign, not lesson talk).  Scare quotes around an everyday word that is
a known euphemism ("staying with friends", "holiday", "ready", "say
goodnight") are their own family (``QUOTED``).
"""

from __future__ import annotations

from . import rule
from .abuse import _SPORT

_Q = "@QUOTE"
_BODY = "back|arms|arm|legs|leg|body|face|neck|bruises|bruise|marks|mark|stomach|ribs|eye|eyes"
_INJURY = "bruise|bruises|marks|mark|injury|injuries|cuts|cut|burns|burn|eye|scars|scar|it|them"
_COVER = "makeup|concealer|foundation|sleeves|sleeve|hoodie|scarf|sunglasses|plasters|plaster|jumper"
_VANITY = ("spot", "spots", "acne", "pimple", "pimples", "tattoo", "tattoos", "birthmark", "eczema",
           "psoriasis", "sunburn", "hair", "hairy", "shave", "shaving", "insecure", "conscious",
           "self-conscious", "fat", "weight", "braces", "teeth", "glasses", "costume", "fancy", "dress",
           "cold", "freezing", "chilly", "lol", "joke")
_JOB = ("shop", "cafe", "café", "job", "paper", "round", "saturday", "boss", "business", "restaurant",
        "wages", "paid", "lovely", "nice", "salon", "farm", "stables", "babysitting", "cleaning")
_AWAY = ("holiday", "trip", "camp", "camping", "visiting", "moving", "move", "busy", "exams",
         "exam", "weekend", "half", "term", "club", "match", "wedding", "festival", "lol", "joke")

# Everyday words that, in scare quotes, often stand for something else.
QUOTED: dict[str, str] = {
    "physical_abuse": "clumsy|fell|fall|falls|accident|accidents|tripped|trip|walked|discipline|disciplined|"
                      "punishment|punished|lesson|(taught a lesson)",
    "sexual_abuse": "goodnight|cuddle|cuddles|tuck|massage|massages|special|tickle|tickling|wrestling|bath|baths",
    "missing_homeless": "staying|stay|sofa|couch|visiting|home|living",
    "forced_marriage_fgm_honour": "holiday|ready|trip|promised|engaged|wedding|pure|clean|cut|cutting|"
                                  "cleansing|ceremony|celebration",
    "sexual_exploitation_grooming": "boyfriend|girlfriend|friend|friends|uncle|uncles|modelling|model|party|"
                                    "parties|date|dates|sugar|gifts|presents|mate|mates",
    "criminal_exploitation": "work|working|job|jobs|errand|errands|delivery|deliveries|favour|favours|"
                             "shift|shifts|trip|trips|business|family",
    "secrets_adult": "fine|ok|okay|private|business|nothing|happy",
}

RULES = [
    # ------------------------------------------------ seen from outside: a flat taken over, a child left out
    rule("criminal_exploitation", "flat|house|flats ~10 (kids|children|teenagers|teens|young people|boys|lads|girls) "
         "~8 (in and out|arriving|coming and going|leaving|all day|all night|all hours)", kind="sign",
         unless=("party", "parties", "birthday", "nursery", "school", "club", "tuition"), unless_sentence=True),
    rule("neglect", "(toddler|baby|kids|children|little ones|child) ~6 left ~6 (outside|garden|street|car|alone|"
         "on their own|on his own|on her own) ~8 (hours|cold|night|dark|all day|nappy)", kind="sign"),
    # ------------------------------------------------ hiding injuries / cover stories
    rule("physical_abuse", f"hide|hiding|hid|cover|covering|covered|conceal|concealing ~5 {_COVER}",
         kind="sign", unless=_VANITY, unless_sentence=True),
    rule("physical_abuse", "so|that nobody|anyone|people|teachers|school|anybody ~3 notice|see|ask|asks|sees|notices",
         kind="sign", requires=(f"hide|hiding|hid|cover|covering|{_COVER}|excuse|excuses|lie|lying|pretend",),
         unless=_VANITY, unless_sentence=True, negatable=False),
    rule("physical_abuse", "where|so|that it|they|marks|bruises|bruise|he|she ~3 not ~1 show|visible",
         requires=("it|do|does|hit|hits|hurt|marks|bruises|where",),
         unless=_VANITY + ("slip", "bra", "strap", "label", "tag", "stain", "underwear"),
         unless_sentence=True, negatable=False),
    rule("physical_abuse", f"excuse|excuses|lie|lies|lying|pretend|pretending ~8 {_INJURY}",
         kind="sign", requires=(f"because|of|about|why|{_BODY}|changed|changing|pe|swimming",),
         unless=_VANITY + ("homework", "late", "phone"), unless_sentence=True, negatable=False),
    rule("physical_abuse", "what @KIN tell|tells|told|say|says ~2 doctor|doctors|teacher|teachers|school|nurse|"
                           "hospital|police|social|people|everyone",
         kind="sign", requires=("clumsy|fell|fall|accident|tripped|trip|bruise|bruises|marks|injury|stairs|door",),
         unless=_SPORT, unless_sentence=True),
    rule("physical_abuse", f"not ~2 want|let|allow|allowed ~4 see ~2 my|her|his|the ~1 {_BODY}",
         kind="sign", unless=_VANITY, unless_sentence=True, negatable=False),
    rule("physical_abuse", "i|we|me|brother|sister get|got|gets|getting hurt|battered|beaten|smacked|belted|whacked",
         kind="sign", requires=("@KIN|home|house|when|most",), unless=_SPORT + ("lol", "feelings"),
         unless_sentence=True),
    rule("domestic_abuse", "sunglasses ~3 indoors|inside|again|(all week)|(in the house)|(at home)",
         kind="sign", unless=("sun", "sunny", "holiday", "beach", "migraine", "eyes", "fashion", "lol"),
         unless_sentence=True),
    # ------------------------------------------------ keeping safe at home
    rule("domestic_abuse", "999|police|ambulance ~3 (for mum)|(for my mum)|(for mam)|(on dad)|(on him)|again",
         kind="sign", hypothetical=False,
         unless=("fell", "fall", "nan", "grandad", "heart", "asthma", "seizure", "seizures", "fit", "fits",
                 "epilepsy", "ill", "collapsed", "diabetic", "burglary", "burgled", "lol"),
         unless_sentence=True),
    rule("domestic_abuse", "sleep|sleeps|slept|sleeping ~3 (shoes on)|(clothes on)|(bag packed)|(door locked)|"
                           "(chair against)|(knife under)",
         kind="sign", hypothetical=False, unless=("camping", "festival", "lol", "lazy", "tired"),
         unless_sentence=True),
    rule("domestic_abuse", "leave|get|run ~1 out? quickly|fast ~3 if|when ~2 have|need",
         kind="sign", hypothetical=False, requires=("sleep|bag|shoes|packed|ready|mum|we",),
         unless=("fire", "drill", "alarm", "late", "bus", "train", "lol"), unless_sentence=True),
    # ------------------------------------------------ sexual abuse signs
    rule("sexual_abuse", "come|comes|coming|came|stay|stays|stayed|sit|sits ~8 door ~1 shut|closed|locked",
         kind="sign", requires=("@KIN",), unless=("argument", "talk", "privately", "knock", "knocks", "noise",
                                                  "cold", "dog", "cat"), unless_sentence=True),
    rule("sexual_exploitation_grooming", "mature ~2 for ~1 my|her|his|your ~1 age",
         kind="sign", unless=("teacher", "report", "parents evening", "school", "lol"), unless_sentence=True),
    rule("sexual_abuse", "what ~3 happen|happens|does|do|did|goes ~6 not ~1 normal|okay|ok|right",
         kind="sign", requires=("@KIN|house|home|room|bedroom|still",), negatable=False,
         unless=("film", "movie", "game", "book", "show", "lol"), unless_sentence=True),
    rule("sexual_exploitation_grooming", "do|doing|did|does (things|stuff|something|it) ~3 (on camera|on video|on cam|"
                                         "on webcam|on facetime|video call|video calls|on the call|on live|on stream)",
         kind="sign", unless=("game", "gaming", "lol", "tiktok", "dance", "dances", "homework", "lesson", "tutor",
                              "revision"), unless_sentence=True),
    rule("sexual_exploitation_grooming", "come|turn|show|find ~2 up? ~1 to|at ~1 my ~1 school|house|home|door ~3 "
                                         "if|unless ~1 i",
         kind="sign", hypothetical=False, unless=("friend", "mate", "mates", "party", "lol"), unless_sentence=True),
    # ------------------------------------------------ bullying: humiliation filmed and shared
    rule("bullying", "film|filmed|filming|record|recorded|video|videoed ~4 put|post|posted|send|sent|share|shared|"
                     "upload|uploaded|spread ~4 snapchat|instagram|tiktok|online|group|chat|story|everyone|youtube",
         kind="sign", requires=("they|them|people|kids|girls|boys|someone|he|she|lads|year|class",),
         unless=("dance", "dances", "lol", "prank", "challenge", "funny", "birthday", "match", "goal",
                 "performance", "concert", "show"), unless_sentence=True),
    rule("bullying", "push|pushed|shove|shoved|dunk|dunked|flush|flushed|hold|held|stick|stuck ~3 head|face ~3 "
                     "toilet|toilets|locker|wall|water|bin|mud",
         kind="sign", unless=("lol", "game", "pool", "swimming", "diving", "bobbing"), unless_sentence=True),
    # ------------------------------------------------ emotional harm / being shut out
    rule("emotional_abuse", "i not ~2 exist", kind="sign", requires=("home|@FAMILY|they",), negatable=False,
         unless=("lol", "joke", "game"), unless_sentence=True),
    rule("emotional_abuse",
         "talk|talks|talking|treat|treats|act|acts|look|looks ~4 like ~3 not ~2 there|here|room|exist",
         kind="sign", negatable=False, unless=("lol", "headphones", "game", "phone"), unless_sentence=True),
    rule("emotional_abuse", "leave|leaves|left|keep|keeps me out ~1 of ~1 everything|anything",
         kind="sign", requires=("home|@FAMILY|they",), unless=("lol", "friends", "group", "chat"),
         unless_sentence=True),
    # ------------------------------------------------ basic needs
    rule("neglect", "wash|washing|washed ~4 sink|(by hand)|bath|bucket", kind="sign",
         requires=("uniform|clothes|clothe|pants|socks|shirt|myself|hair",),
         unless=("camping", "camp", "festival", "delicates", "jumper", "wool", "dye"), unless_sentence=True),
    rule("neglect", "usually|often|always|never|again|most no|nothing food|(to eat)|dinner|tea|breakfast",
         kind="sign", negatable=False, unless=("party", "trip", "restaurant", "diet", "fasting", "ramadan",
                                                "lol", "like", "school", "canteen"), unless_sentence=True),
    # ------------------------------------------------ self-harm / suicide: getting ready to go
    rule("self_harm_suicide", "(long sleeves)|(long sleeve)|(long-sleeved)|(cover my arms)|(cover up my arms) ~6 "
                              "summer|hot|reason|heat|weather|always|hide|even",
         kind="sign", unless=("burn", "burns", "sunburn", "eczema", "allergy", "allergic", "religion", "religious",
                               "modest", "modesty", "hijab", "uniform", "style", "cold", "fashion", "insecure",
                               "tattoo", "tattoos", "conscious", "hairy"), unless_sentence=True),
    rule("self_harm_suicide", "not ~3 be around|alive|here ~2 for|by|much|long|next|anymore|soon|it|future",
         kind="sign", negatable=False, unless=_AWAY, unless_sentence=True),
    rule("self_harm_suicide", "not ~2 need ~3 anymore|(any more)|(where i'm going)|soon|after",
         kind="sign", negatable=False, requires=("give|giving|gave|given|stuff|things|clothes|away",),
         unless=("grown", "small", "fit", "broken", "charity", "old", "clear", "clearing"), unless_sentence=True),
    rule("self_harm_suicide", "tired|sick|done ~1 of ~1 (being alive)|living|existing|(being here)",
         kind="sign", unless=("lol", "joke", "survey", "lesson", "homework", "revision"), unless_sentence=True),
    rule("self_harm_suicide", "goodbye ~1 message|messages|note|letter|post|video|story|text|texts",
         kind="sign", unless=("leaving", "moving", "teacher", "card", "party", "retire", "retiring", "school",
                               "year", "holiday", "leavers", "graduation"), unless_sentence=True),
    # ------------------------------------------------ criminal exploitation: control and being used
    rule("criminal_exploitation",
         "people|guys|man|men|lads|them|someone|they|who|boys ~1 i|we ~1 work|working|run ~1 for",
         kind="sign", unless=_JOB, unless_sentence=True),
    rule("criminal_exploitation", "(have to)|(got to)|(has to)|must|gotta ~2 be? on call",
         kind="sign", unless=_JOB + ("doctor", "nurse", "shift", "rota"), unless_sentence=True),
    rule("criminal_exploitation", "they|he|them ~1 ring|call|text|message|rings|calls|texts|messages ~1 and ~1 "
                                  "i|we|he ~1 go|have|run|goes|has",
         kind="sign", unless=_JOB + ("mum", "dad", "nan", "friends", "mates", "lol"), unless_sentence=True),
    rule("criminal_exploitation", "police|feds|officers ~3 stop|stopped|found|picked ~8 different|another|other ~1 "
                                  "city|town|area|county",
         kind="sign", unless=("coach", "trip", "holiday", "football", "match", "car", "driver", "speeding"),
         unless_sentence=True),
    rule("criminal_exploitation", "older|big|bigger ~1 lads|boys|men|guys|kids|people|ones|gang ~3 "
                                  "using|use|used|grooming|exploiting ~1 him|me|her|us|my|them",
         kind="sign", unless=("lol", "ball", "pitch", "court", "skatepark", "park"), unless_sentence=True),
    rule("criminal_exploitation", "know|knows ~1 where ~3 live|lives|works|work|school|go",
         kind="sign", requires=("(have to)|(or else)|threat|threaten|threatened|if|unless|do|say|owe|scared",),
         unless=("friends", "mates", "nan", "postman", "delivery", "lol", "pick", "lift"), unless_sentence=True),
    rule("criminal_exploitation", "(have|had|got) to do ~1 what|whatever|everything ~1 they|he|she|them ~1 "
                                  "say|says|tell|tells|want|wants|said",
         kind="sign",
         unless=("mum", "dad", "parents", "teacher", "teachers", "coach", "boss", "rules", "lol", "manager",
                 "instructor", "carer", "carers", "nan", "sergeant", "captain", "director", "referee"),
         unless_sentence=True),
    rule("criminal_exploitation", "i|we|he ~1 owe|owes ~2 them|him|money|people",
         kind="sign", unless=("mum", "dad", "nan", "sister", "brother", "friend", "mate", "lunch", "fiver",
                               "quid", "tenner", "lol", "apology", "favour"), unless_sentence=True),
    # ------------------------------------------------ missing / no base
    rule("missing_homeless", "not ~2 have ~1 an? fixed|permanent? address", kind="sign", negatable=False,
         unless=("email", "e-mail", "ip", "web", "website"), unless_sentence=True),
    rule("missing_homeless", "no ~1 fixed|permanent|proper? address|(fixed abode)", kind="sign", negatable=False,
         unless=("email", "e-mail", "ip", "web", "website"), unless_sentence=True),
    rule("missing_homeless", "not ~2 have|got ~1 a? key|keys ~3 anymore|(any more)|(no more)|since|now",
         kind="sign", negatable=False, unless=("lost", "lose", "forgot", "locker", "car", "bike"),
         unless_sentence=True),
    rule("missing_homeless", "(took|taken|take|changed|change) ~2 (my key|my keys|the locks|locks)",
         kind="sign", unless=("lost", "locker", "car", "bike", "lol"), unless_sentence=True),
    rule("missing_homeless", "(night bus)|(night buses)|bus|buses|station|stairwell|park|doorway|doorways|car|tent|"
                             "garage|shed|streets ~4 till|until|all ~1 morning|night",
         kind="sign", requires=("ride|sleep|sleeping|slept|stay|stayed|staying|spend|spent|sit|kip|most|every",),
         unless=("camping", "camp", "festival", "dofe", "holiday", "scouts", "guides", "party", "lol", "late",
                 "concert", "gig", "trip"), unless_sentence=True),
    rule("missing_homeless", "sleep|sleeping|slept|kip|stay|staying|stayed ~2 in|on ~2 bus|buses|station|stairwell|"
                             "doorway|car|garage|shed|street|streets|bench|benches",
         kind="sign", unless=("camping", "camp", "festival", "dofe", "holiday", "scouts", "trip", "journey",
                              "lol", "tired", "way", "people", "loads", "sleepers"), unless_sentence=True),
    rule("missing_homeless", "staying|stay|stayed|sleeping|sleep|slept ~3 friends|mates|sofas|sofa|couch|mate ~4 "
                             "since|weeks|months|(every night)|(for ages)",
         kind="sign", unless=("holiday", "sleepover", "birthday", "party", "weekend", "away", "lol"),
         unless_sentence=True),
    # ------------------------------------------------ FGM / forced marriage / secrets
    rule("forced_marriage_fgm_honour", "a|the cutting|ceremony|procedure ~1 for ~2 sister|daughter|cousin|me|girls|her",
         kind="sign", unless=("hair", "haircut", "cake", "ribbon", "birthday", "graduation", "christening",
                               "baptism", "confirmation"), unless_sentence=True),
    rule("forced_marriage_fgm_honour", "when ~2 i|she|we ~1 will? be ~2 ready", kind="sign",
         requires=("uncle|uncles|aunt|aunts|marry|married|husband|family|dad|mum|cousin|wedding",),
         unless=("exam", "exams", "school", "driving", "test", "lol"), unless_sentence=True),
    rule("secrets_adult", "allowed|told|supposed|have|got|made|make ~1 to say ~6 fine|ok|okay|"
                          "good|nothing|social|school|teacher|teachers|police|worker|visit|visits|asks|ask",
         "practise|practice|rehearse|rehearsed|practised ~2 what|(the things) ~1 to say",
         kind="sign", hypothetical=False,
         unless=("thank", "thanks", "please", "sorry", "hello", "prayer", "lines", "script", "play", "part",
                 "lol", "oath", "pledge", "welcome"), unless_sentence=True),
    rule("secrets_adult", "not|never ~3 talk|tell|say|mention ~2 about? ~1 what ~2 we|he|they|she|happen|happens ~1 "
                          "do|did|does|in|at|there",
         kind="sign", negatable=False,
         unless=("spoil", "spoiler", "spoilers", "surprise", "game", "escape", "plot", "lol", "fight club",
                 "exam", "test", "club"), unless_sentence=True),
    # ------------------------------------------------ scare quotes around a known euphemism
    *(rule(cat, f"{_Q} ~1 {words} ~3 {_Q}", kind="sign", unless=("lol", "joke", "film", "song", "book"),
           unless_sentence=True) for cat, words in QUOTED.items()),
    # ------------------------------------------------ burns, marks an adult leaves, fear for a parent
    rule("physical_abuse", "held|hold|holds|holding|put|puts|pushed|push|pushes|pressed|press|forced|shoved ~1 "
                           "my|me|her|his ~1 hand|hands|arm|arms|face|head|fingers|finger|skin ~3 on|against|in|under|"
                           "onto|into ~2 cooker|hob|oven|iron|fire|radiator|kettle|pan|heater|stove|toaster|"
                           "(hot water)|(boiling water)|(hot tap)|lighter",
         requires=("@KIN",), unless=("glove", "gloves", "accident", "accidentally", "lol"),
         unless_sentence=True),
    rule("physical_abuse", "marks|bruises|bruise|mark|scars|burns ~2 my|his|her|their|the ~1 @FAMILY ~1 "
                           "leave|leaves|left|makes|made|gives|gave|does|did",
         kind="sign", unless=("lol", "joke", "tattoo", "birthmark", "pen", "paint", "lipstick", "wall", "walls",
                              "carpet", "floor", "table", "car", "door"), unless_sentence=True),
    rule("domestic_abuse", "worry|worried|worrying|scared|afraid ~6 (happening at home)|(happens at home)|"
                           "(going on at home)|(at home when)|(home when i)",
         kind="sign", requires=("stop|protect|there|leave|away|out",), unless=("lol", "pet", "dog", "cat"),
         unless_sentence=True),
    rule("domestic_abuse", "not there|(not home)|(not in)|(not around) ~2 to ~1 stop|protect|help|look ~1 "
                           "him|her|them|mum|dad|after|it",
         kind="sign", unless=("lol", "match", "goal", "ball", "shift", "work"), unless_sentence=True,
         negatable=False),
    # ------------------------------------------------ played down: an injury from family, a cover story, pills ready
    # (question session, December 2026: hedged or minimised first-hand harm; cases from the youth training sets,
    # e.g. "the bruises are from my dad not from rugby", "i got punched by my step dad and told school i fell",
    # "i've been saving up my mums pills"; look-alikes: "got a black eye from rugby", "i have bruises on my legs
    # from football"; tests in tests/analysis/screening/test_played_down.py)
    rule("physical_abuse", "(black eye)|(fat lip)|(split lip)|bruise|bruises|marks ~3 off|from ~1 my|our|her|his? "
                           "~1 @FAMILY",
         unless=("lol", "dog", "cat", "car", "door", "football", "rugby", "game", "match", "hockey", "boxing")),
    rule("physical_abuse", "told|tell|telling|said|say ~3 (i fell)|(i tripped)|(it was football)|(it was rugby)|"
                           "(it was an accident)|(i walked into) ~8 (not what happened)|(not true)|(but really)|"
                           "(it was really)|(it was actually)|lie|lying|lied",
         negatable=False),
    rule("self_harm_suicide", "tablets|pills|paracetamol|painkillers ~1 ready",
         "(saving|saved|stockpiling|stockpiled|hoarding|collecting) ~1 up? ~2 tablets|pills|paracetamol|painkillers",
         unless=("hay", "fever", "headache", "period", "antibiotics", "vitamins", "prescription", "holiday", "trip",
                 "exam", "exams", "school", "lol"), unless_sentence=True),
]
