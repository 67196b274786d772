"""Builds work-list pages row by row, for cases no saved page covers."""

ROW_PARTS = {
    "heading": (
        '<div class="work-heading"><a class="work-link" href="/app/work/{id}">'
        'W-{id}</a> <span class="badge status">Open</span></div>'
    ),
    "customer": (
        '<div class="customer"><a href="/app/customers/locations/4821/">Wawa</a></div>'
    ),
    "address": (
        '<div class="address-info"><div>1 Main St</div><div>Media, PA 19063</div></div>'
    ),
    "services": (
        '<div class="services"><div><span class="muted">2861</span>'
        " 6 x All Dispensers</div></div>"
    ),
    "visit": (
        '<div class="visit"><a title="Next Visit" '
        'href="/app/work/{id}/visits/77">12/08/2026</a></div>'
    ),
    "creator": '<div class="work-creator">Dana Reyes &bull; 11/20/2026</div>',
    "instructions": '<div class="pre-wrap instructions">Call ahead.</div>',
}


def work_row(order_id: str = "129651", attributes: str | None = None, **parts):
    """One row; a part given as a string replaces the default, None drops it."""
    attributes = attributes or f'class="work-list-item" data-work-id="{order_id}"'
    body = "".join(
        (parts.get(name, default) or "").replace("{id}", order_id)
        for name, default in ROW_PARTS.items()
    )
    return f"<div {attributes}>{body}</div>"


def work_list(rows: list[str], summary: str | None = "auto") -> str:
    """A loaded work-list page holding the rows, with a summary line."""
    if summary == "auto":
        summary = f"Showing 1 to {len(rows)} of {len(rows)} results"
    summary_html = f'<div class="pagination-summary">{summary}</div>' if summary else ""
    return (
        "<html><head><title>Work | WorkFossa</title></head><body>"
        f'<div class="work-list">{"".join(rows)}</div>{summary_html}'
        "</body></html>"
    )
