from pathlib import Path

import pytest

PAGES = Path(__file__).parent / "pages"

WORK_LIST_URL = (
    "https://app.example.test/app/work/list?work_visit_completion=none"
    "||No%20visits%20completed||Work%20Visits%20Completed"
    "&order_direction=asc&per_page=5&page=1"
)


@pytest.fixture
def saved_page():
    """Reads a page saved under ``pages/`` by its file name."""

    def read(name: str) -> str:
        return (PAGES / name).read_text(encoding="utf-8")

    return read
