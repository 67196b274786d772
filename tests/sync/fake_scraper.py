"""A stand-in for the browser side, for fast tests of the run sequence.

It plays WorkFossa from records built by hand and fails where it is told.
The real scraper is tested against the simulator in tests/sync/test_end_to_end.
"""

from dataclasses import dataclass, field

from scraping.records import ScrapedWorkOrder, SiteEquipment

CAPTURED_HTML = '<form><input name="password" value="{password}"></form>'


@dataclass
class FakeWorkFossa:
    orders: list[ScrapedWorkOrder] = field(default_factory=list)
    equipment: dict[str, SiteEquipment] = field(default_factory=dict)
    # Stage ("login", "work_list", "equipment") -> exception to raise there.
    failures: dict[str, Exception] = field(default_factory=dict)
    logins: int = 0
    sites_requested: list[str] = field(default_factory=list)

    def scraper(self, email, password, *, on_step=None, **options):
        return FakeScraper(self, password, on_step)


class FakeScraper:
    def __init__(self, site: FakeWorkFossa, password, on_step):
        self.site = site
        self.password = password
        self.on_step = on_step
        self.pages_loaded = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return False

    def login(self):
        self.site.logins += 1
        self.pages_loaded += 2
        self._maybe_fail("login")
        self.on_step("login", "Logged in to WorkFossa", pages_loaded=2)

    def read_work_list(self):
        self.pages_loaded += 1
        self.on_step("work_list", "Read page 1 of 1", pages_loaded=self.pages_loaded)
        self._maybe_fail("work_list")
        return list(self.site.orders)

    def read_equipment(self, sites):
        self.site.sites_requested.extend(sites)
        self.pages_loaded += len(sites)
        self._maybe_fail("equipment")
        return {site_id: self.site.equipment[site_id] for site_id in sites}

    def session_cookies(self):
        return [{"name": "workfossa_session", "value": "fake-session", "path": "/"}]

    def capture(self):
        return b"\x89PNG fake", CAPTURED_HTML.format(password=self.password)

    def _maybe_fail(self, stage):
        if stage in self.site.failures:
            raise self.site.failures[stage]
