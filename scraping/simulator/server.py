"""HTTP for the simulated site: parse a request, ask the application, wait
the delay it chose, answer."""

import logging
import time
from http.cookies import CookieError, SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from .app import COOKIE, Request, Response
from .pages import error_page

logger = logging.getLogger(__name__)


class SimulatorServer(ThreadingHTTPServer):
    """One thread per connection; the threads never keep the process alive."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, address, application):
        super().__init__(address, _Handler)
        self.application = application


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "WorkFossa"
    sys_version = ""
    # Browsers keep idle connections open; this bounds how long a thread
    # waits on one.
    timeout = 30

    def do_GET(self):
        self._serve("GET")

    def do_POST(self):
        self._serve("POST")

    def _serve(self, method):
        url = urlsplit(self.path)
        request = Request(
            method=method,
            path=url.path,
            query=url.query,
            form=self._form(),
            cookie=self._session_cookie(),
            headers={name.lower(): value for name, value in self.headers.items()},
        )
        try:
            response = self.server.application.handle(request)
        except Exception:
            logger.exception("Simulator failed on %s %s", method, url.path)
            response = Response(500, error_page(500))
        if response.delay > 0:
            time.sleep(response.delay)
        try:
            self._send(response)
        except ConnectionError:
            # The browser moved on while the answer was being delayed.
            self.close_connection = True

    def _form(self):
        length = int(self.headers.get("Content-Length") or 0)
        if not length:
            return {}
        body = self.rfile.read(length).decode("utf-8", "replace")
        if "application/x-www-form-urlencoded" not in self.headers.get(
            "Content-Type", ""
        ):
            return {}
        return dict(parse_qsl(body, keep_blank_values=True))

    def _session_cookie(self):
        try:
            morsel = SimpleCookie(self.headers.get("Cookie", "")).get(COOKIE)
        except CookieError:
            return None
        return morsel.value if morsel else None

    def _send(self, response):
        body = response.body.encode("utf-8")
        self.send_response(response.status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in response.headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):
        logger.debug("%s " + format, self.address_string(), *args)
