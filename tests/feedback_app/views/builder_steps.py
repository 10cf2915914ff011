"""Steps of the survey builder as a member of staff takes them, through the test client."""

from tests.conftest import path_of

BASE = "/staff/builder"

# For every answer type: the settings form as first filled in, then a change to it, with what each gives.
EVERY_TYPE = {
    "statement": ({"text": "About this survey", "hint": "It takes five minutes."},
                  {"text": "About this survey", "hint": "It takes about five minutes."}, "hint"),
    "short_text": ({"text": "What is your job title?", "max_length": "80", "required": "y", "analyse": "y"},
                   {"text": "What is your job title?", "max_length": "120", "required": "y", "analyse": "y"},
                   "max_length"),
    "long_text": ({"text": "What could we do better?", "max_length": "500", "analyse": "y"},
                  {"text": "What could we do better?", "max_length": "1000", "analyse": "y"}, "max_length"),
    "single_choice": ({"text": "How old are you?", "options": "11 to 13\n14 to 16\n17_18 | 17 or 18",
                       "required": "y", "prefer_not_to_say": "y"},
                      {"text": "How old are you?", "options": "11_to_13 | 11 to 13\n14_to_16 | 14 to 16\n"
                       "17_18 | 17 or 18 | Including if you turn 18 this year", "required": "y",
                       "prefer_not_to_say": "y", "prefer_not_to_say_label": "I'd rather not say"}, "options"),
    "multiple_choice": ({"text": "What worries you?", "options": "Bullying\nThings online\nMoney at home",
                         "none_option": "none | None of these", "required": "y"},
                        {"text": "What worries you?", "options": "Bullying\nThings online\nMoney at home\nExams",
                         "none_option": "none | None of these", "required": "y", "dont_know": "y"}, "options"),
    "agreement": ({"text": "Adults listen to me", "required": "y", "dont_know": "y"},
                  {"text": "Adults listen to me", "required": "y", "dont_know": "y",
                   "dont_know_label": "I don't know"}, "dont_know_label"),
    "rating": ({"text": "How safe do you feel at home?", "style": "faces", "required": "y",
                "labels": "1 | Very unsafe\n2 | A bit unsafe\n3 | OK\n4 | Safe\n5 | Very safe"},
               {"text": "How safe do you feel at home?", "style": "faces", "required": "y", "dont_know": "y",
                "labels": "1 | Very unsafe\n2 | A bit unsafe\n3 | Not sure\n4 | Safe\n5 | Very safe"}, "labels"),
    "grid": ({"text": "How much do you agree?", "statements": "police | The police help\nSchool staff help",
              "scale": "agreement", "required": "y", "dont_know": "y"},
             {"text": "How much do you agree?", "statements": "police | The police help\nschool_staff_help | "
              "School staff help\nYouth workers help", "scale": "rating", "min": "1", "max": "5", "required": "y",
              "dont_know": "y"}, "statements"),
    "number": ({"text": "How many sessions did you go to?", "min": "0", "max": "50", "whole": "y",
                "required": "y"},
               {"text": "How many sessions did you go to?", "min": "0", "max": "60", "whole": "y", "suffix": "sessions",
                "required": "y"}, "max"),
    "date": ({"text": "When was your last session?", "earliest": "2020-01-01", "required": "y"},
             {"text": "When was your last session?", "earliest": "2021-01-01", "latest": "2030-12-31",
              "required": "y"}, "earliest"),
    "yes_no": ({"text": "Have you told anyone?", "required": "y", "prefer_not_to_say": "y"},
               {"text": "Have you told an adult?", "required": "y", "prefer_not_to_say": "y"}, "text"),
    "consent": ({"text": "Do you agree to take part?", "agree_label": "I agree", "required": "y"},
                {"text": "Do you agree to take part?", "agree_label": "I agree to take part", "required": "y"},
                "agree_label"),
}


def create_survey(client_request, title="Youth voice 2027", audience="young_people"):
    response = client_request.submit(f"{BASE}/new", {"title": title, "audience": audience})
    slug = path_of(response.location).split("/")[3]
    return slug


def add_page(client_request, slug, title=""):
    response = client_request.submit(f"{BASE}/{slug}/pages/new", {"title": title})
    return path_of(response.location).split("/")[5]


def add_question(client_request, slug, page_id, answer_type, data, question_id=""):
    client_request.submit(f"{BASE}/{slug}/pages/{page_id}/questions/new", {"type": answer_type})
    url = f"{BASE}/{slug}/pages/{page_id}/questions/new/{answer_type}"
    response = client_request.submit(url, {**data, "id": question_id})
    return path_of(response.location), response.location.split("#question-")[-1]


def make_live(client_request, slug):
    return client_request.submit(f"{BASE}/{slug}/check", {})


def translate_missing(client_request, slug, language, wording):
    """Keep every translation on the page and fill the one empty box."""
    form = client_request.get(f"{BASE}/{slug}/languages/{language}")
    boxes = {box["name"]: box.text.strip() for box in form.select("textarea")}
    [empty] = [name for name, value in boxes.items() if not value]
    client_request.submit(f"{BASE}/{slug}/languages/{language}", {**boxes, empty: wording})
