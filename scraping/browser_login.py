"""Logs a browser in to WorkFossa through its login form.

The password is typed once per call; once WorkFossa refused it (wrong,
throttled, disabled, two-step), the run's ``AccountSession`` keeps that
refusal and no later call types the password again.
"""

from selenium.common.exceptions import (
    NoSuchElementException,
    StaleElementReferenceException,
    TimeoutException,
    WebDriverException,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from scraping.browser import between_documents
from scraping.errors import (
    ActionNeeded,
    BrowserFailure,
    LoginRejected,
    LoginThrottled,
    PageNotAsExpected,
    TimedOut,
)
from scraping.login_outcome import (
    TWO_FACTOR_PATH,
    login_alert_failure,
    two_factor_failure,
)
from scraping.parsing import login_error_text

# Outcomes in which WorkFossa refused the password itself.
REFUSALS = (LoginRejected, LoginThrottled, ActionNeeded)


def log_in(browser) -> None:
    """Log ``browser`` (a SiteBrowser) in, or raise why it could not.

    Raises LoginRejected, LoginThrottled (with ``retry_after_seconds``),
    ActionNeeded (two-step verification, disabled account), SiteUnavailable
    or TimedOut (error pages, no answer) and PageNotAsExpected (no login
    form, an alert it does not know, an unknown page after the form).
    """
    try:
        _submit_login_form(browser)
    except REFUSALS as refusal:
        browser.session.refusal = refusal
        raise


def _submit_login_form(browser) -> None:
    session = browser.session
    driver = browser.driver
    password = session.password()

    url = f"{session.base_url}/login"
    browser.navigate(lambda: driver.get(url), "the login page")
    state = browser.page_state()
    browser.check_state(state, "the login page", app_page=False)
    if not state["login"]:
        if state["path"].startswith("/app"):
            return  # the browser's cookies still hold a session
        raise PageNotAsExpected(detail="the login page shows no login form")

    try:
        form = driver.find_element(By.ID, "login-form")
        email_input = form.find_element(By.NAME, "email")
        password_input = form.find_element(By.NAME, "password")
        submit = form.find_element(By.CSS_SELECTOR, "[type=submit]")
    except NoSuchElementException:
        raise PageNotAsExpected(
            detail="the login form lacks its email, password or submit button"
        ) from None

    email_input.clear()
    email_input.send_keys(session.email)
    password_input.clear()
    password_input.send_keys(password)
    session.log.info("submitting the login form")
    browser.navigate(submit.click, "the login")
    _wait_for_next_page(browser, form)

    state = browser.page_state()
    if state["path"].startswith(TWO_FACTOR_PATH):
        raise two_factor_failure()

    browser.check_state(state, "the login", app_page=False)
    if state["login"]:
        raise login_alert_failure(login_error_text(browser.page_source()))

    if not state["path"].startswith("/app"):
        raise PageNotAsExpected(detail=f"the login led to {state['path']!r}")
    session.log.info("logged in")


def _wait_for_next_page(browser, form) -> None:
    def form_gone(driver):
        try:
            form.is_enabled()
        except StaleElementReferenceException:
            return True
        return False

    def page_complete(driver):
        return driver.execute_script("return document.readyState === 'complete'")

    try:
        for condition in (form_gone, page_complete):
            WebDriverWait(browser.driver, browser.wait_timeout, 0.1).until(
                _between_documents_is_not_yet(condition)
            )
    except TimeoutException:
        raise TimedOut(detail="the login did not answer within the time-out") from None
    except WebDriverException as exc:
        raise BrowserFailure(
            detail=f"the login did not complete ({type(exc).__name__})"
        ) from None


def _between_documents_is_not_yet(condition):
    """``condition``, read as "not yet" while the browser is between pages
    (right after the form is sent); other browser errors still raise."""

    def check(driver):
        try:
            return condition(driver)
        except WebDriverException as error:
            if between_documents(error):
                return False
            raise

    return check
