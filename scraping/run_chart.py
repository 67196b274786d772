"""The bar chart of recent runs on the sync history page, drawn as SVG.

Computed here, drawn by a template: no chart library and no script.
"""

from dataclasses import dataclass

from django.utils import timezone

WIDTH = 600
HEIGHT = 160
# Room at the bottom for the axis, at the left for the scale.
BOTTOM = 20
LEFT = 40
# A run without a duration (skipped, still queued) still gets a visible bar.
MIN_BAR = 3
# The chart is divided into at least this many slots, so that a short
# history reads as a few runs, not as one wall of colour.
MIN_SLOTS = 20


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    status: str
    label: str


@dataclass(frozen=True)
class RunChart:
    width: int
    height: int
    left: int
    base: int
    top_seconds: int
    bars: list[Bar]


def run_chart(runs) -> RunChart:
    """Bars for ``runs`` (oldest first): height is duration, class is status.

    ``label`` says run, status and duration in words, for the tooltip and
    for screen readers.
    """
    runs = list(runs)
    longest = max((run.duration_seconds or 0 for run in runs), default=0)
    top = max(10, int(longest) + 1)
    plot_height = HEIGHT - BOTTOM - 10
    slot = (WIDTH - LEFT) / max(len(runs), MIN_SLOTS)
    bars = []
    for index, run in enumerate(runs):
        seconds = run.duration_seconds or 0
        height = max(MIN_BAR, plot_height * seconds / top)
        when = timezone.localtime(run.queued_at).strftime("%b %d %H:%M")
        duration = f"{seconds:.0f} s" if run.duration_seconds is not None else "-"
        bars.append(
            Bar(
                x=round(LEFT + index * slot + slot * 0.15, 1),
                y=round(HEIGHT - BOTTOM - height, 1),
                width=round(slot * 0.7, 1),
                height=round(height, 1),
                status=run.status,
                label=f"Sync {run.pk}, {when}: {run.get_status_display()}, {duration}",
            )
        )
    return RunChart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        base=HEIGHT - BOTTOM,
        top_seconds=top,
        bars=bars,
    )
