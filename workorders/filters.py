"""The dashboard's search and filters, as a form that narrows a queryset."""

from django import forms
from django.db.models import Q, QuerySet

from workorders.models import WorkOrderStatus

VISIT_CHOICES = [
    ("", "With or without a visit"),
    ("with", "With a visit"),
    ("without", "Without a visit"),
]


class WorkOrderFilterForm(forms.Form):
    """Validates the dashboard's query string; ``apply`` narrows the orders.

    Fields that fail validation (a malformed date) are shown with their
    error and ignored; the others still apply.
    """

    q = forms.CharField(
        label="Search",
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": "Id, customer, store or city"}
        ),
    )
    status = forms.ChoiceField(label="Status", required=False)
    service = forms.ChoiceField(label="Service code", required=False)
    visit = forms.ChoiceField(label="Visit", required=False, choices=VISIT_CHOICES)
    visit_from = forms.DateField(
        label="Visit from",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    visit_to = forms.DateField(
        label="Visit to",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, data, *, orders: QuerySet):
        """``orders`` are the user's orders; they give the status and code
        choices (two queries)."""
        super().__init__(data)
        statuses = orders.order_by().values_list("status", flat=True).distinct()
        self.fields["status"].choices = [("", "Any status")] + [
            (status, status) for status in sorted(statuses, key=status_order)
        ]
        code_lists = orders.order_by().values_list("service_codes", flat=True)
        codes = sorted(
            {code for codes in code_lists.distinct() for code in codes.split()}
        )
        self.fields["service"].choices = [("", "Any service")] + [
            (code, code) for code in codes
        ]
        for field in self.fields.values():
            is_select = isinstance(field, forms.ChoiceField)
            field.widget.attrs["class"] = "form-select" if is_select else "form-control"

    def apply(self, orders: QuerySet) -> QuerySet:
        """Return ``orders`` narrowed by the valid filters."""
        self.is_valid()
        values = self.cleaned_data

        text = values.get("q", "").strip()
        if text:
            orders = orders.filter(search_condition(text))

        if values.get("status"):
            orders = orders.filter(status=values["status"])

        if values.get("service"):
            # service_codes is " 2861 3002 ": the spaces make this a whole-code
            # match, so "286" does not match "2861".
            orders = orders.filter(service_codes__contains=f" {values['service']} ")

        if values.get("visit") == "with":
            orders = orders.filter(next_visit_date__isnull=False)
        elif values.get("visit") == "without":
            orders = orders.filter(next_visit_date__isnull=True)

        if values.get("visit_from"):
            orders = orders.filter(next_visit_date__gte=values["visit_from"])
        if values.get("visit_to"):
            orders = orders.filter(next_visit_date__lte=values["visit_to"])

        return orders

    @property
    def is_filtering(self) -> bool:
        return any(self.data.get(name) for name in self.fields)


def search_condition(text: str) -> Q:
    """Match ``text`` against the work order id, customer, store number or city.

    "W-129651" finds order 129651 and "#38437" finds store 38437, as they are
    written on WorkFossa.
    """
    bare = text.removeprefix("#") or text
    order_id = text.upper().removeprefix("W-") or text
    return (
        Q(external_id__icontains=order_id)
        | Q(customer__icontains=text)
        | Q(store_number__icontains=bare)
        | Q(city__icontains=text)
    )


def status_order(status: str) -> tuple[int, str]:
    """Sort key: WorkFossa's statuses in the order work moves through them,
    then any other status text alphabetically."""
    known = list(WorkOrderStatus.values)
    return (known.index(status) if status in known else len(known), status)
