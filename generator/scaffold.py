"""`catalogue new`: a new territory or action file, every field present and commented."""

from __future__ import annotations

import re
from pathlib import Path

from generator.errors import ContentError, ContentErrors, display_path
from generator.gate.paths import inside, write_whole
from generator.models import (
    SLUG_PATTERN,
    Condition,
    CtaiTheme,
    FrenchLevel,
    Orienter,
    SpecificPublic,
    Theme,
)
from generator.routes import reserved_problem
from generator.templating import SCAFFOLD_DIR, environment

_env = environment(html=False, folder=SCAFFOLD_DIR, keep_trailing_newline=True)


def _choices(enum) -> str:
    return ", ".join(member.value for member in enum)


def _refuse(path: Path, message: str) -> ContentErrors:
    return ContentErrors([ContentError(display_path(path), 1, "", message)])


def _check_slug(slug: str, path: Path, content: Path) -> None:
    if not re.fullmatch(SLUG_PATTERN, slug):
        raise _refuse(path, f"« {slug} » : lettres minuscules sans accent, chiffres et tirets seulement")
    if problem := reserved_problem(slug):
        raise _refuse(path, f"{problem}. Rien n'a été écrit")
    # A folder of the content may be a link to elsewhere: what is written stays in the content.
    if not inside(content, path):
        raise _refuse(path, f"ce fichier serait écrit hors du dossier de contenu « {display_path(content)} » (un lien symbolique ?) : rien n'a été écrit")
    if path.exists():
        raise _refuse(path, "ce fichier existe déjà : il n'a pas été modifié")


def new_territory(content: Path, slug: str) -> Path:
    path = content / slug / "territory.yml"
    _check_slug(slug, path, content)
    # A folder left by an attempt that could not write its file (a full disk) is used again.
    (path.parent / "actions").mkdir(parents=True, exist_ok=True)
    write_whole(path, _env.get_template("territory.yml.j2").render(slug=slug))
    return path


def _contract_ids(territory_file: Path) -> list[str]:
    """The contract ids of a territory file, or none if it cannot be read yet."""
    import yaml

    try:
        data = yaml.safe_load(territory_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []
    contracts = data.get("contracts") if isinstance(data, dict) else None
    return [c["id"] for c in contracts if isinstance(c, dict) and isinstance(c.get("id"), str)] if isinstance(contracts, list) else []


def new_action(content: Path, territory: str, slug: str) -> Path:
    # A territory is a folder name: « ../ailleurs » would write outside the content folder.
    if not re.fullmatch(SLUG_PATTERN, territory):
        raise _refuse(content, f"territoire « {territory} » : lettres minuscules sans accent, chiffres et tirets seulement")
    territory_file = content / territory / "territory.yml"
    if not territory_file.exists():
        raise _refuse(territory_file, f"territoire « {territory} » introuvable : créez-le avec « catalogue new territory {territory} »")
    path = content / territory / "actions" / f"{slug}.yml"
    _check_slug(slug, path, content)
    ids = _contract_ids(territory_file)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_whole(
        path,
        _env.get_template("action.yml.j2").render(
            slug=slug,
            territory=territory,
            # Chosen only when there is no choice to make: one contract.
            contract=ids[0] if len(ids) == 1 else "null",
            contracts=", ".join(ids),
            all_themes=_choices(Theme),
            specific_publics=_choices(SpecificPublic),
            french_levels=_choices(FrenchLevel),
            conditions=_choices(Condition),
            orienters=_choices(Orienter),
            ctai_themes=_choices(CtaiTheme),
        ),
    )
    return path
