"""Which users a command acts on: the names given, or ``--all``."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError


def add_user_arguments(parser) -> None:
    """``USERNAME...`` and ``--all`` (dest ``usernames``, ``all_users``)."""
    parser.add_argument("usernames", nargs="*", metavar="USERNAME")
    parser.add_argument(
        "--all",
        action="store_true",
        dest="all_users",
        help="Every user with a saved WorkFossa login.",
    )


def selected_users(usernames, all_users: bool, *, required: bool = True) -> list:
    """The users named, in the order given, or with ``all_users`` every user
    with a saved WorkFossa login, by username.

    Raises CommandError for an unknown name, for names together with
    ``--all``, and (when ``required``) for neither.
    """
    users = get_user_model().objects
    if usernames and all_users:
        raise CommandError("Give usernames or --all, not both.")
    if all_users or (not usernames and not required):
        return list(
            users.filter(workfossa_credential__isnull=False).order_by("username")
        )
    if not usernames:
        raise CommandError("Give at least one username, or --all.")

    found = {user.username: user for user in users.filter(username__in=usernames)}
    missing = [name for name in usernames if name not in found]
    if missing:
        raise CommandError(f"No user named {', '.join(map(repr, missing))}.")
    return [found[name] for name in dict.fromkeys(usernames)]
