"""First-hand answer signals (analysis/screening/coded.py): each kind caught in several phrasings written for these
tests (not the development sets' sentences), and the everyday answers that share their words left alone."""

import pytest

ELSE = "Is there anything else you want to tell us?"
ONLINE = "What happens online that worries you?"
SCHOOL = "What is it like at your school?"
WORRY = "What is the biggest worry for young people where you live?"

KINDS = {
    "self_harm_verb": ["i sh'd last night again", "me tbh. been shing since year 7",
                       "started s/h again after christmas", "nobody knows i sh"],
    "self_burning": ["lighter burns since yr 9, nobody knows", "i use a lighter on my wrist when it gets too much",
                     "i hold a lighter to my skin"],
    "left_behind": ["my last note is saved on my phone", "i have a note ready", "ive decided who gets my stuff"],
    "method_research": ["at night i just search up painless ways to go", "i google how to do it without it hurting"],
    "first_hand_topic": ["sextortion. its happening to me rn and i dont know what to do",
                         "catfishing. thats whats happening to me"],
    "images_spread": ["my pics got leaked on a story", "this boy says hell leak my nudes if i dont send more"],
    "substance_coping": ["i need a few vodkas before school to get through the day",
                         "i can't get through the day without a spliff", "i have to be high to get through school"],
    "young_carer": ["i have to do her meds and get my brothers ready so im always late and tired",
                    "im a young carer and its too much"],
    "unalive": ["unaliving myself seems easier"],
    "social_fear": ["we have to clean everything before the social worker comes"],
    "injury_cover": ["i told school i fell but thats not how i got the bruises",
                     "i told the nurse i fell off my bike but that wasnt what happened"],
    "hidden_body": ["its fine, i just keep my sleeves down in pe"],
    "escape_from_him": ["my mum needs to get us away from him", "we need to escape from my stepdad"],
    "escape_from_home": ["its ok, its my escape from home tbh"],
    "trapped": ["the olders would know if i told"],
    "bullying_acts": ["they spit on me in the lunch queue"],
    "extremist_pull": ["the discord i'm in is preparing for the war thats coming"],
}


@pytest.mark.parametrize(("kind", "answer"), [(k, a) for k, answers in KINDS.items() for a in answers])
def test_each_kind_reaches_a_person_in_other_words(screener, kind, answer):
    assert screener.screen(answer, question=ELSE).flagged


@pytest.mark.parametrize("answer", [
    "we learned about sh in pshe and it was useful", "sh is a big problem in schools",
    "my hands get burnt by the cold in winter", "i lost my lighter at the park", "i burnt my arm on the oven at work",
    "i left a note on the fridge for my mum", "i look up ways to revise on tiktok",
    "grooming is a worry but it hasnt happened to me", "i posted my pics from prom on insta",
    "i would never send nudes because they always get leaked", "people smoke weed every day in the park near me",
    "i go to high school every day", "i look after my little brother after school sometimes, its fine",
    "people say unalive on tiktok so it doesnt get taken down", "my social worker is really nice",
    "i told the nurse i fell off my bike and she put a plaster on", "i got a black eye from a football in pe",
    "i cover my arms cos im insecure about them", "i keep my legs covered for religious reasons",
    "i just stay away from him in class", "its ok, the library is my escape from revision",
    "the park gate is locked so you cant get out that way", "my mates always wait for me at the gate",
    "the news should explain whats going on with climate change",
])
def test_everyday_answers_with_the_same_words_stay_quiet(without_readers, answer):
    assert not without_readers.screen(answer, question=ELSE).flagged


@pytest.mark.parametrize(("question", "answer"), [
    (WORRY, "getting bullied"), (WORRY, "knife crime and gangs"), (ONLINE, "being groomed online by old men"),
    (ELSE, "adults dont get how bad cyberbullying is even though it hasnt happened to me"),
    (ONLINE, "the content about self harm that pops up on tiktok, i report it"),
    (SCHOOL, "i dont go to school im home educated"), (ELSE, "i dont know what else to say"),
    ("What should adults do to help young people feel safe?", "stop cutting stuff"),
])
def test_general_worry_and_talk_about_a_topic_stay_quiet(screener, question, answer):
    assert not screener.screen(answer, question=question).flagged


@pytest.mark.parametrize(("question", "answer"), [
    (WORRY, "getting bullied by my stepbrother every day"), (WORRY, "me getting hit at home"),
    (ELSE, "cyberbullying hasnt happened to me but my stepdad hits me every night"),
    (ONLINE, "i watch self harm content and then i do it"),
])
def test_the_same_topics_told_first_hand_still_flag(screener, question, answer):
    assert screener.screen(answer, question=question).flagged


def test_the_new_writers_split_is_fixed_and_about_a_third():
    from benchmarks.screening_heldout import new_writer_part

    parts = [new_writer_part("fresh4", f"ord-{k:04d}") for k in range(1, 601)]
    assert parts == [new_writer_part("fresh4", f"ord-{k:04d}") for k in range(1, 601)]
    assert 150 < parts.count("check") < 250
    assert set(parts) == {"tune", "check"}


@pytest.mark.parametrize(("answer", "words"), [
    ("started s/h again after christmas", "s/h"), ("no. well i sh but its not that bad", "sh"),
    ("lighter burns since yr 9, nobody knows", "burns"), ("my last note is saved on my phone", "my last note"),
])
def test_a_first_hand_flag_names_its_words(screener, answer, words):
    result = screener.screen(answer, question=ELSE)
    assert [h.evidence for h in result.hits] == [words]
    assert result.categories == ("self_harm_suicide",)
