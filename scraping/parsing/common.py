"""What every page parser shares: the error it raises and the site's dates."""

import datetime
import re

from scraping.parsing.tree import Element

_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


class PageNotAsExpected(Exception):
    """The page lacks markup the site contract promises.

    Raised instead of reading a page the parser does not recognise (the site
    changed, or the page is not the one that was asked for) as empty.
    """


def parse_us_date(text: str) -> datetime.date | None:
    """The date of ``MM/DD/YYYY``, or None when the text is not such a date."""
    match = _US_DATE.fullmatch(text.strip())
    if not match:
        return None

    month, day, year = (int(part) for part in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def require(element: Element | None, what: str) -> Element:
    """The element, or PageNotAsExpected naming what was looked for."""
    if element is None:
        raise PageNotAsExpected(f"{what} not found")
    return element
