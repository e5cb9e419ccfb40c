"""The theme's one stylesheet (generator/theme_css.py): Material's without the rules no page can
use, then ours. Pages look exactly as they did with Material's whole stylesheet: in Chromium,
every element of every kind of page, and its ::before, ::after and ::marker, has the same
computed style, in French and Arabic, on a phone and a desktop screen, with the drawer, the
language menu and the folded blocks open, with search results and saved fiches (what our scripts
add), and printed. The stylesheet is the same for the same sources."""

from __future__ import annotations

import pytest

from generator import theme_css
from generator.load import load_catalogue

from conftest import CATALOGUE

# The computed style of each element of the page and of its pseudo-elements, one digest each:
# every property but the custom ones (--md-…), which only matter through the others.
STYLE_DIGESTS = """() => {
  const digest = (text) => { let h = 2166136261; for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 16777619); } return h >>> 0; };
  const out = [];
  for (const element of [document.documentElement, ...document.documentElement.querySelectorAll('*')]) {
    const classes = typeof element.className === 'string' && element.className ? '.' + element.className.trim().split(/\\s+/).join('.') : '';
    const name = element.tagName.toLowerCase() + classes;
    for (const pseudo of [null, '::before', '::after', '::marker']) {
      const style = getComputedStyle(element, pseudo);
      let text = '';
      // A pseudo-element without content (or a ::marker without list item) has no box: its
      // other properties show nothing.
      const absent = pseudo === '::marker' ? getComputedStyle(element).display !== 'list-item'
        : pseudo !== null && ['none', 'normal'].includes(style.content);
      if (absent) text = 'absent';
      else for (let i = 0; i < style.length; i++) { if (!style[i].startsWith('--')) text += style[i] + ':' + style.getPropertyValue(style[i]) + ';'; }
      out.push([name + (pseudo || ''), digest(text)]);
    }
  }
  return out;
}"""

# One element's computed style, for the message of a difference.
STYLE_OF = """([index, pseudo]) => {
  const element = [document.documentElement, ...document.documentElement.querySelectorAll('*')][index];
  const style = getComputedStyle(element, pseudo);
  const values = {};
  for (let i = 0; i < style.length; i++) { if (!style[i].startsWith('--')) values[style[i]] = style.getPropertyValue(style[i]); }
  return values;
}"""

PSEUDOS = [None, "::before", "::after", "::marker"]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
FICHE = "port-exemple/cours-francais/"


@pytest.fixture(scope="module")
def whole_material_css() -> str:
    """What the pages linked before: Material's two stylesheets, then ours, in that order."""
    material = "".join(theme_css._material_stylesheet(p).read_text(encoding="utf-8") for p in theme_css.MATERIAL_STYLESHEETS)
    return material + "\n" + theme_css.OWN_STYLESHEET.read_text(encoding="utf-8")


def _settled(page) -> None:
    page.wait_for_function("() => document.getAnimations().length === 0")


def _open_everything(page):
    """The drawer, the language menu and every folded block, open at once."""
    page.locator("#__drawer").evaluate("input => { input.checked = true; }")
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    page.locator(".md-header__option .md-select > button").focus()


def _search(page):
    """Search results, which search.js adds to the page: a word of a fiche's title in the page's language."""
    lang = page.locator("html").get_attribute("lang")
    action = load_catalogue(CATALOGUE).territories["port-exemple"].actions["atelier-emploi"]
    title = action.model.title if lang == "fr" else action.translations[lang].model.title
    page.fill("#catalogue-q", max(title.split(), key=len).strip("«»()'’.,:;"))
    page.click("form.catalogue-search button")
    page.wait_for_selector(".catalogue-search__list a")
    page.wait_for_selector(".catalogue-search__results[aria-busy=false]")


def _print_two_languages(page):
    page.emulate_media(media="print")
    page.evaluate("document.body.classList.add('print-bilingual')")


# (language, path, screen, what is done on the page before its styles are compared)
CASES = [
    *((lang, path, PHONE, None) for lang in ("fr", "ar") for path in (
        "", "port-exemple/", FICHE, "port-exemple/atelier-emploi/", "port-exemple/themes/travail/",
        "recherche/", "mes-fiches/", "port-exemple/completude/", "404.html")),
    ("fr", FICHE, DESKTOP, None),
    ("ar", "port-exemple/", DESKTOP, None),
    *((lang, path, PHONE, _open_everything) for lang in ("fr", "ar") for path in (FICHE, "port-exemple/")),
    ("fr", "port-exemple/", PHONE, _search),
    ("ar", "port-exemple/", PHONE, _search),
    ("fr", FICHE, PHONE, _print_two_languages),
    ("ar", FICHE, PHONE, _print_two_languages),
]


def _styles(chromium, url: str, screen: dict, action, stylesheet: str | None, saved: list | None = None):
    context = chromium.new_context(viewport=screen)
    if stylesheet is not None:
        context.route("**/assets/stylesheets/catalogue.*.css", lambda route: route.fulfill(body=stylesheet, content_type="text/css"))
    page = context.new_page()
    if saved is not None:
        page.add_init_script(f"localStorage.setItem('catalogue-fiches', JSON.stringify({saved!r}))")
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if action:
        action(page)
    _settled(page)
    digests = page.evaluate(STYLE_DIGESTS)
    return context, page, digests


def _compare(chromium, url, screen, action, reference_css, saved=None) -> list[str]:
    ours_context, ours, our_digests = _styles(chromium, url, screen, action, None, saved)
    ref_context, reference, ref_digests = _styles(chromium, url, screen, action, reference_css, saved)
    try:
        assert [name for name, _ in our_digests] == [name for name, _ in ref_digests], "not the same elements"
        problems = []
        for index, ((name, mine), (_, theirs)) in enumerate(zip(our_digests, ref_digests)):
            if mine != theirs and len(problems) < 5:
                element, pseudo = divmod(index, len(PSEUDOS))
                a = ours.evaluate(STYLE_OF, [element, PSEUDOS[pseudo]])
                b = reference.evaluate(STYLE_OF, [element, PSEUDOS[pseudo]])
                differences = {key: (a.get(key), b.get(key)) for key in sorted(set(a) | set(b)) if a.get(key) != b.get(key)}
                problems.append(f"{name}: {differences}")
        return problems
    finally:
        ours_context.close()
        ref_context.close()


@pytest.mark.parametrize(
    "lang,path,screen,action", CASES,
    ids=[f"{lang}-{path or 'home'}-{screen['width']}-{action.__name__.strip('_') if action else 'plain'}" for lang, path, screen, action in CASES],
)
def test_pages_look_the_same_as_with_materials_whole_stylesheet(chromium, site_url, whole_material_css, lang, path, screen, action):
    problems = _compare(chromium, f"{site_url}/{lang}/{path}", screen, action, whole_material_css)
    assert not problems, "\n".join(problems)


def test_saved_fiches_look_the_same(chromium, site_url, whole_material_css):
    saved = [{"url": f"{site_url}/fr/{FICHE}", "title": "Apprendre le français", "lang": "fr"}]
    problems = _compare(chromium, f"{site_url}/fr/mes-fiches/", PHONE, None, whole_material_css, saved)
    assert not problems, "\n".join(problems)


def test_the_stylesheet_is_small_and_the_same_for_the_same_sources(built_site):
    (path,) = sorted((built_site / "assets" / "stylesheets").glob("*.css"))
    assert path.relative_to(built_site).as_posix() == theme_css.stylesheet_name()
    text = path.read_text(encoding="utf-8")
    assert text == theme_css.stylesheet_text()
    own = theme_css.OWN_STYLESHEET.read_text(encoding="utf-8")
    assert text.endswith("\n" + own)
    # Of Material's, the features the catalogue leaves off are gone; what it uses is there.
    material_part = text[: -len(own)]
    assert ".md-search" not in material_part and ".md-tabs" not in material_part and "scheme=slate" not in material_part
    assert ".md-header" in material_part and ".md-select__inner" in material_part
    material = sum(theme_css._material_stylesheet(p).stat().st_size for p in theme_css.MATERIAL_STYLESHEETS)
    assert len(text.encode()) < material / 2
    # Every page links to it, and to no other stylesheet.
    for page in (built_site / "fr").rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        assert html.count('rel="stylesheet"') == 1 and path.name in html, page
