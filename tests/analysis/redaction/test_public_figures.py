"""Public figures and things named after people are kept as themselves (``data/public_figures.txt``);
a private person with the same name, or a famous-looking name after a cue of one's own, is still redacted."""

import pytest

from analysis.redaction import redact_text


@pytest.mark.parametrize("text", [
    "i think people like Andrew Tate make the boys in my year worse to girls",
    "Andrew tate videos",
    "there is nothing to do round here except go to McDonald's and Tesco",
    "Marcus Rashford is my hero because he made sure kids got free school meals",
    "King Charles should visit our estate and see what it is really like",
    "Jack Daniels and coke is what they give the younger girls at the parties",
    "The section on Gillick competence and Fraser guidelines was excellent",
    "the teacher said Taylor Swift songs werent proper music",
])
def test_public_figures_are_kept(text):
    assert redact_text(text) == text


@pytest.mark.parametrize("text, gone", [
    ("my cousin Harry Kane hit me at the weekend", "Harry Kane"),
    ("mohammed ali's cousin not the boxer", "mohammed ali"),
    ("my friend Adele said she would come", "Adele"),
    ("Mr Drake shouts at us in maths", "Drake"),
])
def test_a_private_person_with_a_famous_name_is_redacted(text, gone):
    assert gone not in redact_text(text)
