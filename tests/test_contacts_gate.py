"""Phone numbers in contacts (phonenumbers): a mobile is a warning, not an error, since it often
belongs to a person; links dial E.164, pages show the number as French readers write it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.gate.contacts import is_mobile, phone_display, phone_href

TESTS = Path(__file__).resolve().parent
VALID_CONTENT = TESTS / "fixtures" / "valid_content"


@pytest.mark.parametrize("number", ["06 12 34 56 78", "07 81 23 45 67", "+33 6 12 34 56 78", "0033612345678", "06.12.34.56.78"])
def test_french_mobiles_are_recognized(number):
    assert is_mobile(number)


@pytest.mark.parametrize("number", ["03 87 55 50 00", "01 99 00 00 00", "09 70 00 00 00", "08 00 00 00 00", "3949", "+49 30 123456"])
def test_desk_numbers_short_numbers_and_foreign_ones_are_not(number):
    assert not is_mobile(number)


@pytest.mark.parametrize(
    "typed, href, shown",
    [
        ("03 87 55 50 00", "tel:+33387555000", "03 87 55 50 00"),
        ("03.87.55.50.00", "tel:+33387555000", "03 87 55 50 00"),
        ("+33 (0)3 87 55 50 00", "tel:+33387555000", "03 87 55 50 00"),
        ("0387555000", "tel:+33387555000", "03 87 55 50 00"),
        ("+49 30 1234567", "tel:+49301234567", "+49 30 1234567"),
        ("3949", "tel:3949", "3949"),
    ],
)
def test_links_dial_e164_and_pages_show_the_french_way(typed, href, shown):
    assert phone_href(typed) == href
    assert phone_display(typed) == shown


def test_the_built_fiche_links_e164_and_shows_the_french_form(built_site):
    html = (built_site / "fr" / "port-exemple" / "cours-francais" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="tel:\+33298000002"[^>]*>[^<]*02 98 00 00 02', html), "E.164 link with the French display"


def validate(content: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", "validate", str(content)], capture_output=True, text=True, encoding="utf-8", timeout=120
    )


def test_a_mobile_in_a_contact_is_a_warning_that_does_not_block(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(VALID_CONTENT, content)
    fiche = content / "exemple" / "actions" / "atelier-francais.yml"
    fiche.write_text(fiche.read_text(encoding="utf-8").replace('value: "01 99 00 00 00"', 'value: "06 12 34 56 78"'), encoding="utf-8")
    result = validate(content)
    assert result.returncode == 0, result.stderr
    warning = [line for line in result.stdout.splitlines() if "numéro de portable" in line]
    assert len(warning) == 1, result.stdout
    assert warning[0].startswith(f"{fiche}:40: orientation.contacts[1].value: « 06 12 34 56 78 » est un numéro de portable")


def test_a_desk_number_gives_no_such_warning(tmp_path):
    result = validate(VALID_CONTENT)
    assert result.returncode == 0, result.stderr
    assert "numéro de portable" not in result.stdout
