"""People named by where they stand in a household or a home (``analysis/redaction/households.py``, the role
cue in ``names.py`` and the school cue in ``cues.py``): blind redaction writers r58, r60 and r62's misses, stop 48.
Each rule has positives (gone) and look-alikes that stay."""

import pytest

from analysis.redaction import redact_text


@pytest.mark.parametrize("text, gone", [
    # a family word with a word before it, then a name
    ("ma big brother tam got stabbed last year outside the shop", "tam"),
    ("me big sis jade works at the greggs in the bridges", "jade"),
    ("my best mate is jordan and he got robbed for his trainers", "jordan"),
    ("my best mate is tom, he stays across the road", "tom"),
    ("my sister's ex jordan still turns up at our house", "jordan"),
    ("my birth mum Sharon still sends me letters", "Sharon"),
    # a parent named by a short form
    ("me dad pete lives in a hostel in the city centre", "pete"),
    ("she flinches when her step dad clint picks her up", "clint"),
    # a short form after a role
    ("i would speak to my mum or my youth worker jo", "jo"),
    ("dont like going to my dads cus his mate gaz is always there drinking", "gaz"),
    # a family by its plural surname
    ("the Duffys n the Carrs on our street are always fightin", "Carrs"),
    ("I'm 11 and i live with my foster family the Browns.", "Browns"),
    ("my sister is in foster care with the Wrights in Swindon", "Wrights"),
    ("the foster carers are the Bells, they're nice", "Bells"),
    ("Sponsor family: the Bakers, Nettleham.", "Bakers"),
    ("Family (the Wards) back on the site.", "Wards"),
    # staff of a place named in a list
    ("Staff Lisa and Michelle are like mums to me", "Michelle"),
    ("Now I live with foster carers Tesfay and Hiwet in Leeds", "Tesfay"),
    # a name that is also a word where the sentence names a person
    ("a girl in my year called grace got sent nudes", "grace"),
    ("the pcso in our area is called mark and he knows everyone", "mark"),
    ("my brothers called dean and hes 18", "dean"),
    ("the lollipop lady outside the infants is called pat and shes lovely", "pat"),
    ("ring me if u need more info, ask for jordan", "jordan"),
    ("our kid is josh, dont tell him i said", "josh"),
    ("the pcsos know everyone, like pcso dean", "dean"),
    ("the security guard frank is a legend", "frank"),
    # a school after a pupil's or a teacher's cue
    ("ma school is knightswood", "knightswood"),
    ("i want to thank mrs chen and mr novak at laisterdyke, they helped me", "laisterdyke"),
    ("lads at carlton bolling think its funny to share pics", "carlton bolling"),
])
def test_personal_data_is_gone(text, gone):
    assert gone not in redact_text(text)


@pytest.mark.parametrize("text", [
    # family words before ordinary words
    "my dad burns toast every morning",
    "my mum will ring the school tomorrow",
    "me dad will pick me up after",
    "my big sister is mint",
    "my best mate is sound",
    "ma wee brother is precious tae me",
    # plurals that are no family
    "the Greens are lovely in spring",
    "we met in the Morrisons car park",
    "i prefer the Kings Cross office",
    "he works at the Walkers crisps factory",
    # staff described, not named
    "All staff are Kind and caring",
    # "called" and "ask for" before ordinary words
    "our children's worker does a group on thursdays called hope club",
    "the group is called Mums and Tots",
    "ask for help at the desk",
    "our kid is sound",
    "the game is called minecraft",
    "a man called the police",
    # Scots and northern words are no names
    "eh ken its no the place but ma best pal is getting hit",
    "she's ma pal fae dancing",
    "i'd tell ma maw, ma da, ma gran",
    "the polis came n everyone ran",
    "its summer again and theres still nowt to do",
    # places before a pupil's cue, or districts after "lads from"
    "the lads from tranmere were outside the leisure centre",
    "lads from washington come to fight the lads from our end",
    "my school is good",
])
def test_look_alikes_are_kept(text):
    assert redact_text(text) == text
