"""The size limits of docs/architecture.md, measured with `ast`: a module of generator/ is at most
400 lines, a class 200, a function 60. Templates and generated files are not Python, so not counted."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import REPO

GENERATOR = REPO / "generator"
MAX_MODULE, MAX_CLASS, MAX_FUNCTION = 400, 200, 60


def too_long(root: Path) -> list[str]:
    """Every module, class and function under `root` over its limit."""
    problems = []
    for path in sorted(root.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(root)
        if (lines := len(text.splitlines())) > MAX_MODULE:
            problems.append(f"{name}: {lines} lines (module, at most {MAX_MODULE})")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef):
                limit, kind = MAX_CLASS, "class"
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                limit, kind = MAX_FUNCTION, "function"
            else:
                continue
            length = node.end_lineno - node.lineno + 1
            if length > limit:
                problems.append(f"{name}:{node.lineno} {node.name}: {length} lines ({kind}, at most {limit})")
    return problems


def test_modules_classes_and_functions_stay_within_their_limits():
    assert too_long(GENERATOR) == []


def test_the_measure_finds_a_long_module_class_and_function_in_a_sub_package(tmp_path):
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION))
    module = f"def long():\n{body}\n\n\nclass Short:\n    pass\n" + "\n" * MAX_MODULE
    (tmp_path / "package").mkdir()
    (tmp_path / "package" / "module.py").write_text(module, encoding="utf-8")
    found = too_long(tmp_path)
    assert [problem.split(": ", 1)[0] for problem in found] == ["package/module.py", "package/module.py:1 long"]


ENVIRONMENT_WRITES = re.compile(r"os\.environ\s*\[[^\]]+\]\s*=|os\.environ\.(?:update|setdefault|pop|clear)\(|os\.putenv|del os\.environ")


def test_no_stage_writes_the_environment():
    """Settings are read once (generator/settings.py) and passed down: a stage that wrote
    os.environ would leak into the next build of the same process (`catalogue serve`, tests)."""
    writes = [
        f"{path.relative_to(GENERATOR)}:{number}"
        for path in sorted(GENERATOR.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ENVIRONMENT_WRITES.search(line)
    ]
    assert writes == []


def test_the_environment_write_pattern_finds_each_kind_of_write():
    for line in ('os.environ["X"] = "1"', "os.environ.update(a)", "os.environ.setdefault('X', '1')", "del os.environ['X']"):
        assert ENVIRONMENT_WRITES.search(line), line
    assert not ENVIRONMENT_WRITES.search('value = os.environ.get("X")')
