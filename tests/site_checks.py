"""Reading a built site as a browser would (links, anchors, scripts, CSP); watching one in Chromium.

Also a local server that serves a site under a sub-path, as GitHub Pages serves a project site
(`https://<owner>.github.io/<repository>/`), with the root 404 page for anything missing.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import html.parser
import http.server
import posixpath
import re
import urllib.parse
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from browser import local_server

from generator.editor import EDITOR_PAGE_FILES

# Links that leave the site on purpose: phone, e-mail, map applications, other web sites.
EXTERNAL_SCHEMES = ("mailto:", "tel:", "geo:", "sms:", "https:", "http:")
# Attributes holding a URL the browser loads or follows.
URL_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src",),
    "source": ("src",),
    "iframe": ("src",),
    "form": ("action",),
    "object": ("data",),
    "embed": ("src",),
}


def csp_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


@dataclass
class Script:
    attrs: dict
    text: str = ""


@dataclass
class ParsedPage:
    ids: set[str] = field(default_factory=set)
    urls: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attribute, value)
    scripts: list[Script] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)
    handlers: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, on* attribute, value)
    elements: list[tuple[str, dict]] = field(default_factory=list)


class _Parser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._script: Script | None = None

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        self.page.elements.append((tag, values))
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.ids.add(values["name"])
        for name in URL_ATTRIBUTES.get(tag, ()):
            if name in values:
                self.page.urls.append((tag, name, values[name]))
        for name, value in values.items():
            if name.startswith("on"):
                self.page.handlers.append((tag, name, value))
        if tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.page.csp.append(values.get("content", ""))
        if tag == "script":
            self._script = Script(values)
            self.page.scripts.append(self._script)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self._script = None

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script.text += data


def parse_html(text: str) -> ParsedPage:
    parser = _Parser()
    parser.feed(text)
    parser.close()
    return parser.page


@lru_cache(maxsize=None)
def parse_file(path: Path) -> ParsedPage:
    return parse_html(path.read_text(encoding="utf-8"))


def page_url(site: Path, path: Path) -> str:
    """The URL path (from the site's root, starting with /) a file is served at."""
    relative = path.relative_to(site).as_posix()
    if relative == "index.html" or relative.endswith("/index.html"):
        relative = relative[: -len("index.html")]
    return "/" + relative


def file_for(site: Path, url_path: str) -> Path | None:
    """The file a static host serves for `url_path` (decoded, from the root), or None."""
    if ".." in url_path.split("/"):
        return None
    candidate = site / url_path.lstrip("/")
    if url_path.endswith("/"):
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def is_external(url: str) -> bool:
    return url.lower().startswith(EXTERNAL_SCHEMES) or url.startswith("//")


def broken_links(site: Path, path: Path, base_path: str = "/") -> list[str]:
    """Every internal URL of one page that points to no file, or to a missing #anchor.

    `base_path` is where the site is served: an absolute link must start with it.
    """
    parsed = parse_file(path)
    here = base_path.rstrip("/") + page_url(site, path)
    problems = []
    for tag, attribute, raw in parsed.urls:
        value = raw.strip()
        if tag == "link" and attribute == "href" and not value:
            continue
        lowered = value.lower()
        if lowered.startswith(("javascript:", "data:", "vbscript:")):
            problems.append(f"{tag}[{attribute}]={raw!r}: forbidden scheme")
            continue
        if is_external(value):
            continue
        if not value:
            problems.append(f"{tag}[{attribute}] is empty")
            continue
        target = urllib.parse.urlsplit(urllib.parse.urljoin("http://site" + here, value))
        target_path = urllib.parse.unquote(target.path)
        if not target_path.startswith(base_path):
            problems.append(f"{tag}[{attribute}]={raw!r}: leaves the site's base path {base_path}")
            continue
        target_file = file_for(site, "/" + target_path[len(base_path):])
        if target_file is None:
            problems.append(f"{tag}[{attribute}]={raw!r}: no file for {target_path}")
            continue
        fragment = urllib.parse.unquote(target.fragment)
        if fragment and target_file.suffix == ".html" and fragment not in parse_file(target_file).ids:
            problems.append(f"{tag}[{attribute}]={raw!r}: no id {fragment!r} in {target_path}")
    return problems


CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")


def broken_css_urls(site: Path, path: Path) -> list[str]:
    problems = []
    for _, value in CSS_URL.findall(path.read_text(encoding="utf-8")):
        if value.startswith(("data:", "#")):
            continue
        if value.startswith("/") or is_external(value):
            problems.append(f"url({value}): absolute, breaks under a sub-path or leaves the site")
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_url(site, path)), value.split("?")[0].split("#")[0]))
        if file_for(site, target) is None:
            problems.append(f"url({value}): no file")
    return problems


def csp_directives(policy: str) -> dict[str, list[str]]:
    directives = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


# The theme's own scripts (theme/assets/); the language picker's, at the root.
def unexpected_scripts(page, script_src: list[str]) -> list[str]:
    """Scripts of a parsed page that are neither the site's own files nor allowed by hash."""
    problems = []
    for script in page.scripts:
        if "src" in script.attrs:
            if not THEME_SCRIPT_SOURCES.match(script.attrs["src"]):
                problems.append(f"script from {script.attrs['src']!r}")
        elif executable(script) and f"'{csp_hash(script.text)}'" not in script_src:
            problems.append(f"inline script not allowed by its hash: {script.text[:60]!r}")
    return problems


# The editor's page (site/admin/) loads its two vendored files.
THEME_SCRIPT_SOURCES = re.compile(
    r"^(?:\.\./|\./)*(?:assets/[a-z-]+\.js|language-picker\.js"
    r"|editor-prefs\.js|sveltia-cms\.js)$"
)


def executable(script) -> bool:
    return script.attrs.get("type", "text/javascript").lower() in ("", "text/javascript", "module", "application/javascript")


# --- in Chromium ---


class Watcher:
    """What a page does on the network and in the console, with other origins blocked."""

    def __init__(self, page, allowed_host: str = "127.0.0.1"):
        self.failed, self.foreign, self.errors, self.dialogs = [], [], [], []
        self.allowed_host = allowed_host
        page.route("**/*", self._route)
        page.on("response", lambda response: response.status >= 400 and self.failed.append((response.status, response.url)))
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("dialog", self._dialog)
        # CSP violations, as the page sees them.
        page.add_init_script(
            "window.__csp = []; document.addEventListener('securitypolicyviolation',"
            " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
        )

    def _route(self, route):
        url = urllib.parse.urlsplit(route.request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.hostname != self.allowed_host:
            self.foreign.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    def _console(self, message):
        # Failed loads are in `failed`, with their URL.
        if message.type in ("error", "warning") and not message.text.startswith("Failed to load resource"):
            self.errors.append(message.text)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()


# --- serving under a sub-path ---


class _PrefixHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/catalogue/"
    not_found: Path | None = None

    def log_message(self, format, *args):
        pass

    def translate_path(self, path):
        # Only reached for paths under the prefix (see send_head).
        return super().translate_path("/" + path[len(self.prefix):])

    def send_head(self):
        path = urllib.parse.urlsplit(self.path).path
        if not path.startswith(self.prefix):
            return self._not_found()
        local = Path(self.translate_path(self.path))
        if local.is_dir() and not path.endswith("/"):
            return super().send_head()  # the redirect to the slashed URL, as static hosts do
        if local.is_dir():
            local = local / "index.html"
        if not local.is_file():
            return self._not_found()
        return super().send_head()

    def _not_found(self):
        body = self.not_found.read_bytes() if self.not_found and self.not_found.is_file() else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


@contextlib.contextmanager
def serve_under_prefix(root: Path, prefix: str = "/catalogue/", not_found: Path | None = None):
    """Serve `root` at http://127.0.0.1:<port><prefix>; anything else, or missing, gets the root
    404 page (`not_found`, by default root/404.html) with status 404, as GitHub Pages does.
    Yields the site's URL (ending with the prefix)."""

    class Handler(_PrefixHandler):
        pass

    Handler.prefix = prefix
    Handler.not_found = not_found or root / "404.html"

    def handler(*args, **kwargs):
        return Handler(*args, directory=str(root), **kwargs)

    with local_server(handler) as url:
        yield f"{url}{prefix}"
