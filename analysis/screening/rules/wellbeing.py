"""Rules: self-harm and suicide; missing / homeless; bullying; adult secrets."""

from __future__ import annotations

from . import rule

_PEERS = "@PEERS"
_JOKE = ("laughter", "laughing", "laugh", "embarrassment", "cringe", "boredom", "bored")

RULES = [
    # ------------------------------------------------------- self-harm / suicide
    rule("self_harm_suicide",
         "(nobody|no one|no1) ~1 (would|will|wud|wd|gonna) ~1 (notice|miss|care)", negatable=False),
    rule("missing_homeless",
         "(not|never) ~2 (want|wanna) ~2 (go|going|be|get) ~1 (home|back home)",
         unless=("party", "holiday", "fun", "lol", "club", "trip", "school", "match", "sleepover", "game"),
         negatable=False),
    rule("self_harm_suicide", "kms", unless=("test", "exam", "exams", "homework", "lol", "game", "shot", "valorant",
                                             "fortnite", "fifa", "ranked", "match", "lobby"), unless_sentence=True),
    # suicide notes; "things we do at camp are secret and parents wouldn't understand"
    rule("self_harm_suicide", "(written|wrote|writing|write|left) ~2 (notes|note|letters|letter) ~4 (family|mum|dad|"
         "everyone|(just in case)|goodbye|when i am =gone|after i am =gone)", kind="sign"),
    rule("secrets_adult", "secret|secrets ~8 (not|never) ~1 understand", "understand ~8 secret|secrets",
         unless=("film", "book", "story", "lesson"), unless_sentence=True, hypothetical=False),
    # "been doing sh again", "relapsed last night"
    rule("self_harm_suicide", "(do|doing|did|done|been) sh", "relapse|relapsed|relapsing", kind="sign",
         unless=("drink", "drinking", "drugs", "smoking", "vaping", "diet", "cold", "flu")),
    # "i want to disappear from this group chat, so cringe" is embarrassment
    rule("self_harm_suicide", "want|wanna|wish ~2 to? disappear",
         unless=("chat", "cringe", "embarrassing", "embarrassed", "embarrass", "awkward", "stage"),
         unless_sentence=True),
    rule("self_harm_suicide",
         "@HARMSELF myself|herself|himself|themselves|themself",
         "(punish|punishing|punished) myself",
         "(stop|stopped|not) eating ~4 (on purpose|to punish|for days|days|deliberately)",
         "(on purpose|deliberately) ~3 (hurt|harm|cut|burn|starve|scratch|hit)",
         "(hurt|harm|cut|burn|starve|scratch|hit) ~3 (on purpose|deliberately)",
         "cut|slit|slice|burn|scratch ~2 my wrist|wrists|arm|arms|leg|legs|thigh|thighs|skin|stomach|hip|hips",
         "(end|ending|take|taking) (my|her|his|their) own? life",
         "(end|ending) (it all|everything)",
         "(cutting|burning|scratching|selfharm|harming) ~2 again",
         "scar|scars|marks|cuts ~3 my? wrist|wrists|arm|arms|leg|legs|thigh|thighs ~3 from|where|because ~2 cut|"
         "cutting|selfharm|harm|burn|burning",
         "life ~3 not ~1 worth ~1 living|it",
         "(not worth living)|(what's the point in living)|(whats the point in living)",
         "not want to be alive",
         "(started|start|been|keep|stop|stopped|relapse|relapsed) ~1 (cutting|burning|scratching|selfharm|harming|"
         "self harming)",
         "(happier|=better|easier|=better off) ~3 (without me|if i was =gone|if i wasnt here|if i was not here|"
         "if i was dead|if i died|if i wasnt around)",
         "want|wanna|going|gonna|plan|try ~3 to? end it",
         "want|wish|like|rather|ready ~3 to? die|dead|(not be here)|(not exist)|(disappear forever)",
         "(better off) dead|(without me)",
         "(no point|no reason|nothing) ~1 (living|to live|in living|to live for|being alive|being here|going on|"
         "in life)",
         "not ~1 want|wanna ~1 to? (live|be alive|be here|wake up|exist|carry on|go on)",
         "wish ~2 i|me ~1 be? ~1 (dead|never born|not born|not here|not alive|=gone)",
         "take|overdose ~2 (an overdose)",
         "take|overdose|swallow ~2 pills|tablets|paracetamol|painkillers ~3 (all|too many|a load|loads|whole|to sleep|"
         "forever|again)",
         "take|swallow ~2 (too many|all the|a load of|loads of|a bottle of|a packet of|a box of|whole packet|"
         "whole box) "
         "~1 pills|tablets|paracetamol|painkillers|meds|medication|ibuprofen|them",
         "overdose|overdosed|od",
         "(hang|hanging) myself",
         "jump ~2 (off a|off the|in front of) bridge|train|building|roof|car|cliff|bus",
         "@SCARED ~3 (hurt myself|kill myself|do something stupid)",
         "point in|of ~1 living|life|(being alive)|(being here)|(going on)|(carrying on)|existing|anything",
         "(nobody|no one) ~2 care|miss|notice ~2 if i ~1 die|disappear|=gone|dead|(killed myself)|(was not here)",
         # "can not" (the tokeniser splits "can't", "cant" and "cannot" so): "cant" alone compared on its lemma is
         # any "not" ("im not doing this survey anymore" was a self-harm alert)
         "(can not|=carnt) (go on|cope|take it|do this|carry on|live like this) ~2 (anymore|any more|no more|"
         "much longer)",
         # "my cat. its the only thing stopping me from going through with it", "my dog. hes the only thing keeping me
         # alive tbh" (writers 65 and 37: missed); not "the only thing keeping me sane" (writer 39, ordinary)
         "(keeping|keeps|keep|kept) me alive",
         "(stopping|stops|stop|stopped|keeping|keeps) me from (going through with it|ending it|ending my life|"
         "killing myself)",
         unless=_JOKE + ("hair", "dye", "accident", "accidentally", "playing", "football", "rugby", "pe", "fell",
                         "falling", "skating", "bike", "trampoline", "cooking", "wasp", "sports", "shaving", "shave",
                         "exams", "exam", "homework", "cringe", "embarrassing"),
         # "had thoughts of hurting myself, but I got help and I'm in a good place now"
         resolved_ok=False),
    rule("self_harm_suicide",
         "(just|should|could|gonna|will|wanna|to|might) ~1 end it",
         unless=_JOKE + ("with", "relationship", "him", "her", "them", "friendship", "streak", "game")),
    rule("self_harm_suicide",
         "selfharm|suicidal|suicide|(self injury)|(self injure)|(suicidal thoughts)|(thoughts of suicide)",
         kind="topic"),

    # ---------------------------------------------------------- missing / homeless
    rule("missing_homeless",
         "run|ran away|off",
         "not ~2 anywhere|somewhere|(a home)|(a place)|(a bed) ~2 to? live|stay|sleep|go",
         "(stay|staying|stayed|sleep|sleeping|slept|crash|crashing) (at|in|on) (random|strangers|other peoples|"
         "different|peoples|people's|random peoples) ~2 (houses|flats|places|sofas|house|flat)",
         "(go|went|gone) awol",
         "(go|went|gone|going|been) missing",
         "(reported missing)|(missing person)|(missing from home)",
         "(police|they) ~1 found|bring|brought ~1 me|us ~1 back|home",
         "(kick|throw|chuck) ~1 me|us|him|her out",
         "be|get kick|throw|chuck out",
         "(kicked out|thrown out|chucked out) ~2 (home|house|of the house|of home|flat)",
         "nowhere|(no where)|(not anywhere) ~1 to ~1 (live|sleep|stay|go|be)",
         "(no home)|(no place to live)|(no where to live)",
         "sleep|sleeping|slept (rough|on the streets|on the street|in a park|in the park|at friends|on friends|on "
         "sofas|in a car|in a tent|outside|in stairwells|in a stairwell)",
         "(sofa surfing)|(sofa surf)",
         "stay|stayed|staying out ~2 (all night|for days|overnight|all weekend|till morning)",
         "not ~1 come|go|went|be|been home ~2 (for days|all night|overnight|for a week|for ages|last night|most "
         "nights|some nights|at night|nights|weekends|days)",
         "(get out|leave|go|out) ~6 (not|never) ~1 come back",
         "(out|back|home) ~2 (till|until) ~1 (morning|3am|2am|4am|5am|1am|the morning|midnight|sunrise|late)",
         "(hostel|temporary accommodation|emergency accommodation|b&b)",
         unless=("dog", "cat", "dogs", "bee", "wasp", "spider", "ball", "game", "tag", "chaser",
                 "hamster", "rabbit", "bus", "class", "lesson", "club", "school", "college", "pub",
                 "maze", "minutes", "minute", "seconds", "lol", "mins", "min", "secs",
                 "supermarket", "shopping", "ikea",
                 "camping", "camp", "festival", "dofe", "holiday", "scouts", "guides", "brownies",
                 "sleepover", "garden", "cubs", "tent", "tents",
                 "shop", "pokemon", "item", "sock", "homework", "tooth", "chasing")),
    rule("missing_homeless", "homeless|homelessness|runaway", kind="topic",
         unless=("people", "person", "man", "men", "woman", "shelter", "shelters", "charity")),

    # --------------------------------------------------------------- bullying
    rule("bullying",
         "be|get bully|bullied|bullying|cyberbully|cyberbullied",
         _PEERS + " ~3 bully|cyberbully|bullying|target ~1 me|us|my|her|him",
         "bully|bullying|bullies ~1 me|us",
         "be|get pick on",
         "pick on ~1 me|us",
         _PEERS + " ~3 call me ~3 names|@INSULT|racist|gay|lesbian|paki|terrorist|(the n word)",
         "(spread|spreading|spreads) (rumours|rumors|lies|stuff|pictures) ~2 about|of me",
         "(nobody|no one) ~2 (talks|talk|speaks|speak|sits|sit|plays|play|hangs out|hang out|hangs|hang) (to|with|"
         "next to) me",
         "(whisper|whispering|gossip|gossiping|talk behind my back|talking behind my back|talk about me behind my "
         "back) ~2 about? me?",
         "@PEERS ~4 (hate|ignore|laugh at|make fun of|pick on|gang up on|exclude|isolate|leave out|mock|torment|"
         "harass) ~1 me|us",
         "make|made fun of me",
         "make|makes|made|making my life ~1 hell|miserable|(a misery)|(a living hell)",
         "(post|posting|posted|share|sharing|spread|say|saying|write|writing|send|sending) ~3 (horrible|nasty|mean|"
         "bad|disgusting|rude|awful|vile|racist|sexist|homophobic) ~2 (things|stuff|comments|messages|pics|pictures|"
         "videos|memes) ~2 (about|of|to) me",
         "laugh at me ~2 (every day|all the time|always|because)",
         "(kick|kicked|leave|left|remove|removed) me ~1 out of ~2 (group chat|gc|group|chat)",
         "(group chat|gc) ~3 about me",
         "(tell|told|say|said|telling) me to ~1 (kys|kill myself|go die|die|neck myself|unalive myself)",
         "kys",
         "(jump|jumping|jumped) me|us ~6 (film|filming|filmed|record|recording|video|every|again|after|at)",
         "(death threat|death threats)",
         "be|get ~1 (sent|send) ~2 (threats|threat|hate|abuse|horrible messages|nasty messages)",
         "(send|sent|sending) me ~3 (horrible|nasty|mean|hate|threatening|abusive|death) (messages|message|texts|"
         "comments|stuff|threats)",
         "(film|record|filmed|recorded|video|photo|photos|pics) ~1 me ~6 (post|share|send|put|upload|online|laugh)",
         "(jump|jumped|batter|battered|beat|stab|stabbed|attack|attacked) me ~3 (after school|at school|on the way|"
         "outside school|in the toilets|on the bus)",
         _PEERS + " ~2 threaten|threatened ~2 me|(to beat|to jump|to stab|to hurt|to batter)",
         "(racist|homophobic|transphobic) ~2 (abuse|names|comments|slurs|things)",
         "(steal|take|nick) my (lunch|money|stuff|bag|phone|things) ~3 (every day|all the time|always|again)",
         unless=("lol",), resolved_ok=False),
    rule("bullying", "bullying|bullied|bullies|cyberbullying|bully", kind="topic", resolved_ok=False,
         unless=("anti", "ambassador", "ambassadors", "week", "policy")),

    # ------------------------------------------------------------ adult secrets
    rule("secrets_adult",
         "(tell|told|say|said|make|made|ask|asked|want|wants) me ~2 (not to tell|to not tell|never to tell|not tell|"
         "never tell|not say|not to say|to keep quiet|to stay quiet|keep quiet|to keep it quiet)",
         "(tell|told|say|said|make|made|ask|asked) me ~2 keep ~3 secret",
         "our ~1 secret",
         "(a|our) secret between",
         "(our little secret)|(our secret)|(secret between us)|(secret between me and)",
         "keep ~2 secret ~3 (from mum|from dad|from my|from everyone|from anyone|from parents|from teachers|from the "
         "police|from social|from her|from his|from their|from our)",
         "(make|makes|made|tell|tells|told|ask|asks|asked) (her|him|us|them) ~1 keep ~2 (secret|secrets)",
         "(not allowed to tell)|(not allowed to say)|(can not tell anyone)|(can not tell anybody)",
         "(made me promise)|(make me promise) ~3 (not to tell|secret|never tell|not tell)",
         "if i tell ~7 (hurt|kill|beat|batter|take|send|leave|put|get|trouble|taken|away|care|die|post|share|show)",
         "(get|be) in trouble if i tell",
         "(taken away|take me away|put in care|put me in care|get in trouble|be in trouble|go to prison|get hurt|"
         "sent away|send me away) ~2 if i (tell|say|told|said|speak|talk)",
         "(said|says|told me) ~3 (no one|nobody) ~2 (would|will) believe me",
         "(threaten|threatened|threatens) ~3 if i (tell|say|told|said)",
         "(say|said|says|tell|told|warn|warned) ~3 if i (tell|told|say|said|speak) ~2 (anyone|anybody|someone|people|"
         "mum|dad|teachers|police|you)",
         "(have to|got to|must|told to|supposed to|make me) ~1 say|tell ~3 (i fell|it was an accident|i walked into|"
         "i fell over|i tripped|i am fine|everything is fine|nothing happened|i did it myself)",
         "(say|said|says|tell|told) ~5 (not|never|cant|cannot|mustnt|shouldnt) ~2 tell",
         "(say|said|says|tell|told) ~4 (just|only)? between (us|me and him|me and her|you and me|us two|the two of us)",
         "(nobody|no one) ~2 (can|must|should|is allowed to) know",
         "(say|said|says|tell|told|asked|ask|want|wants) ~3 keep ~3 (private|secret|quiet|hidden|between us|to "
         "myself|to ourselves|on the down low|dl)",
         "(special secret)|(secret game)|(secret friend)|(secret relationship)",
         "(tell|told|make|made|ask|asked) me ~1 to? delete ~3 (messages|chats|texts|chat|message|pictures|photos|"
         "snaps|our|it)",
         "(what happens|whatever happens|what goes on) ~2 (at home|in this house|here|in our house|in the family) "
         "(stays|stay)",
         "(get|be) in trouble if ~2 (anyone|anybody|someone|people|mum|dad|you|they) ~1 (find|know|hear|found|finds)",
         "(say|said|says|tell|told|warn|warned) ~6 if ~2 (anyone|anybody|someone|people|mum|dad|teachers|teacher) ~1 "
         "(find|finds|found|know|knows|hear|hears)",
         hypothetical=False, negatable=False,
         unless=("surprise", "birthday", "party", "crush", "fancies", "fancy", "fancied", "trip", "present",
                 "score", "scores", "result", "results", "grade", "grades", "pregnant", "pregnancy", "scan",
                 "tactics", "spoils", "spoil", "spoiling",
                 "presents", "gift", "gifts", "prank", "lol", "christmas",
                 "vase", "santa", "mothers", "fathers", "lies", "lie", "fibs",
                 "jokes", "spoilers", "ending", "answers", "recipe", "recipes"), unless_sentence=True),
]
