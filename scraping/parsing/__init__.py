"""Page parsers of the scraper: pure functions over the HTML of a page.

They know the site contract (class names, attributes, label texts) and
nothing about the browser or the database; each takes the page source as a
string and returns the records of ``scraping.records``, or raises
PageNotAsExpected when the page lacks what the contract promises.
"""

from scraping.parsing.common import PageNotAsExpected
from scraping.parsing.equipment import dispenser_group_count, parse_equipment
from scraping.parsing.session import (
    is_logged_in_page,
    is_login_page,
    login_error_text,
    page_title,
)
from scraping.parsing.worklist import parse_work_list, summary_range

__all__ = [
    "PageNotAsExpected",
    "dispenser_group_count",
    "is_logged_in_page",
    "is_login_page",
    "login_error_text",
    "page_title",
    "parse_equipment",
    "parse_work_list",
    "summary_range",
]
