"""The dashboard (open work orders), one work order, and the CSV export."""

import datetime

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, F, Prefetch, QuerySet
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from accounts.access import owned_by, owned_or_404
from scraping.models import RunStatus, ScrapeRun
from workorders.export import write_csv
from workorders.filters import WorkOrderFilterForm
from workorders.models import Dispenser, WorkOrder

ORDERS_PER_PAGE = 50


def soonest_visit_first(orders: QuerySet) -> QuerySet:
    """Order by next visit, the orders without one last (on every database)."""
    return orders.order_by(
        F("next_visit_date").asc(nulls_last=True),
        F("next_visit_time").asc(nulls_last=True),
        "external_id",
    )


def filtered_orders(request) -> tuple[WorkOrderFilterForm, QuerySet]:
    """The user's orders narrowed by the query string, soonest visit first."""
    orders = owned_by(WorkOrder.objects.all(), request.user)
    form = WorkOrderFilterForm(request.GET, orders=orders)
    return form, soonest_visit_first(form.apply(orders))


def week_label(visit: datetime.date | None, today: datetime.date) -> str:
    """The heading of the week ``visit`` falls in ("This week", "Week of Dec 14")."""
    if visit is None:
        return "No visit scheduled"

    if visit < today:
        return "Overdue: visit date passed"

    monday = visit - datetime.timedelta(days=visit.weekday())
    this_monday = today - datetime.timedelta(days=today.weekday())
    weeks_ahead = (monday - this_monday).days // 7
    if weeks_ahead == 0:
        return "This week"
    if weeks_ahead == 1:
        return "Next week"
    return f"Week of {monday:%b} {monday.day}"


@login_required
def dashboard(request):
    """Open work orders, soonest visit first, grouped by week, 50 a page.

    The number of queries does not depend on the number of orders shown.
    """
    form, orders = filtered_orders(request)
    orders = orders.annotate(dispenser_count=Count("dispensers"))
    page = Paginator(orders, ORDERS_PER_PAGE).get_page(request.GET.get("page"))

    today = timezone.localdate()
    for order in page:
        order.week_label = week_label(order.next_visit_date, today)

    total = owned_by(WorkOrder.objects.all(), request.user).count()
    return render(
        request,
        "workorders/dashboard.html",
        {"form": form, "page": page, "total": total},
    )


@login_required
def work_order(request, external_id):
    """Every field of one work order and its site's dispensers."""
    order = owned_or_404(WorkOrder.objects.all(), request, external_id=external_id)
    return render(
        request,
        "workorders/work_order.html",
        {
            "order": order,
            "dispensers": order.dispensers.order_by("position"),
            "last_seen_at": last_seen_on_workfossa(order),
        },
    )


def last_seen_on_workfossa(order):
    """When a sync last found ``order`` on the work list.

    A sync writes an order's row only when its content changed, so the row's
    ``last_seen_at`` lags for unchanged orders. Every stored order was on the
    list of the owner's last successful sync, except those it withheld from
    removal, which that sync did not see.
    """
    last_sync = (
        ScrapeRun.objects.filter(user_id=order.owner_id, status=RunStatus.SUCCEEDED)
        .order_by("-finished_at")
        .only("finished_at", "withheld_removal_ids")
        .first()
    )
    if last_sync is None or order.external_id in last_sync.withheld_removal_ids:
        return order.last_seen_at
    return max(order.last_seen_at, last_sync.finished_at or order.last_seen_at)


@login_required
def export_csv(request):
    """The orders the dashboard shows with the same filters (all pages), with
    their dispensers, as CSV in the shape ``manage.py export_workorders`` uses.
    """
    form, orders = filtered_orders(request)
    orders = orders.prefetch_related(
        Prefetch("dispensers", queryset=Dispenser.objects.order_by("position"))
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="work-orders-{stamp}.csv"'
    write_csv(orders, response)
    return response
