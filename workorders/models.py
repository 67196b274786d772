from django.conf import settings
from django.db import models


class WorkOrderStatus(models.TextChoices):
    """The status badges WorkFossa shows; another text is kept as it is."""

    OPEN = "Open"
    SCHEDULED = "Scheduled"
    IN_PROGRESS = "In Progress"
    ON_HOLD = "On Hold"


class WorkOrder(models.Model):
    """An open work order of one user, as the WorkFossa work list shows it.

    Created by the first sync that lists it, updated when a sync sees its
    content change (``fingerprint``), deleted with its dispensers once a
    complete list no longer holds it (the order was completed).
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="work_orders",
    )
    external_id = models.CharField("WorkFossa id", max_length=20)
    url = models.URLField(max_length=500)
    status = models.CharField(max_length=40)
    customer = models.CharField(max_length=200)
    site_id = models.CharField("site", max_length=20, blank=True)
    site_url = models.URLField(max_length=500, blank=True)
    store_number = models.CharField(max_length=40, blank=True)
    street = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=100, blank=True)
    state = models.CharField(max_length=2, blank=True)
    zip_code = models.CharField("ZIP", max_length=10, blank=True)
    county = models.CharField(max_length=100, blank=True)
    # [{"code": "2861", "quantity": 6, "name": "All Dispensers"}, ...]
    services = models.JSONField(default=list)
    # The service codes again as " 2861 3002 ", so that filtering by a code
    # is a plain text match on every database.
    service_codes = models.CharField(max_length=200, blank=True)
    next_visit_date = models.DateField(null=True, blank=True)
    next_visit_time = models.TimeField(null=True, blank=True)
    next_visit_note = models.CharField(max_length=100, blank=True)
    visit_id = models.CharField(max_length=20, blank=True)
    visit_url = models.URLField(max_length=500, blank=True)
    created_by = models.CharField(max_length=200, blank=True)
    created_on = models.DateField(null=True, blank=True)
    instructions = models.TextField(blank=True)

    first_seen_at = models.DateTimeField()
    last_seen_at = models.DateTimeField()
    last_changed_at = models.DateTimeField()
    # Hash of the scraped content: a sync rewrites the row only when it moves.
    fingerprint = models.CharField(max_length=64)
    # When the site's equipment was last read for this order; None if never.
    equipment_read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["next_visit_date", "next_visit_time", "external_id"]
        constraints = [
            # A sync matches the list's rows to stored orders by this pair.
            models.UniqueConstraint(
                fields=["owner", "external_id"], name="workorder_unique_per_owner"
            ),
        ]
        indexes = [
            # The dashboard: one user's orders, soonest visit first.
            models.Index(
                fields=["owner", "next_visit_date"], name="workorder_owner_visit_idx"
            ),
            # A sync finds the orders that share a site to reuse its equipment.
            models.Index(fields=["owner", "site_id"], name="workorder_owner_site_idx"),
        ]

    def __str__(self):
        return f"W-{self.external_id} {self.customer}"


class Dispenser(models.Model):
    """A dispenser at the site of a work order, in the site's order.

    It lives and dies with its work order: deleting the order deletes it.
    """

    work_order = models.ForeignKey(
        WorkOrder, on_delete=models.CASCADE, related_name="dispensers"
    )
    position = models.PositiveSmallIntegerField(default=0)
    equipment_id = models.CharField(max_length=20, blank=True)
    number = models.CharField(max_length=20)
    title = models.CharField(max_length=300)
    make = models.CharField(max_length=100, blank=True)
    model = models.CharField(max_length=100, blank=True)
    serial_number = models.CharField(max_length=100, blank=True)
    meter_type = models.CharField(max_length=100, blank=True)
    nozzles = models.PositiveSmallIntegerField(null=True, blank=True)
    # [{"code": "0126", "name": "Regular"}, ...]; name null for unknown codes.
    grades = models.JSONField(default=list)
    stand_alone_code = models.CharField(max_length=40, blank=True)
    # The other custom fields, label as shown to value.
    extra = models.JSONField(default=dict)

    class Meta:
        ordering = ["work_order", "position"]
        constraints = [
            # A dispenser number is unique within a site.
            models.UniqueConstraint(
                fields=["work_order", "number"], name="dispenser_unique_number"
            ),
        ]

    def __str__(self):
        return f"Dispenser {self.number}"
