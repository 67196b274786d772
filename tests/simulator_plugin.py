"""Pytest fixtures that start the WorkFossa simulator for a test."""

import pytest

from scraping.simulator import Simulator


@pytest.fixture
def simulator():
    """A running simulator on a free port, fast profile, no accounts yet;
    stopped after the test."""
    sim = Simulator(seed=7, profile="fast").start()
    yield sim
    sim.stop()


@pytest.fixture
def sim_account(simulator):
    """The account tech@example.com / secret with 30 open orders."""
    return simulator.add_account(
        "tech@example.com", "secret", orders=30, name="Dana Reyes"
    )
