"""Open data: the catalogue as files anyone can reuse, written into the site at each build.

    data/<territory>.json                 the territory and every action, public and administrative fields
    data/<territory>.csv                  the same actions, one row each (columns: COLUMNS, README.md)
    data/all.json                         every territory and every action
    data/data-inclusion/services.json     actions for newcomers, in the data·inclusion v1 schema
    data/data-inclusion/structures.json   their operators (or the coordinating institution)

Everything is in French, the language the content is written in. Nothing is guessed: a value the
content does not give stays empty (null). The output only depends on the content and the build
date (each action's status) — sorted keys and rows, no clock — so two builds of the same content
for the same date give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from generator import routes
from generator.models import Catalogue
from generator.opendata.catalogue import (  # noqa: F401 (the open data's public names)
    COLUMNS,
    FIELD_COLUMNS,
    PRIVATE_FIELDS,
    action_row,
    action_status,
    rows_to_csv,
    territory_record,
    territory_rows,
)
from generator.opendata.data_inclusion import (  # noqa: F401
    PUBLICS,
    THEMATIQUES,
    data_inclusion,
    folded_name,
    is_placeholder_operator,
    service,
)


# --- Writing ---


def _json(data) -> str:
    # Compact: these files are read by programs, and indentation made a third of their bytes.
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def write_open_data(catalogue: Catalogue, site_dir: Path, build_date: dt.date) -> None:
    """Write every open-data file of the catalogue into `site_dir/data/`, statuses as on `build_date`."""
    # The loader refuses a territory named like the national file (routes.RESERVED_NAMES).
    records, all_rows = [], []
    for slug in sorted(catalogue.territories):
        territory = catalogue.territories[slug]
        record, rows = territory_record(territory), territory_rows(territory, build_date)
        _write(site_dir / routes.territory_data(slug, "json"), _json({"territoire": record, "actions": rows}))
        _write(site_dir / routes.territory_data(slug, "csv"), rows_to_csv(rows))
        records.append(record)
        all_rows.extend(rows)
    _write(site_dir / routes.national_data(), _json({"territoires": records, "actions": all_rows}))
    services, structures = data_inclusion(catalogue, build_date)
    _write(site_dir / routes.data_inclusion("services"), _json(services))
    _write(site_dir / routes.data_inclusion("structures"), _json(structures))
