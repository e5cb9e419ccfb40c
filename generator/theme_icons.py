"""The theme's icons, in one file every page links to, instead of a copy inside every page.

The theme's templates and the generator's inline each icon's SVG (generator/render.py's
`icon`, the header, the language menu): 4 KB of every page, eight times per fiche. The
build writes the icons they can use once, as the symbols of one SVG file (`assets/icons.<digest>.svg`,
named by the digest of its text), and generator/mkdocs_plugin.py replaces each inline copy with
a reference to its symbol (`<svg viewBox="0 0 24 24"><use href="…#name"/></svg>`), which the
theme's CSS sizes and colours as before. Which icons: every `material/<name>` the templates and
the generator's Python code name, whatever the content; the same sources give the same file.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from generator.render import MATERIAL_ICONS
from generator.theme_css import GENERATOR_DIR, PROJECT_DIR, THEME_DIR

_NAME = re.compile(r"\bmaterial/[a-z0-9-]+")
# How Material ships an icon, and so how it is inlined.
_ICON = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">(.*)</svg>', re.S)
FOLDER = "assets"


def _sources() -> list[Path]:
    files = [PROJECT_DIR / "mkdocs.yml"]
    files += sorted(THEME_DIR.rglob("*.html"))
    files += [path for path in sorted(GENERATOR_DIR.rglob("*")) if path.suffix in (".py", ".j2") and "site_admin" not in path.parts]
    return files


@dataclass(frozen=True)
class Sprite:
    """The icons' file: its path under the site's root, its text, and each inline icon's symbol."""

    path: str
    text: str
    symbols: dict[str, str]  # an icon's inline SVG → its symbol's id

    def reference(self, inline: str, to_root: str) -> str | None:
        """What replaces `inline` in a page whose way to the site's root is `to_root`; None for
        an SVG that is not one of the sprite's icons."""
        symbol = self.symbols.get(inline)
        if symbol is None:
            return None
        return f'<svg viewBox="0 0 24 24"><use href="{to_root}{self.path}#{symbol}"/></svg>'


def sprite() -> Sprite:
    """The sprite of the icons the sources name (a few milliseconds: read again for each build)."""
    names = sorted({name for path in _sources() for name in _NAME.findall(path.read_text(encoding="utf-8"))})
    symbols, parts = {}, []
    for name in names:
        file = MATERIAL_ICONS / f"{name}.svg"
        if not file.is_file():
            continue  # a word that looks like an icon's name in a comment
        inline = file.read_text(encoding="utf-8")
        shape = _ICON.fullmatch(inline.strip())
        if shape is None:
            continue  # not a 24 × 24 icon: stays inline
        symbol = name.removeprefix("material/")
        symbols[inline] = symbol
        parts.append(f'<symbol id="{symbol}" viewBox="0 0 24 24">{shape.group(1)}</symbol>')
    text = '<svg xmlns="http://www.w3.org/2000/svg">' + "".join(parts) + "</svg>\n"
    path = f"{FOLDER}/icons.{hashlib.sha256(text.encode()).hexdigest()[:10]}.svg"
    return Sprite(path=path, text=text, symbols=symbols)


def write_sprite(site_root: Path, made: Sprite) -> None:
    target = site_root / made.path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(made.text, encoding="utf-8")
