"""Stage 6, publish: put a finished build in place of the previous site, all at once.

The build happens in a staging folder beside the output folder (same file system, so the
swap is two renames). Until the swap, the previous site is untouched; a failed build is
removed and the previous site stays as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


def staging_dir(out_dir: Path) -> Path:
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-building-", dir=out_dir.parent))


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


def publish(staging: Path, out_dir: Path) -> None:
    """Replace `out_dir` by `staging`."""
    previous = None
    if out_dir.exists():
        previous = out_dir.with_name(f".{out_dir.name}-previous")
        shutil.rmtree(previous, ignore_errors=True)
        out_dir.rename(previous)
    staging.rename(out_dir)
    if previous:
        shutil.rmtree(previous, ignore_errors=True)
