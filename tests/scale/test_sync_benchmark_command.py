"""`manage.py sync_benchmark` runs the syncs it reports on and prints their
figures; timings are not asserted (they belong to the machine)."""

import json
import subprocess

import pytest

from tests.scale.conftest import ROOT, child_env, manage

pytestmark = pytest.mark.browser

ROW_KEYS = {
    "orders",
    "case",
    "wall_s",
    "floor_s",
    "ratio",
    "pages",
    "browser_peak_mb",
    "python_peak_mb",
}


@pytest.fixture(scope="module")
def tiny_benchmark(tmp_path_factory):
    """The JSON of one benchmark of a 4-order account, fast profile."""
    folder = tmp_path_factory.mktemp("benchmark")
    result = subprocess.run(
        manage(
            "sync_benchmark",
            "--orders",
            "4",
            "--profile",
            "fast",
            "--sizing-accounts",
            "1",
            "--database-orders",
            "40",
            "--json",
        ),
        cwd=ROOT,
        env=child_env(folder, DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}"),
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout), folder


def test_it_reports_a_first_an_unchanged_and_a_changed_sync(tiny_benchmark):
    report, _ = tiny_benchmark

    rows = report["scenarios"]
    assert [(row["orders"], row["case"]) for row in rows] == [
        (4, "first"),
        (4, "unchanged"),
        (4, "changed"),
    ]
    details = report["scenario_details"]
    assert [(d["orders"], d["case"]) for d in details] == [
        (4, "first"),
        (4, "unchanged"),
        (4, "changed"),
    ]
    rows = [row | detail for row, detail in zip(rows, details, strict=True)]
    for row, figures in zip(rows, report["scenarios"], strict=True):
        assert set(figures) == ROW_KEYS
        assert row["status"] == "succeeded"
        assert row["wall_s"] > 0 and row["pages"] > 0
        assert row["browser_peak_mb"] > 10 and row["python_peak_mb"] > 10
    first, unchanged, _ = rows
    # The first sync reads every site; an unchanged one reads none.
    assert first["pages"] > unchanged["pages"]
    assert first["browsers"] >= unchanged["browsers"] == 1


def test_it_reports_the_refused_login_the_database_and_the_sizing(tiny_benchmark):
    report, _ = tiny_benchmark

    assert report["refused_login"]["recorded"] is True
    database = report["database"]
    assert (database["orders"], database["dispensers"]) == (40, 320)
    # One page of orders whatever their number: the same queries.
    assert database["dashboard_queries"] == database["compared"]["dashboard_queries"]
    assert database["save_queries"] < 40
    assert report["sizing"]["syncs_per_hour_per_worker"] > 0
    assert report["sizing"]["worker_memory_mb"] > 0
    assert [target["target"] for target in report["targets"]] == [
        "refused login recorded"
    ]


def test_it_leaves_the_configured_database_empty(tiny_benchmark):
    _, folder = tiny_benchmark

    # The benchmark ran on a scratch database; the configured one was never
    # even created.
    assert not (folder / "db.sqlite3").exists()


def test_it_refuses_an_order_count_that_is_not_a_number(tmp_path):
    result = subprocess.run(
        manage("sync_benchmark", "--orders", "lots"),
        cwd=ROOT,
        env=child_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode != 0
    assert "--orders takes numbers like 100,1000" in result.stderr
