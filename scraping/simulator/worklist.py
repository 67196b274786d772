"""The work list: its query string, its order, its pages and its rows.

The page itself (``shell_page``) holds no rows; its script fetches
``results_fragment`` from ``DATA_PATH`` with the same query string.
"""

import datetime
from dataclasses import dataclass
from html import escape
from urllib.parse import parse_qsl, quote, urlencode

from .pages import document
from .scripts import WORK_LIST

PATH = "/app/work/list"
DATA_PATH = "/app/work/list/data"
PAGE_SIZES = (25, 50, 100)


@dataclass(frozen=True)
class ListQuery:
    open_only: bool
    descending: bool
    per_page: int
    page: int
    params: tuple[tuple[str, str], ...]  # as sent, for building page links

    def link(self, page):
        params = [(k, v) for k, v in self.params if k != "page"] + [("page", page)]
        return f"{PATH}?{urlencode(params, quote_via=quote, safe='|')}"


def parse_query(query_string):
    """Read the work list's query string; anything unreadable means the
    default (all orders, ascending, 25 a page, page 1)."""
    params = tuple(parse_qsl(query_string, keep_blank_values=True))
    values = dict(params)
    completion = values.get("work_visit_completion", "")
    try:
        per_page = int(values.get("per_page", ""))
    except ValueError:
        per_page = 0
    try:
        page = max(1, int(values.get("page", "1")))
    except ValueError:
        page = 1
    return ListQuery(
        open_only=completion.split("||")[0] == "none",
        descending=values.get("order_direction") == "desc",
        per_page=per_page if per_page in PAGE_SIZES else PAGE_SIZES[0],
        page=page,
        params=params,
    )


def sort_key(order):
    """Next visit first, then time of day (a visit without one counts as
    the start of the day), then order number; orders with no visit last."""
    if order.visit is None:
        return (1, datetime.date.max, "", int(order.id))
    return (0, order.visit.date, order.visit.time or "", int(order.id))


def listed_orders(orders, query):
    """The orders the list shows under ``query``, in the order it shows them."""
    chosen = [o for o in orders if not (query.open_only and o.completed)]
    chosen.sort(key=sort_key)
    if query.descending:
        with_visit = [o for o in chosen if o.visit]
        chosen = with_visit[::-1] + [o for o in chosen if not o.visit]
    return chosen


def shell_page(user, token, query):
    sizes = "".join(f'<li data-value="{size}">Show {size}</li>' for size in PAGE_SIZES)
    chip = "No visits completed" if query.open_only else "All work"
    body = f"""
<h1>Work</h1>
<div class="work-list-toolbar">
  <div class="filters">Filter: <span class="chip">{chip}</span></div>
  <div class="ks-select">
    <div class="ks-select-selection">Show {query.per_page}</div>
    <ul class="ks-select-dropdown" hidden>{sizes}</ul>
  </div>
</div>
<div class="loader-line"></div>
<div id="work-list-results" data-src="{DATA_PATH}"></div>"""
    return document("Work - WorkFossa", body, user=user, token=token, script=WORK_LIST)


def results_fragment(orders, query, *, changed_markup=False):
    """The summary, rows and pagination of one page of ``orders`` (already
    filtered and sorted), or the empty state past the last page."""
    total = len(orders)
    start = (query.page - 1) * query.per_page
    shown = orders[start : start + query.per_page]
    if not shown:
        links = _pagination(query, has_next=False)
        return (
            '<div class="empty-state">No work orders match these filters.</div>' + links
        )

    render = _changed_row if changed_markup else row
    summary = (
        f'<div class="pagination-summary">Showing {start + 1} to '
        f"{start + len(shown)} of {total} results</div>"
    )
    rows = "\n".join(render(order) for order in shown)
    has_next = start + len(shown) < total
    return f'{summary}\n<div class="work-list">\n{rows}\n</div>\n' + _pagination(
        query, has_next, last_page=-(-total // query.per_page)
    )


def _pagination(query, has_next, last_page=None):
    items = []
    if query.page > 1:
        items.append(
            f'<li><a rel="prev" href="{escape(query.link(query.page - 1))}">'
            "&lsaquo; Previous</a></li>"
        )
    if last_page:
        low, high = max(1, query.page - 2), min(last_page, query.page + 2)
        for number in range(low, high + 1):
            if number == query.page:
                items.append(f'<li class="active"><span>{number}</span></li>')
            else:
                href = escape(query.link(number))
                items.append(f'<li><a href="{href}">{number}</a></li>')
    if has_next:
        items.append(
            f'<li><a rel="next" href="{escape(query.link(query.page + 1))}">'
            "Next &rsaquo;</a></li>"
        )
    return f'<nav><ul class="pagination">{"".join(items)}</ul></nav>'


def visit_text(visit):
    """How the list writes a visit: "12/08/2026", "12/08/2026 (anytime)" or
    "12/08/2026 8:00 AM"."""
    text = f"{visit.date:%m/%d/%Y}"
    if visit.time:
        hour, minute = (int(part) for part in visit.time.split(":"))
        text += f" {(hour - 1) % 12 + 1}:{minute:02d} {'AM' if hour < 12 else 'PM'}"
    elif visit.note:
        text += f" ({visit.note})"
    return text


def address_lines(site):
    lines = [site.street, f"{site.city}, {site.state} {site.zip}", site.county]
    return [line for line in lines if line]


def row(order):
    site = order.site
    store = (
        f' <span class="store-number">{escape(site.store_number)}</span>'
        if site.store_number
        else ""
    )
    address = "".join(f"<div>{escape(line)}</div>" for line in address_lines(site))
    services = "".join(
        f'<div class="text-xs mb-2"><span class="muted">{escape(code)}</span> '
        f"{quantity} x {escape(name)}</div>"
        for code, quantity, name in order.services
    )
    if order.visit:
        visit = (
            f'<a title="Next Visit" href="/app/work/{order.id}/visits/'
            f'{order.visit.id}">{visit_text(order.visit)}</a>'
        )
    else:
        visit = '<span class="muted">No visit scheduled</span>'
    instructions = (
        f'<div class="pre-wrap instructions">{escape(order.instructions)}</div>'
        if order.instructions is not None
        else ""
    )
    return f"""<div class="work-list-item" data-work-id="{order.id}">
  <div class="work-heading">
    <a class="work-link" href="/app/work/{order.id}">W-{order.id}</a>
    <span class="badge status">{escape(order.status)}</span>
  </div>
  <div class="customer">
    <a href="/app/customers/locations/{site.id}/">{escape(site.customer)}</a>{store}
  </div>
  <div class="address-info">{address}</div>
  <div class="services">{services}</div>
  <div class="visit">{visit}</div>
  <div class="work-creator">{escape(order.created_by)} &bull; \
{order.created_on:%m/%d/%Y}</div>
  {instructions}
</div>"""


def _changed_row(order):
    # A redesign of the row: the same facts, none of the contract's classes.
    site = order.site
    return (
        f'<article class="wo-card" data-order="{order.id}">'
        f'<h3><a href="/app/work/{order.id}">W-{order.id}</a></h3>'
        f"<p>{escape(site.customer)} &middot; "
        f"{escape(', '.join(address_lines(site)))}</p>"
        f"<p><em>{escape(order.status)}</em></p></article>"
    )
