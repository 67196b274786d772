"""The generated world: determinism, realism, scale and changes between
runs."""

import datetime

from scraping.simulator import DEMO_CONFIG, Simulator, build

from .site_client import SiteClient


def _truth(seed, email="tech@example.com", orders=50):
    sim = Simulator(seed=seed)
    return sim.add_account(email, "pw", orders=orders).orders()


def test_same_seed_gives_the_same_data():
    assert _truth(3) == _truth(3)


def test_another_seed_or_email_gives_other_data():
    assert _truth(3) != _truth(4)
    assert _truth(3) != _truth(3, email="other@example.com")


def test_an_account_can_hold_a_thousand_open_orders():
    account = Simulator(seed=1).add_account("big@example.com", "pw", orders=1000)

    assert len(account.open_orders()) == 1000


def test_the_data_has_the_awkward_cases_the_contract_names():
    orders = _truth(5, orders=1000)
    dispensers = [d for o in orders for d in o["dispensers"]]
    sites = {}
    for order in orders:
        sites.setdefault(order["site_id"], []).append(order)
    counts = [len(o["dispensers"]) for o in orders]

    assert any(len(shared) > 1 for shared in sites.values())
    assert min(counts) == 0 and 12 <= max(counts) <= 16
    assert any(o["street"] is None for o in orders)
    assert any(o["county"] is None for o in orders)
    assert any(o["county"] and o["county"].endswith("Parish") for o in orders)
    assert any(len(o["zip"]) == 10 for o in orders)
    assert any(len(o["services"]) > 1 for o in orders)
    assert any(o["next_visit"] is None for o in orders)
    assert any(o["next_visit"] and o["next_visit"]["time"] for o in orders)
    assert any(o["next_visit"] and o["next_visit"]["note"] for o in orders)
    assert any(o["store_number"] is None for o in orders)
    assert any(o["instructions"] is None for o in orders)
    assert any(g["name"] is None for d in dispensers for g in d["grades"])
    assert any(d["extra"] for d in dispensers)
    assert any(not d["grades"] for d in dispensers)
    assert any(d["make"] is None for d in dispensers)
    assert any("/" not in d["number"] for d in dispensers)
    assert {o["customer"] for o in orders} >= {"7-Eleven Stores, Inc", "Wawa, Inc."}


def test_completed_orders_leave_the_open_orders():
    account = Simulator(seed=2).add_account("t@example.com", "pw", orders=20)

    gone = account.complete_orders(4)

    open_ids = {o["id"] for o in account.open_orders()}
    assert len(gone) == 4 and not open_ids & set(gone)
    assert len(open_ids) == 16


def test_the_same_changes_give_the_same_world():
    def changed(seed):
        account = Simulator(seed=seed).add_account("t@example.com", "pw", orders=20)
        account.complete_orders(2)
        account.add_orders(3)
        account.change_dispensers(count=4)
        return account.orders()

    assert changed(9) == changed(9)


def test_changed_dispensers_show_in_the_ground_truth():
    account = Simulator(seed=2).add_account("t@example.com", "pw", orders=20)
    before = {o["site_id"]: o["dispensers"] for o in account.open_orders()}

    changed = account.change_dispensers(count=3)

    after = {o["site_id"]: o["dispensers"] for o in account.open_orders()}
    assert len(changed) == 3
    assert all(before[site] != after[site] for site in changed)
    assert all(before[s] == after[s] for s in before if s not in changed)


def test_the_demo_config_makes_the_demo_account_that_can_log_in():
    sim = build(DEMO_CONFIG, profile="fast").start()
    try:
        client = SiteClient(sim.base_url)
        answer = client.login("demo@workfossa.test", "demo-password")

        assert answer.location == "/app/dashboard"
        assert len(sim.account("demo@workfossa.test").open_orders()) == 40
    finally:
        sim.stop()


def test_a_drift_round_completes_adds_and_re_equips_every_account():
    sim = Simulator(seed=5)
    first = sim.add_account("a@example.com", "pw", orders=10)
    second = sim.add_account("b@example.com", "pw", orders=10)
    before = {account.email: account.open_orders() for account in (first, second)}
    heard = []

    drift = sim.drift(
        {"every_seconds": 3600, "complete": 2, "add": 3}, on_change=heard.append
    )
    drift.apply_round()
    sim.stop()

    for account in (first, second):
        still_open = {order["id"] for order in account.open_orders()}
        old = {order["id"] for order in before[account.email]}
        assert len(old - still_open) == 2
        assert len(still_open - old) == 3
    assert [line.split(":")[0] for line in heard] == ["a@example.com", "b@example.com"]


def test_a_fixed_today_gives_the_same_visits_on_any_day():
    config = {"seed": 4, "accounts": [{"email": "a@example.com", "password": "pw"}]}
    day = datetime.date(2026, 1, 5)

    built = build(config, today=day).account("a@example.com").orders()
    made = Simulator(seed=4, today=day).add_account("a@example.com", "pw").orders()
    later = build(config, today=day + datetime.timedelta(days=9))

    assert built == made
    assert later.account("a@example.com").orders() != built
