"""The sync history: the list with its chart, a run's page and its evidence."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from scraping.models import RunStatus, Trigger
from scraping.run_chart import WIDTH, run_chart
from tests.web.conftest import make_run

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n fake image"


@pytest.fixture
def failed_run(owner):
    run = make_run(
        owner,
        trigger=Trigger.USER,
        status=RunStatus.FAILED,
        failure_kind="page_not_as_expected",
        message="A WorkFossa page did not look as expected.",
        duration_seconds=41.0,
        step_log=[
            {
                "at": "2026-12-08T14:05:03+00:00",
                "step": "login",
                "message": "Logged in",
                "seconds": 1.2,
            },
            {
                "at": "2026-12-08T14:05:04+00:00",
                "step": "work_list",
                "message": "Reading page 1",
                "seconds": None,
            },
        ],
    )
    run.screenshot.save("run.png", ContentFile(PNG))
    run.page_html.save("run.html", ContentFile(b"<html><script>x()</script></html>"))
    return run


def test_the_history_lists_every_run_with_a_chart(owner, owner_client, failed_run):
    earlier = timezone.now() - datetime.timedelta(hours=1)
    older = make_run(owner, queued_at=earlier, orders_created=3, orders_updated=2)

    response = owner_client.get(reverse("run_list"))

    page = response.content.decode()
    assert list(response.context["page"]) == [failed_run, older]
    assert "Sync now" in page and "Schedule" in page
    assert "Page not as expected" in page
    assert "41 s" in page
    assert "3 new · 2 changed · 0 removed" in page
    assert page.count('<rect class="') == 2
    assert '<rect class="failed"' in page


def test_a_run_page_shows_the_step_log_and_the_screenshot(owner_client, failed_run):
    response = owner_client.get(reverse("run_detail", args=[failed_run.pk]))

    page = response.content.decode()
    assert "A WorkFossa page did not look as expected." in page
    assert "Reading page 1" in page
    assert "Logged in" in page
    assert f'src="{reverse("run_screenshot", args=[failed_run.pk])}"' in page


def test_the_owner_gets_the_screenshot_and_the_page_as_text(owner_client, failed_run):
    image = owner_client.get(reverse("run_screenshot", args=[failed_run.pk]))
    markup = owner_client.get(reverse("run_page", args=[failed_run.pk]))

    assert image["Content-Type"] == "image/png"
    assert b"".join(image.streaming_content) == PNG
    # Another site's markup is never rendered on this origin.
    assert markup["Content-Type"].startswith("text/plain")
    assert b"<script>" in b"".join(markup.streaming_content)


@pytest.mark.parametrize(
    "name", ["run_detail", "run_screenshot", "run_page", "run_progress"]
)
def test_a_stranger_gets_404_for_the_owners_run(stranger_client, failed_run, name):
    response = stranger_client.get(reverse(name, args=[failed_run.pk]))

    assert response.status_code == 404


def test_a_stranger_does_not_see_the_owners_runs_listed(stranger_client, failed_run):
    response = stranger_client.get(reverse("run_list"))

    assert list(response.context["page"]) == []


def test_a_run_without_a_screenshot_answers_404(owner, owner_client):
    run = make_run(owner)

    response = owner_client.get(reverse("run_screenshot", args=[run.pk]))

    assert response.status_code == 404


def test_only_staff_get_the_operators_screenshot(
    failed_run, owner_client, admin_client
):
    url = reverse("admin_run_screenshot", args=[failed_run.pk])

    assert owner_client.get(url).status_code == 302
    assert admin_client.get(url).status_code == 200


def test_a_short_history_draws_narrow_bars_not_one_wall(owner):
    chart = run_chart([make_run(owner)])

    [bar] = chart.bars
    assert bar.width < (WIDTH - chart.left) / 10
