"""Errors of a navigation in progress are "not yet"; a broken browser is not."""

import pytest
from selenium.common.exceptions import (
    InvalidSessionIdException,
    StaleElementReferenceException,
    WebDriverException,
)

from scraping.browser import between_documents


@pytest.mark.parametrize(
    "error",
    [
        StaleElementReferenceException("stale element reference"),
        WebDriverException(
            "unknown error: unhandled inspector error: "
            '{"code":-32000,"message":"Node with given id does not belong to '
            'the document"}'
        ),
        WebDriverException("javascript error: document unloaded while waiting"),
        WebDriverException("unknown error: Cannot find context with specified id"),
    ],
)
def test_a_page_being_replaced_is_waited_for(error):
    assert between_documents(error)


@pytest.mark.parametrize(
    "error",
    [
        WebDriverException("unknown error: chrome not reachable"),
        InvalidSessionIdException("invalid session id"),
        WebDriverException("disconnected: not connected to DevTools"),
    ],
)
def test_a_broken_browser_is_a_failure(error):
    assert not between_documents(error)
