"""The Content Security Policy of every page, written here only.

Scripts, styles, images and requests come from the site itself, so nothing from the content could
run even if it slipped past escaping. The theme's pages allow two inline scripts, those
Material's base.html writes, by their SHA-256: partials/javascripts/base.html, whose text holds
`base_url` (one hash per page depth), and partials/javascripts/content.html. A Material upgrade
that changes them fails tests/test_site_integrity.py, which prints the new hashes to paste here.
'wasm-unsafe-eval' lets Pagefind (the search) compile its WebAssembly; form-action 'self' lets
the search form open the search page when JavaScript is off.
"""

from __future__ import annotations

# Material's inline script of partials/javascripts/base.html, by page depth (`base_url`).
THEME_SCOPE_HASHES = {
    ".": "sha256-apoQPHefCNWjxbCm+HzVDOAW4CSVWhY7VylQjgOFyfk=",
    "..": "sha256-/K9p2JtEqCycL2fSbEonMakkteWpAHv57x2wndLqMNo=",
    "../..": "sha256-/nhm8p50KJxvwWLggwJ1OF8Xgq5W/b3iKECITLASfOg=",
    "../../..": "sha256-0GFu787/AB2fAMyxux7Dp8eiOR0gFInKosPAeAkszqQ=",
    "../../../..": "sha256-R6QAiGbHUYQHe1uKKd5diM8jOpDBBVRx5uZFSQ2tjVI=",
}
# Material's inline script of partials/javascripts/content.html.
THEME_CONTENT_HASH = "sha256-/8wPdzX9q0NNJXyA5lzsLojXFpkeaXVxhbfkUOQaWy8="


def _policy(scripts: str, *, theme: bool) -> str:
    directives = [("default-src", "'self'"), ("script-src", scripts), ("style-src", "'self'"), ("img-src", "'self' data:")]
    if theme:  # Material's fonts, Pagefind's index requests and its worker
        directives += [("font-src", "'self'"), ("connect-src", "'self'"), ("worker-src", "'self'")]
    directives += [("object-src", "'none'"), ("base-uri", "'self'"), ("form-action", "'self'" if theme else "'none'")]
    return "; ".join(f"{name} {value}" for name, value in directives)


# The language picker and the fiches' language choice: their own script file only.
ROOT_PAGES = _policy("'self'", theme=False)
# The root 404 page: no script at all.
NOT_FOUND_PAGE = _policy("'none'", theme=False)
# The web editor at /admin/: its script from this site only, and GitHub's API (the repository it
# reads and commits to). No other origin: no font, analytics or CDN. Sveltia injects its styles,
# hence 'unsafe-inline' for styles only; blob: and data: are its previews, and its built-in logo
# (a data: URL), which it reads to make its app icons.
EDITOR_PAGE = "; ".join((
    "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
    "font-src 'self'", "connect-src 'self' data: https://api.github.com", "media-src 'self' blob:",
    "worker-src 'self' blob:", "frame-src 'self' blob:", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
))


def theme_policies() -> dict[str, str]:
    """The theme's policy at each page depth (`base_url`), for theme/main.html."""
    return {
        base: _policy(f"'self' 'wasm-unsafe-eval' '{scope}' '{THEME_CONTENT_HASH}'", theme=True)
        for base, scope in THEME_SCOPE_HASHES.items()
    }
