"""Recognises the login page, its error, and a logged-in page."""

from scraping.parsing.tree import Element, parse_html


def is_login_page(html: str) -> bool:
    """Whether the page holds the login form (``form#login-form``)."""
    return _find_login_form(parse_html(html)) is not None


def login_error_text(html: str) -> str | None:
    """The text of the login error alert (``.form-error``), or None."""
    alert = parse_html(html).find_class("form-error")
    return (alert.text() or None) if alert else None


def is_logged_in_page(html: str) -> bool:
    """Whether the page is one a logged-in user sees.

    That is a main navigation (``nav.main-nav``) with a Work link, or the
    user menu button.
    """
    document = parse_html(html)
    user_menu = document.find(
        lambda e: e.tag == "button" and e.attrs.get("aria-label") == "User menu"
    )
    if user_menu is not None:
        return True

    return any(
        nav.find(_is_work_link) is not None
        for nav in document.find_all(
            lambda e: e.tag == "nav" and e.has_class("main-nav")
        )
    )


def page_title(html: str) -> str | None:
    """The text of the page's ``<title>``, or None when it has none."""
    title = parse_html(html).find(lambda e: e.tag == "title")
    return (title.text() or None) if title else None


def _find_login_form(document: Element) -> Element | None:
    return document.find(
        lambda e: e.tag == "form" and e.attrs.get("id") == "login-form"
    )


def _is_work_link(element: Element) -> bool:
    if element.tag != "a":
        return False
    href = element.attrs.get("href", "").split("?")[0].rstrip("/")
    return element.text() == "Work" or href.endswith("/app/work/list")
