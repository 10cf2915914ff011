"""Answering survey pages in the browser, as a person would: by mouse and by keyboard alone."""

TEXT_ANSWER = "An example answer written in the browser"
# The GOV.UK focus colour (#ffdd00): a focused control shows it as an outline, box shadow or background.
FOCUS_COLOUR = "rgb(255, 221, 0)"

FOCUSED = """
() => {
  const el = document.activeElement;
  const styles = [getComputedStyle(el)];
  if (el.labels && el.labels[0]) styles.push(getComputedStyle(el.labels[0], '::before'));
  const shows = s => [s.outlineColor, s.boxShadow, s.backgroundColor].some(v => (v || '').includes(FOCUS))
    && (s.outlineStyle !== 'none' || s.boxShadow !== 'none' || s.backgroundColor.includes(FOCUS));
  return {
    tag: el.tagName, type: el.type || '', name: el.name || '', id: el.id, inputMode: el.inputMode || '',
    text: (el.textContent || '').trim(), inMain: !!el.closest('main'),
    visibleFocus: el === document.body || styles.some(shows),
  };
}
""".replace("FOCUS", repr(FOCUS_COLOUR))


def _value_for(name, input_mode):
    if name.endswith("-day"):
        return "3"
    if name.endswith("-month"):
        return "4"
    if name.endswith("-year"):
        return "2025"
    if input_mode in ("numeric", "decimal"):
        return "2"
    return TEXT_ANSWER


def fill_page(page, text=TEXT_ANSWER):
    """Answer every question on the page with the mouse: first choice of each group, text typed."""
    done = set()
    for field in page.locator("main input:not([type=hidden]):not([tabindex=\"-1\"]), main textarea").all():
        name, kind = field.get_attribute("name"), field.get_attribute("type")
        if name in done or not field.is_visible() and kind not in ("radio", "checkbox"):
            continue
        done.add(name)
        if kind in ("radio", "checkbox"):
            field.check()
        else:
            value = _value_for(name, field.get_attribute("inputmode") or "")
            field.fill(text if value == TEXT_ANSWER else value)


def focused(page):
    return page.evaluate(FOCUSED)


def keyboard_answer_page(page, limit=400):
    """Answer the page with Tab, Space and typing, then press Enter on Continue.

    Every element that takes focus must show it. Returns the names answered.
    """
    answered = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        assert now["visibleFocus"], f"{page.url}: no visible focus on {now}"
        if not now["inMain"]:
            continue
        if now["tag"] == "BUTTON" and now["text"] == "Continue":
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return answered
        if now["tag"] not in ("INPUT", "TEXTAREA") or now["name"] in answered:
            continue
        answered.append(now["name"])
        if now["type"] in ("radio", "checkbox"):
            page.keyboard.press("Space")
        else:
            page.keyboard.type(_value_for(now["name"], now["inputMode"]))
    raise AssertionError(f"{page.url}: could not reach Continue with Tab")


def press_button(page, label, limit=200):
    """Tab to the button called ``label`` and press Enter on it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        assert now["visibleFocus"], f"{page.url}: no visible focus on {now}"
        if now["tag"] == "BUTTON" and now["text"] == label:
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return
    raise AssertionError(f"{page.url}: could not reach {label!r} with Tab")
