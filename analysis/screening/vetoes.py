"""The veto registry: every check that can cancel a hit, in the order it is applied.

A rule match or a learned-net hit is a *candidate*; the vetoes below run in
order and the first that fires cancels it.  Each entry says

* ``applies_to``: ``rule`` hits, ``learned`` hits or both;
* ``categories``: the categories it may cancel (``ALL`` = every category);
* ``reason``: why it exists, and ``motivated_by``: the case that motivated it;
* ``lookalike``: an answer this veto keeps quiet (the screen flags it when the
  veto is switched off), and ``positive``: a close disclosure it must not cancel;
* ``question``: the question both examples answer, for a veto that reads the answer
  beside its question (:mod:`.questions`).

``tests/analysis/screening/test_vetoes.py`` runs both examples for every entry
(the meta-test: an entry without them fails), and ``python benchmarks/screening.py
--ablate`` prints what removing each veto (and each rule group) costs in recall
and false alarms.  Switch one off with ``DisclosureScreener(ablate={"name"})``.

The checks themselves live in :mod:`.cues` (negation, hypothetical, topic,
practitioner and lesson frames, harm that is over) and :mod:`.frames` (jokes,
accidents, opinions, advice, media, siblings, general concern); the word lists
they read are data, ``data/lexicon.yaml`` and ``data/frames.yaml``, each group with its reason
and motivating case.
"""

from __future__ import annotations

from dataclasses import dataclass

from .categories import CATEGORIES
from .everyday import HEARSAY_CATEGORIES, PROVISION_CATEGORIES, SELF_HARM
from .frames import (
    ACCIDENT_CATEGORIES,
    CHOICE_CATEGORIES,
    CONCERN_CATEGORIES,
    GENERIC_CATEGORIES,
    JOKE_EXEMPT,
    YOUNGER_CATEGORIES,
)
from .lexicon import ABSENCE_CATEGORIES, LEARNED_BENIGN, REASSURANCE_EXEMPT
from .things import CATEGORIES as THING_CATEGORIES

__all__ = ["ABSENCE_CATEGORIES", "ALL", "BY_NAME", "NAMES", "VETOES", "Veto", "applies"]

ALL = frozenset(CATEGORIES)
RULE, LEARNED = "rule", "learned"


@dataclass(frozen=True)
class Veto:
    name: str
    applies_to: frozenset[str]
    categories: frozenset[str]
    reason: str
    motivated_by: str
    lookalike: str
    positive: str
    question: str = ""


def _v(name, applies_to, categories, reason, motivated_by, lookalike, positive, question="") -> Veto:
    return Veto(name, frozenset(applies_to), frozenset(categories), reason, motivated_by, lookalike, positive,
                question)


VETOES: tuple[Veto, ...] = (
    _v("named_confidant", (RULE, LEARNED), ALL,
       "answering 'who would you tell?', an answer made only of people and filler words names the person "
       "the writer trusts, not a harm (questions.bare_answer; data/questions.yaml)",
       "'my dad', 'MUM', 'my uncle', 'my step dad' answering 'Who would you tell if something was wrong?' "
       "(held-out youth ordinary answers, issue 17)",
       "my step dad", "my dad, but he's the one who hits me",
       question="Who would you tell if something was wrong?"),
    _v("trust_reason", (LEARNED,), ALL,
       "answering 'who would you tell, and why?', the answer opens with someone the writer trusts and gives a "
       "reason of trust ('because she is the only one that gets me', 'he wont tell anyone'), or answers nobody "
       "and gives the writer's own way ('i keep things to myself'), with no harm, fear, secret, stranger or "
       "contrast anywhere in it (reasons.trust_reason; data/reasons.yaml TRUST_*; screen10 round)",
       "'my mum because she is the only one that gets me', 'my tutor because I see him every day', 'my parents "
       "cause they're there for me', 'no one, i keep things to myself but im alright' (writers 9, 10, 12, 13: "
       "learned-net false alarms)",
       "my nan cos she is the only one who gets me",
       "my friend because shes the only one who knows i hurt myself",
       question="If something was worrying you, who would you tell, and why?"),
    _v("generational", (LEARNED,), ALL,
       "a complaint about how adults see young people in general ('they say its just a phase', 'back in my "
       "day', 'we grew up in covid'), with no writer in the answer and no harm (reasons.generational; "
       "data/reasons.yaml GENERATIONAL*; screen10 round)",
       "'they say its just a phase', 'They always say back in my day', 'they dont get that we grew up in covid "
       "and missed loads' (twelfth writer: learned-net false alarms)",
       "they think its just a phase and we will grow out of it",
       "they say its just a phase but its not, i hurt myself",
       question="Is there anything adults in your life don't understand about being young today?"),
    _v("pass_on", (LEARNED,), ALL,
       "telling an adult refused because they would pass it on or make it worse ('i wouldnt tell a teacher because "
       "they have to tell other people', 'nobody wants to talk to adults ... they just make it worse'), in one "
       "sentence, with no harm once the refusal and reason are taken out (reasons.pass_on; data/reasons.yaml "
       "PASS_ON_*; screen14 round)",
       "'i wouldnt tell a teacher because they have to tell other people and then it gets out of hand' (sixteenth "
       "writer), 'Nobody wants to talk to adults about stuff because they just make it worse or tell everyone' "
       "(seventeenth writer): learned-net false alarms",
       "i wouldnt tell my head of year because they have to tell your parents",
       "i wouldnt tell a teacher because they have to tell my dad and he would kill me",
       question="If something was worrying you, who would you tell, and why?"),
    _v("adults_both", (RULE, LEARNED), frozenset({"sexual_exploitation_grooming"}),
       "an adult partner, and every age the answer states 18 or over ('shes 24'): two adults, not an adult and a "
       "child (reasons.adults_both; data/reasons.yaml ADULT_AGE_HOLDERS)",
       "'my sisters boyfriend is 25 and shes 24' (adult_partner_child's look-alike: flagged by the adult-partner "
       "rule once screen13's judge kept that rule's hit)",
       "my brothers girlfriend is 22 and hes 23",
       "my sisters boyfriend is 25 and shes 14"),
    _v("praise", (LEARNED,), ALL,
       "praise of someone or something in the writer's life ('my friends are the best thing in my life'), with no "
       "harm and nothing making them the reason the writer is alive (reasons.praise; data/reasons.yaml PRAISE*; "
       "screen14 round)",
       "'i wanted to say that my friends are the best thing in my life' (sixteenth writer: learned-net false alarm)",
       "i just wanted to say my mates are the best thing in my life",
       "my friends are the best thing in my life, theyre the only reason im still here",
       question="Anything else you want to tell us?"),
    _v("area_concern", (RULE, LEARNED), ALL,
       "general concern about an area: a place or time there ('the park at night', 'the bus station') and people "
       "in general ('older lads', 'people', 'the police'), with no writer, no specific person ('me', 'us', 'my "
       "mate', 'he') and no word of harm, exploitation, fear or a secret (areas.area_concern; data/areas.yaml "
       "AREA_*; screen12 round, issue 17: 'there are gangs near my estate' is not a disclosure)",
       "'the park near the shops at night theres always older lads hanging about and they shout stuff', 'older "
       "kids asking you to buy stuff for them or asking for money at the bus station', 'the chippy corner, theres "
       "always older lads there' (writers 9, 12, 14, 15: learned-net false alarms)",
       "the canal at night theres loads of older lads there",
       "the bus station at night, the older lads there make me carry stuff for them",
       question="What makes you feel unsafe, if anything? (in your area, at school, online, at home)"),
    _v("named_worry", (RULE, LEARNED), ALL,
       "answering 'what worries you?', a short answer with nobody in it (no writer, family, friend, home or "
       "'they') names the worry, not a harm done to anyone (everyday.named_worry; frames.yaml WORRY_*)",
       "'getting bullied' answering 'What is the biggest worry for young people where you live?' (fourth "
       "writer's ordinary answers, screen5 session)",
       "getting bullied", "getting bullied by my stepbrother every day",
       question="What is the biggest worry for young people where you live?"),
    _v("secrets_denied", (RULE, LEARNED), {"secrets_adult"},
       "the writer says they do not keep secrets from a parent", "i don't keep secrets from my mum",
       "i dont keep secrets from my mum, we talk about everything",
       "my coach says we have to keep secrets from my mum"),
    _v("negation", (RULE, LEARNED), ALL,
       "the harm is denied (for the net: not where the absence is the harm, 'nobody makes tea')",
       "nobody has ever hurt me", "no one at home has ever hit me", "my dad hits me"),
    _v("hypothetical", (RULE, LEARNED), ALL,
       "a 'what if' or a question about rules, unless the writer owns it", "what would happen if someone hit you",
       "what would happen if my dad hit me", "my step dad hits me when he drinks"),
    _v("resolved", (RULE,), ALL,
       "rules marked resolved_ok=False: 'it's all sorted now' cancels", "got bullied but its sorted now",
       "i got bullied in year 7 but its all sorted now", "im being bullied at school and nobody does anything"),
    _v("topic_anchor", (RULE, LEARNED), ALL,
       "a bare topic word needs the writer or someone they know in the sentence, not a lesson or leaflet",
       "we had a lesson on county lines", "we learned about self harm in pshe today",
       "my friend has started self harming"),
    _v("framed", (RULE, LEARNED), ALL,
       "what a lesson, story or case is about, not the writer", "Housing officer: more training on neglect",
       "we read a story about a boy whose dad hits him",
       "my dad hits me and my mum never feeds us"),
    _v("past_and_over", (RULE, LEARNED), ALL,
       "harm long ago and over ('when i was little ... but now im safe')",
       "when i was little my dad hit me but he left",
       "when i was 5 my dad used to hit me but hes been gone for years and im safe now",
       "my dad hit me last night"),
    _v("joke", (RULE, LEARNED), ALL,
       f"laughter or an idiom, unless denied, nervous or beside concrete harm (the frame spares "
       f"{', '.join(sorted(JOKE_EXEMPT))}; the net's joke markers do not)", "i want to die laughing",
       "i dont want to be here anymore lol this survey is so long", "lol my dad hits me every time i speak"),
    _v("accident", (RULE, LEARNED), ACCIDENT_CATEGORIES,
       "a sport or accident with no one to blame", "smacked in the face by a netball",
       "i cut my arm on a thorn climbing a tree", "i cut my arm on purpose last night"),
    _v("opinion", (RULE, LEARNED), ALL,
       "a view about other people's children ('apps should stop old men messaging kids')",
       "apps should do more to stop old men messaging kids",
       "the police should do more to stop gangs making kids sell drugs",
       "an old man keeps messaging me asking for pictures"),
    _v("choice", (RULE, LEARNED), CHOICE_CATEGORIES,
       "marriage that is the writer's own choice", "he says it's up to me who i marry",
       "my parents want me to get married but they said its up to me",
       "my parents are making me marry my cousin in pakistan this summer"),
    _v("advice", (RULE, LEARNED), ALL,
       "what the writer would do ('I'd tell someone if ...')", "If I ever felt suicidal I'd ring Childline",
       "i would tell a teacher if an adult asked me to keep a secret",
       "an adult asked me to keep a secret and i dont know what to do"),
    _v("media", (RULE, LEARNED), ALL,
       "what happens in a film, show, game or book", "in the film the dad beats the kid",
       "in the film we watched the dad beats the kid", "my dad beats me"),
    _v("younger_sibling", (RULE, LEARNED), YOUNGER_CATEGORIES,
       "a little brother or sister hurting the writer", "my little sister bit me",
       "my little brother kicks me when we play", "my step dad kicks me"),
    _v("general_concern", (RULE, LEARNED), CONCERN_CATEGORIES,
       "general concern about an area: the writer only feels, sees or names a place (issue 17)",
       "people smoking weed near the shops scares me",
       "people dealing drugs near my school scares me",
       "the older boys make me carry stuff for them"),
    _v("generic_group", (RULE, LEARNED), GENERIC_CATEGORIES,
       "the sentence opens with a group in general and names nobody of the writer's (issue 17)",
       "'Families not having enough money for food and heating' (make demo data)",
       "Families not having enough money for food and heating.",
       "My family doesn't have enough money for food and heating"),
    _v("provision_complaint", (RULE, LEARNED), PROVISION_CATEGORIES,
       "nowhere for young people to go (youth clubs shut, everything costs money), with no writer, home or "
       "family in the sentence: provision in the area, not homelessness (everyday.py; question session)",
       "'not having anywhere to go that doesnt cost money' (youth training ordinary answers, 2-fold CV)",
       "the youth club shut so theres nowhere to go",
       "my mum kicked me out and theres nowhere to go"),
    _v("cut_object", (RULE, LEARNED), SELF_HARM,
       "what is cut is money, services or hair, and nothing of the writer's body is in the sentence "
       "(everyday.py; question session)",
       "'stop cutting funding' (youth training ordinary answers, 2-fold CV)",
       "stop cutting funding for youth clubs",
       "i need to stop cutting myself"),
    _v("said_of_things", (RULE, LEARNED), THING_CATEGORIES,
       "a harm word said of a thing: dying said of a device ('so the wifi died', 'my phone is dead'), being kicked "
       "out of a chat, game or lesson with no home, family or writer in the sentence (things.said_of_things; "
       "data/things.yaml; screen14 round)",
       "'everyone in my class did this at the same time so the wifi died', 'group chats where people get kicked out "
       "and then slagged off' (sixteenth writer: rule false alarms)",
       "we all joined the call at the same time so the wifi died",
       "the wifi died and i wanted to die too",
       question="Anything else you want to tell us?"),
    _v("leisure_jump", (RULE, LEARNED), SELF_HARM,
       "jumping off a bridge into a river in summer or for a dare, with nobody wanting or planning it "
       "(everyday.py; question session)",
       "'people jump off the bridge into the river in summer which is dangerous' (youth training ordinary answers)",
       "people jump off the bridge into the river in summer which is dangerous",
       "sometimes i want to jump off the bridge"),
    _v("nothing_to_add", (RULE, LEARNED), ALL,
       "the whole answer says there is nothing to add (frames.yaml NOTHING_TO_ADD; everyday.py; fourth session)",
       "'i dont have anything else to say' (blind youth benign set, flagged as secrets); 'Nothing I can think "
       "of at this moment in time.' (real feedback, issue 17)",
       "i dont have anything else to say",
       "i dont have anything else to say except my dad hits me",
       question="Is there anything else you want to tell us?"),
    _v("unsafe_denied", (RULE, LEARNED), ALL,
       "the writer denies feeling unsafe ('I don't feel unsafe in my house', 'nothing makes me feel unsafe at "
       "home'): a denial at most four words before 'unsafe', no contrast in the sentence, or for a hit on the "
       "denied words themselves none after the denial ('... but thats just brothers, i dont feel unsafe at home': "
       "screen10 round) (everyday.py; fourth "
       "session)",
       "'nothing makes me feel unsafe at home or school' (blind youth benign set)",
       "nothing makes me feel unsafe at home or school",
       "i dont feel unsafe at home except when my stepdad drinks",
       question="What makes you feel unsafe?"),
    _v("hearsay_group", (RULE, LEARNED), HEARSAY_CATEGORIES,
       "what happens to others in general or what people say ('it happens to loads of girls in my year', "
       "'apparently'), with no writer or family harmed anywhere in the answer (everyday.py; fourth session)",
       "'people asking for nudes, it happens to loads of girls in my year' (third writer's youth ordinary answers)",
       "people asking for nudes, it happens to loads of girls in my year",
       "older men keep asking me for nudes, it happens to loads of girls in my year",
       question="What happens online that worries you?"),
    _v("not_to_me", (RULE, LEARNED), ALL,
       "the writer says the harm has not happened to them ('even though it hasnt happened to me'), with no "
       "contrast after the denial (everyday.not_to_me; frames.yaml NOT_TO_ME*; screen5 session)",
       "'I feel like adults dont get how bad cyberbullying is even though it hasnt happened to me' (second "
       "writer's youth ordinary answers)",
       "adults dont get how bad cyberbullying is even though it hasnt happened to me",
       "cyberbullying hasnt happened to me but my stepdad hits me every night"),
    _v("no_person", (LEARNED,), SELF_HARM,
       "the net's self-harm reading needs a person in the answer, the writer or someone they name "
       "(frames.yaml SELF_HARM_PERSONS; everyday.py; fourth session)",
       "'people being sent stuff they dont want to see' (second writer), 'being sent stuff you didnt want to "
       "see' (third writer)",
       "people being sent stuff they dont want to see",
       "i keep being sent stuff about how to hurt myself",
       question="What is the biggest worry for young people where you live?"),
    _v("learned_benign", (LEARNED,), frozenset(LEARNED_BENIGN),
       "the category's own benign words in the sentence (lexicon.LEARNED_BENIGN)", "round 4-6 look-alikes",
       "my dad told me not to tell mum what we got her for her birthday",
       "my uncle touches me when we are alone"),
    _v("reassurance", (LEARNED,), ALL - REASSURANCE_EXEMPT,
       "reassurance anywhere in the answer ('but im fine now', 'my mum sorted it')", "round 4-6 look-alikes",
       "i feel unsafe walking home but my dad makes sure i get picked up", "my uncle touches me when we are alone"),
    _v("judge", (RULE,), ALL,
       "two-stage screen: the net, trained on real ordinary answers, calls the answer ordinary (issue 17)",
       "'Treated like a person.' flagged as emotional abuse in real NHS feedback",
       "All staff were nice to me, knowledgable and reassuring. Treated like a person.",
       "The staff treated me like dirt and hit me"),
)

NAMES: tuple[str, ...] = tuple(v.name for v in VETOES)
BY_NAME: dict[str, Veto] = {v.name: v for v in VETOES}


def applies(name: str, kind: str, category: str, ablated: frozenset[str]) -> bool:
    """Whether veto ``name`` is switched on for a ``kind`` ("rule"/"learned") hit of ``category``."""
    v = BY_NAME[name]
    return name not in ablated and kind in v.applies_to and category in v.categories
