"""Sync now, its live progress, and the run history with its evidence."""

import logging

from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.access import owned_by, owned_or_404
from scraping.models import ScrapeRun, Trigger
from scraping.run_chart import run_chart
from scraping.tasks import queue_sync

logger = logging.getLogger(__name__)

RUNS_PER_PAGE = 50
CHART_RUNS = 30


@require_POST
@login_required
def sync_now(request):
    """Queue a sync of the user's account, or join the one already going.

    htmx gets the progress panel; a plain form post goes to the run's page.
    """
    run = queue_sync(request.user, Trigger.USER)
    logger.info("sync %s asked for by user %s", run.pk, request.user.pk)
    if request.htmx:
        # The strip comes along so that its button says a sync is running.
        context = {"run": run, "oob": True}
        return render(request, "scraping/_run_progress.html", context)

    return redirect("run_detail", pk=run.pk)


@login_required
def run_progress(request, pk):
    """One run's progress panel; polled by htmx until the run finishes.

    The answer that reports the end also refreshes the status strip and the
    banners, out of band, so that the button and the banners match.
    """
    run = owned_or_404(ScrapeRun.objects.all(), request, pk=pk)
    context = {"run": run, "oob": bool(request.htmx) and run.is_finished}
    return render(request, "scraping/_run_progress.html", context)


@login_required
def run_list(request):
    """Every run of the user, newest first, with a chart of the recent ones."""
    runs = owned_by(ScrapeRun.objects.all(), request.user).order_by("-queued_at")
    page = Paginator(runs, RUNS_PER_PAGE).get_page(request.GET.get("page"))
    recent = list(runs[:CHART_RUNS])
    chart = run_chart(reversed(recent))
    return render(request, "scraping/run_list.html", {"page": page, "chart": chart})


@login_required
def run_detail(request, pk):
    run = owned_or_404(ScrapeRun.objects.all(), request, pk=pk)
    return render(request, "scraping/run_detail.html", {"run": run})


@login_required
def run_screenshot(request, pk):
    """The failure screenshot of the user's run; media is never public."""
    run = owned_or_404(ScrapeRun.objects.all(), request, pk=pk)
    return file_response(run.screenshot, "image/png")


@login_required
def run_page(request, pk):
    """The saved WorkFossa page of a failed run, as text to read.

    Served as plain text: it is another site's markup, and rendering it here
    would run its scripts on this site's origin.
    """
    run = owned_or_404(ScrapeRun.objects.all(), request, pk=pk)
    return file_response(run.page_html, "text/plain; charset=utf-8")


@staff_member_required
def admin_run_screenshot(request, pk):
    """Any run's screenshot, for operators on the admin's run page."""
    run = get_object_or_404(ScrapeRun, pk=pk)
    return file_response(run.screenshot, "image/png")


def file_response(field_file, content_type) -> FileResponse:
    if not field_file:
        raise Http404("This run has no such file.")

    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404("The file of this run is gone.") from None

    response = FileResponse(handle, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response
