"""Rules: physical, sexual and emotional abuse; neglect; domestic abuse."""

from __future__ import annotations

from . import rule

_SPORT = ("ball", "football", "rugby", "hockey", "cricket", "pe", "match", "game",
          "accident", "accidentally", "goal", "net", "tennis", "shuttlecock", "racket",
          "sparring", "boxing", "karate", "judo", "playfight", "playfighting", "netball",
          "basketball", "rounders", "gymnastics", "skateboard", "skateboarding", "skating", "trampoline",
          "bike", "cycling", "fell", "fall", "falling", "tripped", "trip", "knee", "elbow", "shin",
          "ankle", "taekwondo", "kickboxing", "mma", "wrestling", "dodgeball", "baseball", "volleyball",
          # games and competitions: "she beats me at fifa", "got beaten in the chess final"
          "fifa", "chess", "cards", "uno", "monopoly", "scrabble", "darts", "snooker", "pool", "quiz",
          "race", "races", "final", "finals", "tournament", "competition", "fortnite", "minecraft",
          "mario", "xbox", "ps4", "ps5", "console", "gaming", "games", "points", "score", "2k", "nba",
          "gym", "pillow", "pillows", "snowball", "snowballs", "lol")
_OFTEN = "(all the time|every night|every day|every weekend|always|a lot|loads|constantly|again|most nights)"

RULES = [
    # ------------------------------------------------------------ physical
    rule("physical_abuse",
         "@KIN ~3 @HIT ~2 @VICTIM",
         "@KIN ~3 @HIT ~1 @POSS @VICTIM",
         "@KIN ~2 beat|batter|kick|smash ~1 @ME? up|in|out",
         "(threaten|threatened|threatens) ~2 to? kill|stab|hurt|batter|strangle ~1 me|us|her|him|mum|dad",
         unless=_SPORT),
    rule("physical_abuse",
         "@HIT me|us up?",
         "keep|always|still|start @HIT ~1 @VICTIM",
         unless=_SPORT + ("feelings", "feeling")),
    rule("physical_abuse",
         "be|get @HIT ~2 by @POSS? @KIN",
         "be|get @HIT ~2 (at home|at my house|in my house)",
         "be|get @HIT ~3 when ~3 drunk|angry|mad|off|upset|stressed",
         "get|be beat|batter|belt|smack|slap|whip|lash|strangle",
         unless=_SPORT + ("team", "score", "goal", "points", "nil", "penalty", "quiz", "race", "#NUM")),
    rule("physical_abuse",
         "bruise|mark|burn|scar|cut ~4 from|because|by|off ~2 @KIN",
         "hide|cover ~3 bruise|mark",
         "@KIN ~3 leave|give ~2 bruise|mark|(black eye)",
         "(black eye) ~3 from|because|by @POSS? @KIN",
         "throw|chuck ~3 at me|us",
         "(by the) throat|neck|hair",
         "pull ~1 my|her|his hair",
         "(black eye)|bruise|mark|cut|injury|injuries|burn ~6 @KIN ~1 do|cause ~1 it|this|that|them",
         "be|get @HIT ~1 with ~3 (whatever|anything|belt|belts|shoe|shoes|slipper|remote|hairbrush|brush|spoon|"
         "hanger|cable|lead|stick|bat|wire|plate|cup|bottle|chair|things)",
         "@HIT ~2 me|us|her|him with (a|his|her|the)? belt|shoe|stick|wire|slipper|spoon|hanger|bat|cable|lead|cane|"
         "hammer|knife"),
    rule("physical_abuse",
         "(throw|chuck|push|shove|kick|drag|boot|fling) me|us|her|him ~2 down|across|into|against|out|off|at|over|"
         "round",
         "(fat|split|busted|bust|burst) lip|nose|head ~3 off|from|by|because ~2 @KIN",
         "(fat|split|busted|bust|burst) lip|nose",
         unless=_SPORT),
    # Broad net: a strong harm word anywhere in a sentence about the writer or
    # someone they know (topic rule: lesson/leaflet talk is excluded).
    rule("physical_abuse",
         "(physically abuse|physically abused|physical abuse)", "abuse|abuses|abused me|us",
         "batter|leather|wallop|thump|slap|smack|strangle|choke|throttle|headbutt|bruise|beating|beatings|whack|bash|"
         "assault",
         "(beat up|beaten up|black eye|black eyes|gave me a hiding|give me a hiding)",
         kind="topic", unless=_SPORT + ("bag", "punchbag", "pillow", "wall", "food", "drink", "joke",
                                        "rap", "song", "beat", "drum", "music", "game", "level",
                                        "boss", "lol", "choked", "nerves", "final", "exam", "talk",
                                        "cream", "suncream", "paint", "sticker", "makeup"),
         unless_sentence=True),

    # -------------------------------------------------------------- sexual
    rule("sexual_abuse",
         "@KIN ~3 touch|grope|molest|finger|fondle|rape|rub|lick ~2 me|us|her|him|@VICTIM",
         "touch|grope|finger|fondle|molest|rape|feel|rub|lick ~3 @PRIVATE",
         "touch|grope|molest|rape|fondle me|us",
         "be|get rape|molest|grope|fondle|finger",
         "sexually abuse|assault|touch|hurt",
         "sexual|sex ~2 abuse|assault|things|stuff ~2 me|us|her|him|to",
         unless=("arm", "shoulder", "hand", "head", "back", "hair", "forehead",
                 "temperature", "face", "cheek", "knee", "wound", "plaster")),
    rule("sexual_abuse",
         "make|force|pressure ~1 me|us|her ~4 touch|suck|sex|porn|undress|strip|naked|kiss|lick|sexual",
         "have sex ~1 with me|us|her",
         "get|come|climb ~2 in|into my bed",
         "come ~2 into|in my room|bedroom ~3 night|at",
         "show me ~3 @PRIVATE|porn|naked|penis|private",
         "(make|makes|made|force|forces|forced) ~1 me|us|her ~1 watch ~4 (videos|video|vids|films|porn|stuff|"
         "things|people|ppl)",
         "watch porn ~2 with",
         "do stuff|things ~1 to me|us",
         "make|force|pressure ~1 me|us|her ~2 do stuff|things ~2 to|with|for ~1 him|her|them",
         "take ~1 my|her clothes off",
         "sleep with me ~3 not|want|force|make",
         "touch me ~2 where|when|(at night)|(in bed)|inappropriate|inappropriately|wrong|funny|weird|strange|private|"
         "bath|shower"),
    rule("sexual_abuse",
         "@KIN ~6 touch|grope|feel|rub|stroke ~4 my|me|her ~2 leg|legs|thigh|thighs|bum|body|chest|boob|boobs|breast|"
         "breasts|bottom|private|privates|skin",
         "(sit on his lap|sit on his knee|sat on his lap|sat on his knee)",
         "hand|hands ~2 up|down|in|inside|under ~1 my|her ~1 top|skirt|shirt|shorts|pants|trousers|knickers|bra|"
         "dress|jumper|clothes|leg|legs",
         "(keep|keeps|always) ~1 (coming|walking|barging|bursting|looking|come|walk) ~1 in|into ~2 bathroom|shower|"
         "bath|bedroom|room",
         "(make|force|pressure|made|forced) ~1 me ~1 (do|doing) (things|stuff|something|it) ~4 not ~1 want|like",
         "(force|forced|forces) (himself|herself|themselves) on|onto ~1 me|her|us|him",
         "watch|film|photograph|spy|peek|look|stare|record ~1 me|us|her ~4 shower|bath|bathroom|changing|(getting "
         "changed)|undress|undressing|naked|toilet|sleep|sleeping",
         "sneak|sneaks|creep|creeps|come|climb ~2 in|into my|our ~1 room|bed|bedroom|shower|bathroom",
         "(does things|did things|do things|does stuff|did stuff) ~3 (to me|to us|at night|in bed|in my room|i don't "
         "like|i dont like)",
         "(sexually assault|sexually assaulted|sexual assault|assault|assaulted)",
         # "he knocks before coming in my room and gives me space" is a boundary kept
         unless=("knock", "knocks", "knocked", "knocking", "privacy", "permission")),
    rule("sexual_abuse",
         "rape|raped|rapist|molest|molested|(sexual abuse)|(sexually abused)|(sexual assault)|incest|paedo|pedo|"
         "nonce|paedophile|pedophile",
         kind="topic", unless=("ref", "referee", "match", "game", "fifa", "exam", "test", "defence", "pitch")),

    # ----------------------------------------------------------- emotional
    rule("emotional_abuse",
         "@FAMILY ~4 call me ~3 @INSULT|names|name",
         "@FAMILY ~4 say|tell|think|make ~2 i|me ~3 @INSULT",
         "@FAMILY ~4 wish ~3 (never born|not born|dead|=gone|disappear)",
         "@FAMILY ~4 wish ~4 never ~2 born|had|have",
         "@FAMILY ~4 not ~1 talk|speak ~2 to me|us ~3 (for days|for weeks|punishment|as punishment|as a punishment)",
         "(silent treatment)|(as punishment)|(as a punishment)",
         "@FAMILY ~5 (ruin|ruined|my fault|blame me|blames me|blamed me|regret having me|never wanted me|not want me|"
         "abort|aborted)",
         "be|get blame ~2 for everything",
         "be|get (scream at|screamed at|shouted at|yelled at|sworn at) ~3 " + _OFTEN + "|home|(for nothing)",
         "(scream|shout|yell|swear) at ~1 me|us ~4 (at home|every day|every night|all the time|constantly)",
         "@FAMILY ~3 scream|shout|yell|swear ~2 at me|us ~3 " + _OFTEN + "|(for nothing)|(for no reason)|(every time)",
         "@FAMILY ~3 (always|constantly|keep|keeps|never stop|never stops|wont stop) ~1 scream|shout|yell|swear ~2 "
         "at me|us",
         "@FAMILY ~3 swear ~2 at me|us",
         "@FAMILY ~3 hate ~1 me|us",
         "@FAMILY ~3 not love|want|care ~1 me|us|(about me)",
         "@FAMILY ~3 ignore|blame|threaten|humiliate|belittle|control|mock ~1 me|us",
         "@FAMILY ~3 threaten ~2 kick|throw|send|hurt|kill|leave|put",
         "@FAMILY ~3 put me down",
         "tell|say|call me ~2 i|me? be? ~1 @INSULT",
         "(tell|say) ~1 me ~1 nobody ~3 care|love|want|like|miss",
         "make me feel ~3 worthless|useless|rubbish|nothing|stupid|small|unwanted|scared|(bad about myself)",
         "@SCARED ~1 of ~1 @POSS? @FAMILY|him|her",
         "@SCARED ~2 what|when ~1 he|she|they|dad|mum ~3 do|(come home)|drunk",
         "lock me|us ~2 in|out|room",
         "(not allowed) to eat|see|leave|go|talk|have ~2 friends|out|house|room|anyone|food",
         "treat me ~2 like ~2 rubbish|dirt|(a slave)|nothing|crap|shit|(a dog)|(an animal)",
         "(walk on eggshells)",
         unless=("lol", "joke", "joking", "banter"), unless_sentence=True),
    rule("emotional_abuse", "(emotional|emotionally|verbal|verbally) abuse|abused|abusive", kind="topic"),

    # -------------------------------------------------------------- neglect
    rule("neglect",
         "no|never|not ~2 food ~3 house|home|fridge|cupboard|cupboards|eat|today|days|dinner|tea",
         "(nothing|no food) to eat",
         "not eat|eaten|ate ~3 days|since|(all day)|properly|yesterday",
         "go to bed|school hungry",
         "always|so|really hungry ~3 home|house|food|school|days|all",
         "(hungry all the time)",
         "nobody ~2 look|care|feed|cook|wash|clean ~1 after|for|about? me|us",
         "@FAMILY ~3 not ~2 feed|cook|look|care|wash|buy|clean|bother ~2 me|us|after|for|food|clothes",
         "leave ~2 (on my own|alone|by myself|homealone) ~3 days|night|nights|weekend|all|ages|hours|week|lot|"
         "overnight",
         "homealone ~3 days|night|nights|weekend|all|ages|week|lot|always|overnight",
         "(have to|got to|got ta|have ta) look after ~2 my|our ~1 brother|sister|siblings|mum|dad|baby",
         "@FAMILY ~3 always|too|really|get|be ~1 drunk|high|stoned|wasted|off",
         "@FAMILY ~2 drink|smoke ~3 (all the time|every day|too much|a lot)|loads|weed|crack|drugs",
         "@FAMILY ~3 take|do|on drugs|heroin|crack|coke",
         "@FAMILY ~2 be? alcoholic|addict|junkie|druggie",
         "no|not|never ~2 heating|electric|electricity|gas|(hot water)|(clean clothes)|bed|mattress|toothbrush|shower",
         "sleep (on the floor)",
         "same|dirty|smelly clothes ~3 days|(every day)|week|weeks",
         "house|home|flat ~2 be? ~1 dirty|filthy|disgusting|minging|mouldy|smelly|(full of rubbish)",
         "nobody|never ~2 take me ~2 doctor|doctors|dentist|hospital|gp",
         "nobody ~3 pick me up",
         "(steal|stealing|stole|nick|nicking|nicked) ~1 food",
         "nobody ~3 (make sure|makes sure|check|checks|bother|bothers|notice|notices) ~4 me|i|us|my",
         "not ~1 get|be fed|feed ~2 (at home|properly|enough|much|anything)?",
         "not have ~2 (a|any)? fridge|cooker|oven|bed|beds|heating|electric|electricity|gas|(hot water)|food|coat|"
         "shoes|uniform|carpet|carpets",
         "no|not|never ~3 money ~2 for|to ~2 food|eat|electric|gas|heating|rent|dinner|tea",
         "(have to|got to|had to|have ta) (sort|fend|look after|care for|feed|cook for) (ourselves|myself|ourself)",
         "@FAMILY ~2 sleep|bed ~2 (all day|all the time)",
         "nobody|never ~3 wash|clean|feed|cook|iron|buy|check|ask ~2 my|me|us|our|for ~1 clothes|food|dinner|tea|"
         "uniform|school",
         "@FAMILY ~2 never|not|rarely|hardly ~1 home|around|there|in|(at home)|(look after)",
         "(make|cook|get|find) my own (tea|dinner|food|meals|breakfast) ~4 (every night|every day|always|no one|"
         "nobody|never)",
         "leave|left ~6 (on our own|by ourselves|ourselves|alone|on my own|by myself) ~3 overnight|days|night|nights|"
         "weekend|ages|week",
         "nobody (at home)",
         "(forget|forgets|forgot|forgotten) ~2 to? ~1 (pick me up|feed|collect|get me|about me|about us|pick us up)",
         unless=("hurt", "hurts", "hit", "hits", "touch", "touches", "harm", "harms", "lol", "party",
                 "violent", "put", "puts", "shout", "shouts", "scream", "screams", "fight", "fights",
                 "understand", "understands", "taste",
                 "argue", "argues", "bully", "bullies", "smoke", "smokes", "drink", "drinks",
                 "busy", "picnic", "restaurant", "diet", "fasting", "ramadan", "charger", "battery", "canteen",
                 "phone")),
    rule("neglect", "neglect|neglected|neglecting", kind="topic"),

    # ------------------------------------------------------------- domestic
    rule("domestic_abuse",
         "@KIN ~3 @HIT ~2 @POSS? mum|dad|nan|parent|girlfriend|wife|partner",
         "@FAMILY ~3 @HIT ~1 her|him",
         "@FAMILY ~3 fight|row|argue|scream|shout ~3 " + _OFTEN + "|drunk|violent|physical|hit|throw|smash|police|"
                                                                  "night",
         "@FAMILY ~3 fight|fighting",
         "police ~3 come|called|round|over ~3 house|home|round|ours|again|flat",
         "call|ring (the police) ~2 on|because ~2 @POSS? @FAMILY",
         "violence|violent ~3 home|house|dad|mum|boyfriend|parents",
         "@FAMILY ~2 be|get ~1 violent|aggressive|nasty ~2 when|drunk|home",
         "@FAMILY ~3 drunk ~3 and|then ~3 shout|hit|angry|violent|smash|scream|kick",
         "smash|break|throw|punch ~2 things|stuff|plates|(the house)|walls|wall|doors|door|tv",
         "@SCARED ~3 go|be home|house",
         "@SCARED ~3 (at home|my house)",
         "(not|never) feel? safe ~2 at|in home|house|my|flat",
         "unsafe ~2 at|in home|house|my",
         "(not want to go home)",
         "(hate going home)",
         "hide|hiding ~4 when ~3 @KIN ~3 drunk|angry|home|mad|shouting|kick",
         "hide|hiding ~3 from ~2 @FAMILY|him|he",
         "@KIN ~3 threaten ~1 her|him|mum|dad|us|me ~3 knife|knives|weapon|gun|hammer|bat|blade|machete",
         "(always|constantly|loads of|lots of|so much|non stop) ~2 (shouting|screaming|fighting|arguing|rows|"
         "violence) ~3 (at home|in my house|in our house|home|house)",
         "things|stuff|plates|furniture ~2 get|got|be ~1 broken|smashed|thrown",
         "violent|aggressive ~2 towards|to|with ~2 her|him|mum|dad|me|us",
         # "the police came round to our street because someone's car got broken into"
         unless=("street", "road", "burglary", "burgled", "robbed", "stolen", "crash")),
    rule("domestic_abuse", "violent|violence|aggressive", kind="topic",
         unless=("video", "game", "games", "film", "films", "movie", "movies", "tv", "show", "crime",
                 "music", "drill", "lyrics", "cartoon", "book", "news")),
    rule("domestic_abuse", "(domestic violence|domestic abuse|dv at home)", kind="topic"),
]
