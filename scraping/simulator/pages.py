"""Whole pages other than the work list and the customer location: the page
frame, login, two-step challenge, dashboard, order and visit pages, and the
error pages."""

from html import escape

from .scripts import STYLE

ERROR_TITLES = {
    404: "Not Found",
    405: "Method Not Allowed",
    419: "Page Expired",
    429: "Too Many Requests",
    500: "Server Error",
    503: "Service Unavailable",
}

REJECTED = "These credentials do not match our records."
DISABLED = "This account has been disabled. Contact your administrator."
THROTTLED = "Too many login attempts. Please try again in {seconds} seconds."
BAD_CODE = "The provided two factor authentication code was invalid."

OPEN_WORK_QUERY = (
    "work_visit_completion=none||No visits completed||Work Visits Completed"
    "&order_direction=asc"
)


def document(title, body, *, user=None, token=None, script=""):
    """A full HTML page. ``user`` (a display name) adds the logged-in header;
    ``token`` is the session's anti-forgery token."""
    head = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
    ]
    if token:
        head.append(f'<meta name="csrf-token" content="{escape(token)}">')
    head.append(f"<style>{STYLE}</style></head><body>")
    parts = head
    if user:
        parts.append(_header(user, token))
    parts.append(f"<main>{body}</main>")
    if script:
        parts.append(f"<script>{script}</script>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _header(user, token):
    return (
        "<header>"
        '<nav class="main-nav"><a href="/app/dashboard">Dashboard</a> '
        '<a href="/app/work/list">Work</a></nav>'
        '<div class="user-menu">'
        f'<button type="button" aria-label="User menu">{escape(user)}</button>'
        '<form method="post" action="/logout" class="logout-form">'
        f'<input type="hidden" name="_token" value="{escape(token)}">'
        '<button type="submit">Log out</button></form>'
        "</div></header>"
    )


def error_page(status, message=None):
    title = ERROR_TITLES[status]
    body = (
        f'<div class="error-page"><div class="code">{status}</div>'
        f'<div class="message">{escape(message or title)}</div></div>'
    )
    return document(title, body)


def maintenance_page():
    return error_page(503, "Be right back.")


def _alert(message):
    if not message:
        return ""
    return f'<div class="alert alert-danger form-error">{escape(message)}</div>'


def login_page(token, *, email="", error=None):
    body = f"""
<div class="auth-card">
  <h1>Log in to WorkFossa</h1>
  {_alert(error)}
  <form id="login-form" method="post" action="/login">
    <input type="hidden" name="_token" value="{escape(token)}">
    <label>Email
      <input type="email" name="email" autocomplete="username"
             value="{escape(email)}" required autofocus></label>
    <label>Password
      <input type="password" name="password" autocomplete="current-password"
             required></label>
    <label><input type="checkbox" name="remember"> Remember me</label>
    <button type="submit">Log in</button>
  </form>
  <a href="/forgot-password">Forgot your password?</a>
</div>"""
    return document("Log in - WorkFossa", body)


def two_factor_page(token, *, error=None):
    body = f"""
<div class="auth-card">
  <h1>Two-step verification</h1>
  <p>Enter the code from your authenticator app.</p>
  {_alert(error)}
  <form id="two-factor-form" method="post" action="/two-factor-challenge">
    <input type="hidden" name="_token" value="{escape(token)}">
    <input type="text" name="code" inputmode="numeric"
           autocomplete="one-time-code" autofocus>
    <button type="submit">Confirm</button>
  </form>
</div>"""
    return document("Two-step verification - WorkFossa", body)


def dashboard_page(user, token, open_count, next_visits):
    rows = "".join(
        f'<li><a href="/app/work/{o.id}">W-{o.id}</a> '
        f"{escape(o.site.customer)} &middot; {o.visit.date:%m/%d/%Y}</li>"
        for o in next_visits
    )
    body = f"""
<h1>Welcome back, {escape(user)}</h1>
<section class="stat-card">
  <div class="stat-label">Open work orders</div>
  <div class="stat-value">{open_count}</div>
  <a href="/app/work/list?{escape(OPEN_WORK_QUERY)}">View open work</a>
</section>
<section class="upcoming"><h2>Next visits</h2><ul>{rows}</ul></section>"""
    return document("Dashboard - WorkFossa", body, user=user, token=token)


def order_page(user, token, order):
    site = order.site
    visit = order.visit
    visit_text = (
        f'<a href="/app/work/{order.id}/visits/{visit.id}">{visit.date:%m/%d/%Y}</a>'
        if visit
        else '<span class="muted">No visit scheduled</span>'
    )
    body = f"""
<h1 class="work-order-title">W-{order.id}</h1>
<span class="badge status">{escape(order.status)}</span>
<p><a href="/app/customers/locations/{site.id}/">{escape(site.customer)}</a></p>
<p>Next visit: {visit_text}</p>
<div class="pre-wrap instructions">{escape(order.instructions or "")}</div>"""
    return document(f"W-{order.id} - WorkFossa", body, user=user, token=token)


def visit_page(user, token, order, visit):
    body = f"""
<h1>Visit {visit.id}</h1>
<p>For <a href="/app/work/{order.id}">W-{order.id}</a>
on {visit.date:%m/%d/%Y}</p>"""
    return document(f"Visit {visit.id} - WorkFossa", body, user=user, token=token)
