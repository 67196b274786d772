"""The settings that shape how the simulator answers, and the named profiles.

The meaning of each knob is documented in the package docstring. A knob set
for an account overrides the same knob set for the whole site, which
overrides the profile, which overrides ``DEFAULTS``.
"""

DEFAULTS = {
    "reject_password": False,
    "disabled": False,
    "two_factor": False,
    "throttle_attempts": 5,
    "throttle_window": 900.0,
    "latency": (0.0, 0.0),
    "loader_delay": (0.0, 0.0),
    "error_rate": 0.0,
    "maintenance": False,
    "rate_limit": None,
    "session_idle_timeout": 1200.0,
    "session_max_requests": None,
    "dialog_rate": 0.0,
    "dialog_on": "either",
    "changed_markup": False,
    "rows_after_expand": True,
}

# "realistic" resembles a hosted web app seen from a technician's office:
# most pages in a quarter to half a second, the scripted parts of a page a
# further half second to two seconds. Delays are drawn from a triangular
# distribution that peaks a third of the way into the range, so most answers
# are quick and a few are slow.
PROFILES = {
    "fast": {"latency": (0.0, 0.0), "loader_delay": (0.0, 0.02)},
    "realistic": {"latency": (0.15, 0.45), "loader_delay": (0.5, 2.0)},
    "slow": {"latency": (1.0, 4.0), "loader_delay": (2.0, 8.0)},
}

DIALOG_PLACES = ("location", "equipment", "either")
MARKUP_CHANGES = (False, True, "worklist", "equipment")


def _range(name, value):
    if isinstance(value, int | float):
        value = (value, value)
    low, high = (float(v) for v in value)
    if not 0 <= low <= high:
        raise ValueError(f"{name} must be (low, high) with 0 <= low <= high")
    return (low, high)


def _share(name, value):
    value = float(value)
    if not 0 <= value <= 1:
        raise ValueError(f"{name} must be between 0 and 1")
    return value


def _optional_count(name, value):
    if value is None:
        return None
    if int(value) < 1:
        raise ValueError(f"{name} must be at least 1, or None")
    return int(value)


def _rate_limit(name, value):
    if value is None:
        return None
    if isinstance(value, int | float):
        value = (value, 1.0)
    count, seconds = value
    if int(count) < 1 or float(seconds) <= 0:
        raise ValueError(f"{name} must be (requests, seconds), or None")
    return (int(count), float(seconds))


def _choice(options):
    def check(name, value):
        if value not in options:
            raise ValueError(f"{name} must be one of {options!r}")
        return value

    return check


def _positive(name, value):
    if float(value) <= 0:
        raise ValueError(f"{name} must be positive")
    return float(value)


_CHECKS = {
    "reject_password": lambda name, value: bool(value),
    "disabled": lambda name, value: bool(value),
    "two_factor": lambda name, value: bool(value),
    "throttle_attempts": _optional_count,
    "throttle_window": _positive,
    "latency": _range,
    "loader_delay": _range,
    "error_rate": _share,
    "maintenance": lambda name, value: bool(value),
    "rate_limit": _rate_limit,
    "session_idle_timeout": _positive,
    "session_max_requests": _optional_count,
    "dialog_rate": _share,
    "dialog_on": _choice(DIALOG_PLACES),
    "changed_markup": _choice(MARKUP_CHANGES),
    "rows_after_expand": lambda name, value: bool(value),
}


def validated(knobs):
    """Return ``knobs`` with each value checked and normalised.

    Raises TypeError for a name that is not a knob and ValueError for a value
    the knob cannot take.
    """
    unknown = sorted(set(knobs) - set(DEFAULTS))
    if unknown:
        raise TypeError(f"unknown simulator knob(s): {', '.join(unknown)}")
    return {name: _CHECKS[name](name, value) for name, value in knobs.items()}


def profile(name):
    """Return the knobs of the named profile; raises ValueError if unknown."""
    try:
        return dict(PROFILES[name])
    except KeyError:
        raise ValueError(
            f"unknown profile {name!r}; choose from {', '.join(PROFILES)}"
        ) from None


def markup_changed(knobs, part):
    """Whether the page ``part`` ("worklist" or "equipment") is served in its
    changed markup."""
    change = knobs["changed_markup"]
    return change is True or change == part
