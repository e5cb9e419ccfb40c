"""Routes (generator/routes.py): links to files, page addresses, reserved names, collisions."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import routes
from generator.pipeline import run_pipeline

FIXTURE_CONTENT = Path(__file__).resolve().parent / "fixtures" / "valid_content"


def test_link_to_a_file_from_a_page():
    assert routes.relative_file("metz/", "../data/metz.csv") == "../../data/metz.csv"
    assert routes.relative_file("", "../data/all.json") == "../data/all.json"
    assert routes.relative_file("metz/", "metz/x.json") == "x.json"


@pytest.mark.parametrize(
    "source,address",
    [("index.md", ""), ("metz/index.md", "metz/"), ("metz/atelier.md", "metz/atelier/"),
     ("metz/themes/francais.md", "metz/themes/francais/"), ("recherche/index.md", "recherche/")],
)
def test_page_address_as_mkdocs_makes_it(source, address):
    assert routes.address_of(source) == address


def test_two_pages_at_one_address_fail_in_french():
    with pytest.raises(routes.RouteCollision, match=r"« fr/metz/ » : metz/index\.md et metz/index\.md"):
        routes.check_unique(["index.md", "metz/index.md", "metz/atelier.md", "metz/index.md"], "fr")
    with pytest.raises(routes.RouteCollision, match="même adresse"):
        routes.check_unique(["metz/atelier.md", "metz/atelier/index.md"], "fr")
    routes.check_unique(["index.md", "metz/index.md", "metz/atelier.md"], "fr")


def test_reserved_names_are_refused_with_the_list():
    problem = routes.reserved_problem("recherche")
    assert problem and "nom réservé" in problem and "mes-fiches" in problem and "completude" in problem
    assert routes.reserved_problem("metz") is None


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("routes") / "site"
    run_pipeline(FIXTURE_CONTENT, out, ["fr"], progress=False)
    return out


def test_every_name_the_site_uses_beside_slugs_is_reserved(fixture_site):
    """A new page kind or folder must be added to the reserved names, or a slug could hide it."""
    territories = {path.name for path in FIXTURE_CONTENT.iterdir() if path.is_dir() and not path.name.startswith("_")}
    language = fixture_site / "fr"

    def names(folder: Path, slugs: set[str]) -> set[str]:
        return {path.name.split(".")[0] for path in folder.iterdir()} - slugs - {""}

    unreserved = names(fixture_site, {"fr"}) | names(language, territories) | names(fixture_site / "data", territories)
    for slug in territories:
        actions = {path.name.split(".")[0] for path in (FIXTURE_CONTENT / slug / "actions").glob("*.yml")}
        unreserved |= names(language / slug, actions)
    assert unreserved - routes.RESERVED_NAMES == set()
    assert routes.reserved_problem("fr") is not None  # language folders too
