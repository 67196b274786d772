"""A cookie-keeping HTTP client for the simulator's tests."""

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

OPEN_WORK = "work_visit_completion=none||No visits completed||Work Visits Completed"


@dataclass
class Answer:
    status: int
    headers: dict
    text: str

    @property
    def location(self):
        return self.headers.get("location")

    def title(self):
        return re.search(r"<title>(.*?)</title>", self.text).group(1)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class SiteClient:
    """A cookie-keeping HTTP client that does not follow redirects."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self._opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect
        )

    def get(self, path, headers=None):
        return self._open(
            urllib.request.Request(self._url(path), headers=headers or {})
        )

    def post(self, path, data, headers=None):
        body = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(
            self._url(path), data=body, headers=headers or {}, method="POST"
        )
        return self._open(request)

    def _url(self, path):
        path = urllib.parse.quote(path, safe="/?&=%#|:")
        return self.base_url + path

    def _open(self, request):
        try:
            with self._opener.open(request, timeout=10) as response:
                return Answer(
                    response.status, _lower(response.headers), _read(response)
                )
        except urllib.error.HTTPError as error:
            return Answer(error.code, _lower(error.headers), _read(error))

    def token(self):
        """The anti-forgery token of the login form."""
        page = self.get("/login").text
        return re.search(r'name="_token" value="([^"]+)"', page).group(1)

    def login(self, email, password):
        data = {"_token": self.token(), "email": email, "password": password}
        return self.post("/login", data)

    def page_token(self, path="/app/dashboard"):
        page = self.get(path).text
        return re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)


def _lower(headers):
    return {name.lower(): value for name, value in headers.items()}


def _read(response):
    return response.read().decode("utf-8")
