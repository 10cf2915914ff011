"""Show/skip rules: a question or page is shown when its condition holds."""


def _matches(answer, expected):
    if isinstance(answer, list):
        return expected in answer
    return answer == expected


def evaluate(condition, answers):
    """Evaluate a ``show_if`` condition against the answers given so far."""
    if condition is None:
        return True
    results = []
    if "all" in condition:
        results.append(all(evaluate(part, answers) for part in condition["all"]))
    if "any" in condition:
        results.append(any(evaluate(part, answers) for part in condition["any"]))
    if "question" in condition:
        answer = answers.get(condition["question"])
        if "equals" in condition:
            results.append(_matches(answer, condition["equals"]))
        if "in" in condition:
            results.append(any(_matches(answer, item) for item in condition["in"]))
        if "not_in" in condition:
            results.append(not any(_matches(answer, item) for item in condition["not_in"]))
        if "answered" in condition:
            given = answer not in (None, "", [], {})
            results.append(given == condition["answered"])
    return all(results)


def referenced_questions(condition):
    """Every question id a condition refers to."""
    if condition is None:
        return set()
    found = {condition["question"]} if "question" in condition else set()
    for key in ("all", "any"):
        for part in condition.get(key, []):
            found |= referenced_questions(part)
    return found
