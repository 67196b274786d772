from django.utils.functional import SimpleLazyObject

from scraping.status import sync_status_for


def sync_status(request):
    """Put the signed-in user's ``sync_status`` in every template's context.

    Lazy: pages that do not show it (the admin, the sign-in page) run none of
    its queries.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    return {"sync_status": SimpleLazyObject(lambda: sync_status_for(user))}
