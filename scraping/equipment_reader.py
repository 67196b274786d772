"""Reads the dispensers of one customer location from its Equipment tab."""

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By

from scraping.errors import BrowserFailure, PageNotAsExpected
from scraping.parsing import dispenser_group_count, parse_equipment
from scraping.records import SiteEquipment

EQUIPMENT_TAB = 'a[dusk="equipment-tab"]'
GROUP_HEADING = ".equipment-group .group-heading"
# The scraper marks the Dispenser group it expands, to count its rows alone.
_MARK = "data-scraper-dispensers"
# Finds the "Dispenser (N)" heading (the parser's rule, in one round trip),
# marks its group and returns the heading, or null.
MARK_DISPENSER_GROUP_SCRIPT = f"""
for (const heading of document.querySelectorAll("{GROUP_HEADING}")) {{
  if (/^dispensers?\\s*\\(\\s*\\d+\\s*\\)$/i.test(heading.textContent.trim())) {{
    heading.closest(".equipment-group").setAttribute("{_MARK}", "");
    return heading;
  }}
}}
return null;
"""

LOCATION_SELECTORS = {"tab": EQUIPMENT_TAB}
EQUIPMENT_SELECTORS = {
    "groups": "#equipment .equipment-group",
    "empty": "#equipment .empty-state",
}
ROW_SELECTORS = {"rows": f"[{_MARK}] [data-equipment-id]"}


def read_site_equipment(browser, site_id: str, url: str) -> SiteEquipment:
    """The dispensers of site ``site_id``, whose location page is ``url``.

    Opens the Equipment tab, cancels the dialog that may open on the way,
    expands the Dispenser group and waits for as many rows as its heading
    counts. Raises PageNotAsExpected when the tab, its groups or the rows
    are not as the contract describes, and the failures of
    ``SiteBrowser.visit``.
    """
    what = f"site {site_id}"
    return browser.visit(url, what, lambda: _read_location(browser, site_id, what))


def _read_location(browser, site_id, what) -> SiteEquipment:
    state = browser.wait_for(
        lambda s: s["counts"]["tab"] > 0,
        what,
        selectors=LOCATION_SELECTORS,
        dismiss_dialogs=True,
    )
    if not state["counts"]["tab"]:
        raise PageNotAsExpected(detail=f"{what}: no Equipment tab ({EQUIPMENT_TAB})")
    browser.click(_find(browser, EQUIPMENT_TAB), f"{what}: the Equipment tab")

    browser.wait_for(
        _equipment_is_in, what, selectors=EQUIPMENT_SELECTORS, dismiss_dialogs=True
    )
    expected = browser.parse(dispenser_group_count, what=what)
    if expected:
        _expand_dispensers(browser, what, expected)
    return browser.parse(parse_equipment, site_id, what=what)


def _equipment_is_in(state) -> bool:
    counts = state["counts"]
    return not state["loading"] and (counts["groups"] > 0 or counts["empty"] > 0)


def _expand_dispensers(browser, what, expected: int) -> None:
    try:
        heading = browser.driver.execute_script(MARK_DISPENSER_GROUP_SCRIPT)
    except WebDriverException as exc:
        raise BrowserFailure(
            detail=f"{what}: finding the Dispenser group failed: {type(exc).__name__}"
        ) from None
    if heading is None:
        raise PageNotAsExpected(detail=f"{what}: no Dispenser group heading")

    browser.click(heading, f"{what}: the Dispenser group")
    browser.wait_for(
        lambda s: not s["loading"] and s["counts"]["rows"] >= expected,
        what,
        selectors=ROW_SELECTORS,
        dismiss_dialogs=True,
    )


def _find(browser, selector):
    try:
        return browser.driver.find_element(By.CSS_SELECTOR, selector)
    except WebDriverException:
        raise PageNotAsExpected(detail=f"{selector} not found") from None
