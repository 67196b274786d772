"""The short texts of a row: address lines, visit dates, creator."""

import datetime

import pytest

from scraping.parsing.common import PageNotAsExpected
from scraping.parsing.fields import (
    Address,
    read_address,
    read_creator,
    read_visit_when,
)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["1801 N Dale Mabry Hwy", "Tampa, FL 33607", "Hillsborough County"],
            Address(
                "1801 N Dale Mabry Hwy", "Tampa", "FL", "33607", "Hillsborough County"
            ),
        ),
        (
            ["Tampa, FL 33607", "Hillsborough County"],
            Address(None, "Tampa", "FL", "33607", "Hillsborough County"),
        ),
        (
            ["1 Main St", "Winston-Salem, NC 27101-4000"],
            Address("1 Main St", "Winston-Salem", "NC", "27101-4000", None),
        ),
        (
            ["Houma, LA 70360", "Terrebonne Parish"],
            Address(None, "Houma", "LA", "70360", "Terrebonne Parish"),
        ),
        (["Dayton, OH 45402"], Address(None, "Dayton", "OH", "45402", None)),
        # A street named after a county stays the street: position decides.
        (
            ["12 Orange County Rd", "Goshen, NY 10924", "Orange County"],
            Address("12 Orange County Rd", "Goshen", "NY", "10924", "Orange County"),
        ),
        # Without a city line nothing is made up for city, state and ZIP.
        (
            ["Mile 4, Route 9", "Hidalgo County"],
            Address("Mile 4, Route 9", None, None, None, "Hidalgo County"),
        ),
        ([], Address()),
    ],
)
def test_address_lines_are_sorted_into_their_parts(lines, expected):
    assert read_address(lines) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12/08/2026", (datetime.date(2026, 12, 8), None, None)),
        ("12/08/2026 (anytime)", (datetime.date(2026, 12, 8), None, "anytime")),
        ("12/08/2026 8:00 AM", (datetime.date(2026, 12, 8), datetime.time(8), None)),
        (
            "12/08/2026 12:15 AM",
            (datetime.date(2026, 12, 8), datetime.time(0, 15), None),
        ),
        (
            "12/08/2026 12:15 PM",
            (datetime.date(2026, 12, 8), datetime.time(12, 15), None),
        ),
        (
            "12/08/2026 11:45 pm",
            (datetime.date(2026, 12, 8), datetime.time(23, 45), None),
        ),
        (
            "12/08/2026 8:00 AM (first stop)",
            (datetime.date(2026, 12, 8), datetime.time(8), "first stop"),
        ),
        # Text the site has not shown before is kept rather than dropped.
        ("12/08/2026 morning", (datetime.date(2026, 12, 8), None, "morning")),
    ],
)
def test_visit_text_gives_date_time_and_note(text, expected):
    assert read_visit_when(text) == expected


@pytest.mark.parametrize("text", ["02/30/2026", "2026-12-08", "Tomorrow"])
def test_visit_text_without_a_real_date_raises(text):
    with pytest.raises(PageNotAsExpected):
        read_visit_when(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dana Reyes • 11/20/2026", ("Dana Reyes", datetime.date(2026, 11, 20))),
        ("Dana Reyes •", ("Dana Reyes", None)),
        ("Dana Reyes", ("Dana Reyes", None)),
        ("11/20/2026", (None, datetime.date(2026, 11, 20))),
        ("", (None, None)),
    ],
)
def test_creator_text_gives_name_and_date(text, expected):
    assert read_creator(text) == expected
