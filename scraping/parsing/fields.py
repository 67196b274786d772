"""Readers for the short texts of a work-list row: address, visit, creator.

Each takes text already trimmed of markup and answers plain values; a text
that does not have the expected shape gives None for what it cannot tell,
except where noted.
"""

import datetime
import re
from dataclasses import dataclass

from scraping.parsing.common import PageNotAsExpected, parse_us_date
from scraping.records import Service

# "Tampa, FL 33607" or "Baton Rouge, LA 70801-1234"; the last comma ends the
# city so that a city with a comma in its name stays whole.
_CITY_LINE = re.compile(
    r"(?P<city>.+),\s*(?P<state>[A-Z]{2})\s+(?P<zip>\d{5}(?:-\d{4})?)"
)
_COUNTY_LINE = re.compile(r".*\b(?:County|Parish)")
_QUANTITY = re.compile(r"(?P<quantity>\d+)\s*[x×]\s*(?P<name>.*)", re.IGNORECASE)
_VISIT = re.compile(r"(?P<date>\d{1,2}/\d{1,2}/\d{4})\s*(?P<rest>.*)")
_NOTE = re.compile(r"\(\s*(?P<note>[^)]*?)\s*\)")
_TIME = re.compile(r"(?P<hour>\d{1,2}):(?P<minute>\d{2})\s*(?P<half>[AaPp])\.?[Mm]\.?")
_CLOCK = re.compile(r"(?P<hour>\d{1,2}):(?P<minute>\d{2})")


@dataclass(frozen=True)
class Address:
    street: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    county: str | None = None


def read_address(lines: list[str]) -> Address:
    """Sort the lines of an address block into its parts.

    The lines come in the order street, ``City, ST 12345``, county, where the
    street and the county can each be missing; the city line is what places
    the others. Without a city line, a last line ending in County or Parish is
    the county and anything before it the street.
    """
    city_at = next(
        (i for i, line in enumerate(lines) if _CITY_LINE.fullmatch(line)), None
    )
    if city_at is None:
        county = lines[-1] if lines and _COUNTY_LINE.fullmatch(lines[-1]) else None
        street_lines = lines[:-1] if county else lines
        return Address(street=", ".join(street_lines) or None, county=county)

    city_line = _CITY_LINE.fullmatch(lines[city_at])
    county = next(
        (line for line in lines[city_at + 1 :] if _COUNTY_LINE.fullmatch(line)),
        None,
    )
    return Address(
        street=", ".join(lines[:city_at]) or None,
        city=city_line["city"].strip(),
        state=city_line["state"],
        zip=city_line["zip"],
        county=county,
    )


def read_service(code: str, rest: str) -> Service:
    """A service from its code and the text after it, ``6 x All Dispensers``.

    Without a quantity in front, the whole text is the name.
    """
    match = _QUANTITY.fullmatch(rest)
    if not match:
        return Service(code=code, quantity=None, name=rest)
    return Service(code=code, quantity=int(match["quantity"]), name=match["name"])


def read_visit_when(
    text: str,
) -> tuple[datetime.date, datetime.time | None, str | None]:
    """Date, time and note of ``12/08/2026 (anytime)`` or ``12/08/2026 8:00 AM``.

    The note is the text in parentheses; text after the date that is neither
    a time nor in parentheses is kept as the note rather than lost. Raises
    PageNotAsExpected when the text does not start with a real date.
    """
    match = _VISIT.fullmatch(text)
    date = parse_us_date(match["date"]) if match else None
    if date is None:
        raise PageNotAsExpected(f"next visit {text!r} does not start with a date")

    rest = match["rest"]
    note_match = _NOTE.search(rest)
    note = (note_match["note"] or None) if note_match else None
    if note_match:
        rest = (rest[: note_match.start()] + rest[note_match.end() :]).strip()
    if not rest:
        return date, None, note

    time = _read_time(rest)
    if time is None:
        return date, None, match["rest"]
    return date, time, note


def _read_time(text: str) -> datetime.time | None:
    if (match := _TIME.fullmatch(text)) and 1 <= int(match["hour"]) <= 12:
        hour = int(match["hour"]) % 12 + (12 if match["half"] in "Pp" else 0)
    elif match := _CLOCK.fullmatch(text):
        hour = int(match["hour"])
    else:
        return None

    minute = int(match["minute"])
    if hour > 23 or minute > 59:
        return None
    return datetime.time(hour, minute)


def read_creator(text: str) -> tuple[str | None, datetime.date | None]:
    """Name and date of ``Dana Reyes • 11/20/2026``; either may be None."""
    name, bullet, when = text.rpartition("•")
    if not bullet:
        date = parse_us_date(text)
        return (None, date) if date else (text.strip() or None, None)
    return name.strip() or None, parse_us_date(when)
