"""Reads a loaded page of the work list (open work orders).

The parser takes the page as the browser holds it once its script has filled
in the rows, and finds everything by the class names and attributes of the
site contract, so wrappers, whitespace and attribute order do not matter.
"""

import re
from urllib.parse import urljoin, urlsplit

from scraping.parsing.common import PageNotAsExpected, require
from scraping.parsing.fields import (
    read_address,
    read_creator,
    read_service,
    read_visit_when,
)
from scraping.parsing.tree import BLOCK_ELEMENTS, Element, parse_html, squash
from scraping.records import ScrapedWorkOrder, Service, Visit, WorkListPage

_SUMMARY = re.compile(
    r"Showing\s+(?P<first>[\d,]+)\s+to\s+(?P<last>[\d,]+)"
    r"\s+of\s+(?P<total>[\d,]+)\s+results?",
    re.IGNORECASE,
)
_ORDER_NUMBER = re.compile(r"\bW-(\d+)\b")
_SITE_PATH = re.compile(r"/customers/locations/(\d+)(?:/|$)")
_NO_VISIT = "no visit scheduled"


def parse_work_list(html: str, page_url: str) -> WorkListPage:
    """The work orders on one loaded page of the work list, in page order.

    ``page_url`` is the page's absolute address; links are resolved against
    it. Raises PageNotAsExpected when the page shows neither the pagination
    summary nor the empty state, when the summary cannot be read or counts a
    different number of rows than the page holds, and when a row lacks its
    order number, link, status or customer. A page it cannot read never comes
    back as a page without orders.
    """
    document = parse_html(html)
    rows = document.find_all_class("work-list-item")
    summary = document.find_class("pagination-summary")
    empty_state = document.find_class("empty-state")

    if summary is not None:
        first, last, total = _read_summary(summary)
        if len(rows) != last - first + 1:
            raise PageNotAsExpected(
                f"summary shows orders {first} to {last} but the page holds "
                f"{len(rows)} rows (div.work-list-item)"
            )
    elif empty_state is not None:
        if rows:
            raise PageNotAsExpected(
                f"page shows the empty state and {len(rows)} rows at once"
            )
        first = last = total = 0
    else:
        raise PageNotAsExpected(
            "work list shows neither the pagination summary "
            "(div.pagination-summary) nor the empty state (div.empty-state); "
            "the rows may not have loaded"
        )

    return WorkListPage(
        orders=tuple(_read_order(row, page_url) for row in rows),
        total=total,
        first=first,
        last=last,
        next_url=_next_page_url(document, page_url),
    )


def summary_range(text: str) -> tuple[int, int, int] | None:
    """(first, last, total) of a summary such as "Showing 1 to 100 of 137
    results", or None when ``text`` does not read as one."""
    match = _SUMMARY.search(text)
    if not match:
        return None
    return tuple(
        int(match[name].replace(",", "")) for name in ("first", "last", "total")
    )


def _read_summary(summary: Element) -> tuple[int, int, int]:
    text = summary.text()
    shown = summary_range(text)
    if shown is None:
        raise PageNotAsExpected(f"pagination summary {text!r} cannot be read")

    first, last, total = shown
    if not 1 <= first <= last <= total:
        raise PageNotAsExpected(f"pagination summary {text!r} does not add up")
    return first, last, total


def _next_page_url(document: Element, page_url: str) -> str | None:
    for pagination in document.find_all_class("pagination"):
        link = pagination.find(
            lambda e: e.tag == "a" and "next" in e.attrs.get("rel", "").split()
        )
        if link is not None and link.attrs.get("href", "").strip():
            return urljoin(page_url, link.attrs["href"].strip())
    return None


def _read_order(row: Element, page_url: str) -> ScrapedWorkOrder:
    external_id, url = _read_identity(row, page_url)
    what = f"work order W-{external_id}:"
    customer, site_id, site_url = _read_customer(row, page_url, what)
    store_number = row.find_class("store-number")
    address_block = row.find_class("address-info")
    address = read_address(address_block.lines() if address_block else [])
    creator = row.find_class("work-creator")
    created_by, created_on = read_creator(creator.text()) if creator else (None, None)
    instructions = row.find_class("instructions")

    return ScrapedWorkOrder(
        external_id=external_id,
        url=url,
        status=require(row.find_class("status"), f"{what} status badge").text(),
        customer=customer,
        site_id=site_id,
        site_url=site_url,
        store_number=(store_number.text() or None) if store_number else None,
        street=address.street,
        city=address.city,
        state=address.state,
        zip=address.zip,
        county=address.county,
        services=_read_services(row, what),
        next_visit=_read_visit(row, page_url),
        created_by=created_by,
        created_on=created_on,
        instructions=_read_instructions(instructions) if instructions else None,
    )


def _read_identity(row: Element, page_url: str) -> tuple[str, str]:
    """The order number and the absolute URL of the order."""
    link = row.find_class("work-link")
    number_shown = _ORDER_NUMBER.search(link.text()) if link else None
    number_attribute = row.attrs.get("data-work-id", "").strip()
    if number_shown and number_attribute and number_shown[1] != number_attribute:
        raise PageNotAsExpected(
            f"work order row shows W-{number_shown[1]} "
            f"but data-work-id={number_attribute!r}"
        )

    external_id = number_shown[1] if number_shown else number_attribute
    if not (external_id.isascii() and external_id.isdigit()):
        raise PageNotAsExpected(
            "work order row has no order number (W-... in a.work-link, or data-work-id)"
        )

    href = link.attrs.get("href", "").strip() if link else ""
    if not href:
        raise PageNotAsExpected(
            f"work order W-{external_id}: link to the order (a.work-link) not found"
        )
    return external_id, urljoin(page_url, href)


def _read_customer(
    row: Element, page_url: str, what: str
) -> tuple[str, str | None, str | None]:
    """Customer name, site id and absolute site URL.

    The site is known only when the customer links to a location page.
    """
    block = require(row.find_class("customer"), f"{what} customer (div.customer)")
    link = block.find(lambda e: e.tag == "a" and e.attrs.get("href", "").strip())
    if link is not None:
        name = link.text()
    else:
        name = squash(" ".join(block.lines(skip=lambda e: e.has_class("store-number"))))
    if not name:
        raise PageNotAsExpected(f"{what} customer name not found")
    if link is None:
        return name, None, None

    href = urljoin(page_url, link.attrs["href"].strip())
    site = _SITE_PATH.search(urlsplit(href).path)
    if site is None:
        return name, None, None
    return name, site[1], href


def _read_services(row: Element, what: str) -> tuple[Service, ...]:
    """One service per code (``span.muted``) in the services block.

    Lines may be separate elements or one element broken by ``<br>``; the
    text after a code, up to the next code or line break, is its quantity and
    name.
    """
    block = row.find_class("services")
    if block is None:
        return ()

    services = []
    for marker in block.find_all_class("muted"):
        code = marker.text()
        if code:
            services.append(read_service(code, _text_after(marker)))
    if not services and block.text():
        raise PageNotAsExpected(
            f"{what} services shown without a service code (span.muted)"
        )
    return tuple(services)


def _text_after(marker: Element) -> str:
    """Text that follows an element on its line, inside the same parent."""
    siblings = marker.parent.children
    parts = []
    for node in siblings[siblings.index(marker) + 1 :]:
        if isinstance(node, str):
            parts.append(node)
        elif node.tag in BLOCK_ELEMENTS or node.has_class("muted"):
            break
        elif node.find_class("muted") is not None:
            break
        else:
            parts.append(node.raw_text())
    return squash("".join(parts))


def _read_visit(row: Element, page_url: str) -> Visit | None:
    """The next visit, or None when none is scheduled."""
    block = row.find_class("visit")
    if block is None:
        return None

    link = block.find(lambda e: e.tag == "a")
    text = (link or block).text()
    if not text or text.casefold() == _NO_VISIT:
        return None

    date, time, note = read_visit_when(text)
    href = link.attrs.get("href", "").strip() if link else ""
    url = urljoin(page_url, href) if href else None
    segments = [part for part in urlsplit(url).path.split("/") if part] if url else []
    return Visit(
        date=date,
        time=time,
        note=note,
        visit_id=segments[-1] if segments else None,
        url=url,
    )


def _read_instructions(block: Element) -> str | None:
    # The block is shown with its line breaks (pre-wrap), so they are part of
    # the text; only the ends are trimmed.
    text = block.raw_text().replace("\r\n", "\n").strip()
    return text or None
