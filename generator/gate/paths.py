"""Where the commands that write into the content folder may write: inside it, and nowhere else."""

from __future__ import annotations

import os
from pathlib import Path


def inside(folder: Path, path: Path) -> bool:
    """Whether `path` lies inside `folder` once `..` and symbolic links are followed."""
    root = Path(os.path.realpath(folder))
    return Path(os.path.realpath(path)).is_relative_to(root)
