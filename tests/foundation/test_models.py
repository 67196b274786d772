import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from scraping.models import RunStatus, ScrapeRun, Trigger
from workorders.models import Dispenser, WorkOrder

pytestmark = pytest.mark.django_db


def make_order(owner, external_id="129651"):
    now = timezone.now()
    return WorkOrder.objects.create(
        owner=owner,
        external_id=external_id,
        url=f"https://app.workfossa.com/app/work/{external_id}",
        status="Scheduled",
        customer="7-Eleven Stores, Inc",
        first_seen_at=now,
        last_seen_at=now,
        last_changed_at=now,
        fingerprint="x" * 64,
    )


def test_deleting_an_order_takes_its_dispensers_with_it(owner):
    # A predecessor's hourly sync died on "NOT NULL constraint failed:
    # dispensers.work_order_id" when it deleted a completed order.
    order = make_order(owner)
    for position, number in enumerate(["1/2", "3/4", "5"]):
        Dispenser.objects.create(
            work_order=order, position=position, number=number, title=number
        )
    kept = make_order(owner, "129652")
    Dispenser.objects.create(work_order=kept, number="1/2", title="1/2")

    order.delete()

    assert list(
        Dispenser.objects.values_list("work_order__external_id", flat=True)
    ) == ["129652"]


def test_deleting_a_user_takes_their_orders_and_runs_with_them(owner):
    order = make_order(owner)
    Dispenser.objects.create(work_order=order, number="1/2", title="1/2")
    ScrapeRun.objects.create(user=owner, trigger=Trigger.SCHEDULE)

    owner.delete()

    assert not WorkOrder.objects.exists()
    assert not Dispenser.objects.exists()
    assert not ScrapeRun.objects.exists()


def test_one_work_order_id_per_owner_but_shared_across_owners(owner, stranger):
    make_order(owner)
    make_order(stranger)

    with pytest.raises(IntegrityError), transaction.atomic():
        make_order(owner)


def test_the_database_refuses_a_second_running_sync_for_one_user(owner, stranger):
    ScrapeRun.objects.create(user=owner, trigger=Trigger.SCHEDULE, status="running")
    ScrapeRun.objects.create(user=stranger, trigger=Trigger.USER, status="running")

    with pytest.raises(IntegrityError), transaction.atomic():
        ScrapeRun.objects.create(user=owner, trigger=Trigger.USER, status="running")


def test_finished_runs_do_not_block_a_new_running_one(owner):
    for status in [RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.ABANDONED]:
        ScrapeRun.objects.create(user=owner, trigger=Trigger.SCHEDULE, status=status)

    run = ScrapeRun.objects.create(user=owner, trigger=Trigger.USER, status="running")

    assert run.pk
