"""Where the commands that write into the content folder may write (inside it, and nowhere
else), and how: a whole file or none."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def inside(folder: Path, path: Path) -> bool:
    """Whether `path` lies inside `folder` once `..` and symbolic links are followed."""
    root = Path(os.path.realpath(folder))
    return Path(os.path.realpath(path)).is_relative_to(root)


def write_whole(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file renamed into place: a full disk or a kill
    leaves the old file, or no file, never an empty or half-written one."""
    # mkstemp makes a file only its owner can read: give it the old file's mode, or a usual one.
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
