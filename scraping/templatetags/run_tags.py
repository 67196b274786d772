from django import template
from django.utils.dateparse import parse_datetime

register = template.Library()


@register.filter
def as_datetime(text):
    """An ISO time from a run's step log as a datetime; None if unreadable."""
    if not isinstance(text, str):
        return None

    try:
        return parse_datetime(text)
    except ValueError:
        return None
