"""Homes, small businesses, house numbers, quoted aliases, collar and prison numbers
(``analysis/redaction/venues.py``), and family words before a name (``names.ROLES``): blind redaction writers
18-23's misses, stop 46. Each with look-alikes that stay."""

import pytest

from analysis.redaction import redact_text


@pytest.mark.parametrize("text, gone", [
    ("i help with lambing at Polglaze Farm near Summercourt every spring", "Polglaze"),
    ("my dad lives at Chapel Cottage, Zennor, and my mum in Plymouth", "Chapel Cottage"),
    ("my uncle drives taxis for Ace Cars in Boston", "Ace"),
    ("he owns the Kashmir Kitchen takeaway in Spalding", "Kashmir"),
    ("Witness at no. 41 heard 3 bangs around 2315", "no. 41"),
    ("Babysitter is a neighbour, lives at 2a. Age 78.", "2a"),
    ("our street is quiet but theres a crack house at 112, the police know", "112"),
    ("an upstairs neighbour, known only as 'Dougie'.", "Dougie"),
    ("contacts include 'Unc', 'Big Man T' and 'Shaq'", "Shaq"),
    ("PC Morgan-Hughes (5502) was brilliant with her daughter", "5502"),
    ("Collar 6104 and 6211 attended. Male detained under s136", "6211"),
    ("Pls chase the prison, prison no. A4471CK, he's at HMP Wandsworth", "A4471CK"),
    ("Handset IMEI 35 889210 441277 3. Sent for download.", "441277"),
    ("Our daughter Hope was adopted at 18 months", "Hope"),
    ("we took our granddaughter Summer in when she was 3 weeks old", "Summer"),
    ("baby oli (Oliver) sleeping on the sofa with dad again", "Oliver"),
    ("Mum Chelsea said dad Kieran kicks off if baby cries", "Kieran"),
    ("Grace (Y5) says her mum lets her stay up till 2", "Grace"),
    ("Demarco 11AB said another boy owes people money", "Demarco"),
    ("Mum's name: Candice 'Candy' Hall, phone her at work", "Candy"),
    ("Tyrese (we call him Ty) actually talks to her", "Ty)"),
    ("messages on Xbox by someone called xXShadowKingXx, asking for pics", "ShadowKing"),
    ("Their usernames are kaylz_hxx and b.m.jones2009.", "b.m.jones2009"),
    ("his @ is real.deano44 and he says hes 16", "deano"),
    ("nans number is on file, lives at 9 Gipton Approach", "Gipton"),
    ("registered keeper Mr Kostov of 4 Quarry Bank.", "Quarry"),
    ("I live at 7 Greenfields, Kirton, and my uncle hits me", "Greenfields"),
    ("Grace has been in kinship care with her gran since 2019", "Grace"),
    ("Will has been making his own tea.", "Will"),
    ("moved from Greenacres to Hilltop to Sunnyside in 1 year", "Greenacres"),
    ("DOB on file. Lives at Willowbrook. CSE screening tool completed", "Willowbrook"),
    ("the kid who hacked my fortnite goes to Hillcrest", "Hillcrest"),
    ("My son was added to a WhatsApp group called 'Year 7 Roast Zone' where they posted pics", "Roast Zone"),
    ("a server called BlockHaven with adults in it", "BlockHaven"),
    ("this random joined called vexx and started showing us videos", "vexx"),
    ("My nickname is Tink, real name Tinuke.", "Tinuke"),
    ("Drives a blue Ford Focus, Bravo Foxtrot one six, X-ray Papa Lima.", "Foxtrot"),
    ("my sons nursery is Rainbow Tots in Dewsbury and they were brilliant", "Rainbow Tots"),
    ("P Lee Dawson aka Dawsy. Three children under 8.", "Dawsy"),
    ("V Li Na Chen (pref. name Lina), P Wei Zhang.", "Lina"),
    # a form group narrows a pupil to a class of thirty: writers 24 and 31 removed them (writer 12 kept "10C")
    ("Kai-Leigh Hudson (8RT) now on 61% attendance", "8RT"),
    ("kicked in the stomach by a boy in 8F. Not the first time", "8F"),
    ("theres older boys on kingsmead estate, one called tj", "kingsmead"),
    ("the man on the corner of osborne road and brackley close sells weed", "brackley"),
    ("FAITH NOT IN AGAIN. 3RD DAY. NO CONTACT FROM HOME.", "FAITH"),
])
def test_found(text, gone):
    assert gone not in redact_text(text)


@pytest.mark.parametrize("text", [
    "we went to a farm near the sea on the school trip",
    "City Farm trip was fun",
    "we got a chinese takeaway on friday",
    "i go to Tesco Express after school",
    "the meeting starts at 10 am",
    "the word 'Paki' was used and nobody did anything",
    "she said 'No' and left",
    "the police said 'Keep Safe' on the poster",
    "My son dosen't mInd seeIng hIm",
    "my wife doesn’t like cheese or mayonnaise",
    "“Ward” staff were fantastic.",
    "Mum Says it's fine",
    "e.g. the training on version 2.0 of the form",
    "it costs £3.50 and starts at 9.30am",
    "he lives 5 Minutes away from school",
    "Hope has been a big part of my recovery",
    "The school has been great with him",
    "i dont like going to Meadowhall on my own anymore",
    "we moved to Wakefield last year",
    "went to Hillside with my nan",
    "a group called Childline helped me",
    "Happy Days was on the telly",
    "my little sister loves Little Mix",
    "i ran a 10K run and it was 9AM",
    "year 9 pupils get the bus at 10 minutes past",
    "we live on a council estate near the industrial estate",
    "i was in crown court last week",
    "Staff are friendly and eager to help in any way they can",
    "it was done in a kind and caring way",
])
def test_kept(text):
    assert redact_text(text) == text
