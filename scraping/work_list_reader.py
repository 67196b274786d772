"""Reads the open work list, every page of it, and checks it is complete."""

from urllib.parse import quote, urlencode

from scraping.errors import IncompleteList
from scraping.parsing import parse_work_list, summary_range
from scraping.records import ScrapedWorkOrder, WorkListPage

# The largest page size the list offers: the fewest page loads.
PAGE_SIZE = 100
# The filter that leaves out orders with a completed visit; without it the
# list holds done work too, and completed orders would never drop out.
OPEN_WORK_FILTER = "none||No visits completed||Work Visits Completed"

LIST_SELECTORS = {
    "rows": "div.work-list-item",
    "summary": "div.pagination-summary",
    "empty": "div.empty-state",
}


def work_list_url(base_url: str, page: int = 1) -> str:
    query = urlencode(
        {
            "work_visit_completion": OPEN_WORK_FILTER,
            "order_direction": "asc",
            "per_page": PAGE_SIZE,
            "page": page,
        },
        quote_via=quote,
        safe="|",
    )
    return f"{base_url}/app/work/list?{query}"


def read_work_list(browser, on_page=None) -> list[ScrapedWorkOrder]:
    """Every open work order, in list order, each once.

    Follows the next-page link from the first page until there is none, and
    calls ``on_page(page_number, page, orders_so_far)`` after each page.
    Raises IncompleteList when the orders read do not add up to the total
    the list shows, PageNotAsExpected for a page it cannot read, and the
    failures of ``SiteBrowser.visit``.
    """
    url = work_list_url(browser.session.base_url)
    pages: list[WorkListPage] = []
    seen_urls = set()
    read_so_far = set()
    while url:
        if url in seen_urls or len(pages) > _page_limit(pages):
            raise IncompleteList(detail=f"the next-page links loop at {url}")
        seen_urls.add(url)

        what = f"work list page {len(pages) + 1}"
        page = browser.visit(url, what, _page_reader(browser, url, what))
        pages.append(page)
        read_so_far.update(order.external_id for order in page.orders)
        if on_page:
            on_page(len(pages), page, len(read_so_far))
        url = page.next_url

    return complete_list(pages)


def complete_list(pages: list[WorkListPage]) -> list[ScrapedWorkOrder]:
    """The orders of all ``pages``, each once, if they make up the list.

    Raises IncompleteList when the pages show different totals (the list
    changed while it was read) or when the distinct orders read are not as
    many as the total says.
    """
    totals = sorted({page.total for page in pages})
    if len(totals) != 1:
        raise IncompleteList(
            detail=f"the list's total changed while it was read: {totals}"
        )

    orders = {}
    for page in pages:
        for order in page.orders:
            orders.setdefault(order.external_id, order)
    if len(orders) != totals[0]:
        raise IncompleteList(
            detail=f"read {len(orders)} distinct orders but the list shows {totals[0]}"
        )
    return list(orders.values())


def _page_reader(browser, url, what):
    def read() -> WorkListPage:
        browser.wait_for(rows_are_in, what, selectors=LIST_SELECTORS)
        return browser.parse(parse_work_list, url, what=what)

    return read


def rows_are_in(state) -> bool:
    """Whether the page's script has filled the list in.

    With a summary, its rows must be there too: a script may write the
    summary before the rows. Rows that never come are left to the parser to
    report once the page has settled (``SiteBrowser.wait_for``).
    """
    counts = state["counts"]
    if state["loading"]:
        return False
    if counts["empty"] > 0:
        return True
    if counts["summary"] == 0:
        return False

    shown = summary_range(state["texts"]["summary"] or "")
    return shown is None or counts["rows"] == shown[1] - shown[0] + 1


def _page_limit(pages) -> int:
    # More pages than the total can fill means the next links do not end.
    total = pages[0].total if pages else 0
    return total // PAGE_SIZE + 2
