"""The one way views fetch a user's records: filtered by owner, else 404.

A record of another user answers exactly like a record that does not exist,
so that ids cannot be probed.
"""

from django.db.models import Model, QuerySet
from django.http import Http404

# The field that points from each owned model to its user.
OWNER_FIELDS = {
    "workorders.workorder": "owner",
    "workorders.dispenser": "work_order__owner",
    "scraping.scraperun": "user",
    "accounts.workfossacredential": "user",
}


def owned_by(queryset: QuerySet, user) -> QuerySet:
    """Return ``queryset`` narrowed to the records ``user`` owns.

    Raises ``LookupError`` for a model that has no known owner field, so that
    a new model cannot be served unfiltered by mistake.
    """
    field = OWNER_FIELDS.get(queryset.model._meta.label_lower)
    if field is None:
        raise LookupError(f"No owner field for {queryset.model._meta.label}.")

    if not user.is_authenticated:
        return queryset.none()

    return queryset.filter(**{field: user})


def owned_or_404(queryset: QuerySet, request, **lookup) -> Model:
    """Return the one record matching ``lookup`` that the requesting user owns.

    Raises ``Http404`` when there is none, whoever else owns it.
    """
    try:
        return owned_by(queryset, request.user).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404("No such record.") from None
