"""The youth survey's free-text questions, as the answer-signal registries name them beside their examples.

(A positive or look-alike of a signal is screened beside its question; the wording is the survey's own, so that
``questions.question_kind`` reads it as a respondent's answer would be read.)
"""

TELL = "If something was worrying you, who would you tell, and why?"
UNSAFE = "What makes you feel unsafe, if anything? (in your area, at school, online, at home)"
HELPS = "What would help you feel safer?"
ONLINE = "What happens online that worries you or people your age?"
GOOD = "What is good about where you live?"
SCHOOL = "What do you think about school, and how safe do you feel there?"
ADULTS = "Is there anything adults in your life don't understand about being young today?"
ELSE = "Anything else you want to tell us?"
