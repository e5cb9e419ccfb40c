"""The lock files are the versions everyone installs: they must agree with pyproject.toml.

`requirements.lock` (runtime) and `requirements-test.lock` (runtime and the test extras) are made
by `uv pip compile`; README « Mettre à jour les dépendances » says how to regenerate them.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import REPO

LOCKS = {
    "requirements.lock": "uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes -o requirements.lock",
    "requirements-test.lock": (
        "uv pip compile pyproject.toml --extra test --universal --python-version 3.11 --generate-hashes"
        " -c requirements.lock -o requirements-test.lock"
    ),
}


@dataclass
class Pin:
    version: str
    marker: str
    hashes: int = 0
    via: list[str] = field(default_factory=list)


def read_lock(name: str) -> tuple[str, dict[str, list[Pin]]]:
    """The command in the lock's header, and each package's pins (several when markers split it)."""
    text = (REPO / name).read_text(encoding="utf-8")
    command = re.search(r"^#    (uv pip compile .*)$", text, flags=re.MULTILINE).group(1)
    pins: dict[str, list[Pin]] = {}
    current = None
    for line in text.splitlines():
        entry = re.match(r"^([A-Za-z0-9._-]+)==([^ ;\\]+)(?: ; ([^\\]+?))? *\\?$", line)
        if entry:
            current = Pin(entry.group(2), (entry.group(3) or "").strip())
            pins.setdefault(canonicalize_name(entry.group(1)), []).append(current)
        elif current and "--hash=sha256:" in line:
            current.hashes += 1
        elif current and re.match(r"^    #(?:   | via )(\S.*)$", line):
            current.via.append(re.match(r"^    #(?:   | via )(\S.*)$", line).group(1).strip())
    return command, pins


def declared(extra: str | None = None) -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [Requirement(text) for text in project["dependencies"]]
    if extra:
        requirements += [Requirement(text) for text in project["optional-dependencies"][extra]]
    return requirements


@pytest.mark.parametrize("lock, extra", [("requirements.lock", None), ("requirements-test.lock", "test")])
def test_every_declared_dependency_is_locked_at_a_version_it_accepts(lock, extra):
    command, pins = read_lock(lock)
    assert command == LOCKS[lock], "regenerate the lock with the README's command"
    for requirement in declared(extra):
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is in pyproject.toml but not in {lock}: regenerate it"
        for pin in pins[name]:
            assert requirement.specifier.contains(pin.version, prereleases=True), (
                f"{lock} pins {name}=={pin.version}, which pyproject.toml's « {requirement} » refuses: regenerate it"
            )


@pytest.mark.parametrize("lock, extra", [("requirements.lock", None), ("requirements-test.lock", "test")])
def test_nothing_is_locked_as_a_direct_dependency_that_pyproject_does_not_declare(lock, extra):
    _, pins = read_lock(lock)
    names = {canonicalize_name(r.name) for r in declared(extra)}
    direct = {name for name, entries in pins.items() if any("catalogue-ctai (pyproject.toml)" in pin.via for pin in entries)}
    assert direct == names, f"{lock} is older than pyproject.toml: regenerate it"


def test_every_pin_has_a_hash_and_the_test_lock_keeps_the_runtime_versions():
    _, runtime = read_lock("requirements.lock")
    _, test = read_lock("requirements-test.lock")
    for pins in (runtime, test):
        assert all(pin.hashes for entries in pins.values() for pin in entries)
    for name, entries in runtime.items():
        assert [(p.version, p.marker) for p in test[name]] == [(p.version, p.marker) for p in entries], name


def test_the_build_backend_is_pinned_too():
    build = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]
    assert all(re.fullmatch(r"[a-z-]+==[\d.]+", text) for text in build["requires"]), build["requires"]


def test_ci_the_workflow_and_the_readme_install_from_the_locks():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements-test.lock" in ci and "--no-deps" in ci
    workflow = (REPO / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements.lock" in workflow
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "pip install --require-hashes -r requirements.lock" in readme


def test_the_node_tools_are_pinned_exactly_and_locked_with_checksums():
    npm = REPO / ".ci" / "npm"
    wanted = json.loads((npm / "package.json").read_text(encoding="utf-8"))["dependencies"]
    lock = json.loads((npm / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", version) for version in wanted.values()), wanted
    assert lock[""]["dependencies"] == wanted, "package-lock.json is older than package.json: regenerate it"
    for name, version in wanted.items():
        assert lock[f"node_modules/{name}"]["version"] == version, name
    assert all(entry.get("integrity") for path, entry in lock.items() if path), "every locked package has a checksum"
    assert "npm ci --prefix .cache/npm" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
