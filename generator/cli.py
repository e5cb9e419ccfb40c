"""`catalogue` / `python -m generator`: the command line.

Exit codes: 0 success, 1 content errors, 2 usage errors (an option, the environment, a folder
that cannot be written), 3 a bug of the generator itself: nothing a person types or writes may
lead to it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from generator.errors import (
    DISK_REFUSALS,
    SYSTEM_REASONS,
    ConfigurationError,
    ContentErrors,
    display_path,
    refused_path,
    system_reason,
)
from generator.load import load_catalogue
from generator.languages import SITE_LANGUAGES
from generator.routes import RouteCollision

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3
# The open data's columns, documented from the code that makes them (`catalogue schema`).
OPEN_DATA_COLUMNS = Path(__file__).resolve().parent.parent / "docs" / "open-data-columns.md"

# argparse's own messages, for what a person can type wrong: the command line speaks French too.
ARGPARSE_FRENCH = {
    "usage: ": "utilisation : ",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "argument %(argument_name)s: %(message)s": "option %(argument_name)s : %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "choix « %(value)s » inconnu (choisissez parmi %(choices)s)",
    "invalid %(type)s value: %(value)r": "valeur « %(value)s » invalide (%(type)s attendu)",
    "the following arguments are required: %s": "il manque : %s",
    "unrecognized arguments: %s": "options inconnues : %s",
    "expected one argument": "une valeur est attendue après cette option",
    "expected at least one argument": "au moins une valeur est attendue",
    "expected at most one argument": "au plus une valeur est attendue",
    "ambiguous option: %(option)s could match %(matches)s": "option ambiguë : %(option)s peut être %(matches)s",
    "ignored explicit argument %r": "valeur %r inattendue",
    "not allowed with argument %s": "impossible avec l'option %s",
    "one of the arguments %s is required": "l'une de ces options est demandée : %s",
    "show this help message and exit": "afficher cette aide",
    "positional arguments": "arguments",
}
argparse._ = lambda text: ARGPARSE_FRENCH.get(text, text)


def _report(errors: ContentErrors) -> int:
    for error in errors.errors:
        print(error, file=sys.stderr)
    count = len(errors.errors)
    print(
        f"\n{count} erreur{'s' if count > 1 else ''} à corriger. Rien n'a été publié.",
        file=sys.stderr,
    )
    return EXIT_CONTENT


def cmd_validate(args: argparse.Namespace) -> int:
    from generator.checks import content_warnings
    from generator.gate.catalogs import interface_catalog_errors
    from generator.gate.consistency import contract_period_warnings
    from generator.gate.contacts import mobile_warnings
    from generator.gate.marks import unused_mark_warnings
    from generator.i18n import LOCALES_DIR
    from generator.plain_language import plain_language_warnings
    from generator.summary import write_summary
    from generator.terms import term_warnings

    catalog_errors = interface_catalog_errors(LOCALES_DIR, SITE_LANGUAGES)
    try:
        try:
            catalogue = load_catalogue(Path(args.content_dir))
        except ContentErrors as errors:
            raise ContentErrors(errors.errors + catalog_errors) from None
        if catalog_errors:
            raise ContentErrors(catalog_errors)
        today = dt.datetime.now(dt.timezone.utc).date()
        warnings = sorted(
            content_warnings(catalogue) + term_warnings(catalogue) + plain_language_warnings(catalogue, today)
            + mobile_warnings(catalogue) + unused_mark_warnings(catalogue) + contract_period_warnings(catalogue)
        )
    except ContentErrors as errors:
        if args.summary:
            write_summary(Path(args.summary), errors.errors, [])
        return _report(errors)
    actions = sum(len(t.actions) for t in catalogue.territories.values())
    print(f"Contenu valide : {len(catalogue.territories)} territoires, {actions} actions.")
    if warnings:
        count = len(warnings)
        print(f"\n{count} avertissement{'s' if count > 1 else ''} (ils ne bloquent pas la publication) :")
        for warning in warnings:
            print(warning)
    if args.summary:
        write_summary(Path(args.summary), [], warnings)
    return EXIT_OK


def _languages(parser: argparse.ArgumentParser, chosen: list[str] | None) -> list[str]:
    repeated = sorted({lang for lang in chosen or [] if chosen.count(lang) > 1})
    if repeated:
        parser.error(f"--lang {', '.join(repeated)} est donnée plusieurs fois : donnez chaque langue une seule fois")
    return chosen or list(SITE_LANGUAGES)


def cmd_build(args: argparse.Namespace) -> int:
    from generator.pipeline import run_pipeline
    from generator.settings import Settings

    summary = run_pipeline(
        content_dir=Path(args.content), out_dir=Path(args.out), languages=args.lang, progress=not args.quiet,
        settings=Settings.read(),
    )
    print(f"Site construit dans {args.out}/ : {summary.pages} pages en {len(summary.languages)} langues.")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from generator.serve import serve

    serve(Path(args.content), languages=args.lang, port=args.port)
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from generator.scaffold import new_action, new_territory

    content = Path(args.content)
    created = new_territory(content, args.slug) if args.kind == "territory" else new_action(content, args.territory, args.slug)
    print(f"Créé : {created}. Remplissez chaque champ, puis lancez « catalogue validate ».")
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from generator.opendata.catalogue import columns_text
    from generator.reference import reference_text
    from generator.schema import write_schemas

    for path in write_schemas(Path(args.content) / "_schema"):
        print(f"Écrit : {path}")
    reference = Path(args.content) / "README.md"
    reference.write_text(reference_text(), encoding="utf-8")
    print(f"Écrit : {reference}")
    OPEN_DATA_COLUMNS.write_text(columns_text(), encoding="utf-8")
    print(f"Écrit : {display_path(OPEN_DATA_COLUMNS)}")
    return EXIT_OK


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"« {text} » : un numéro de port de 1 à 65535 est attendu, par exemple 8000")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="catalogue", description="Catalogue des actions d'accueil et d'intégration : vérifier et construire le site."
    )
    parser.add_argument("--debug", action="store_true", help="afficher le détail des erreurs internes")
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="vérifier le contenu YAML")
    validate.add_argument("content_dir", nargs="?", default="content")
    validate.add_argument(
        "--summary", metavar="FICHIER", help="ajouter les erreurs et avertissements, en Markdown, à ce fichier (résumé GitHub)"
    )
    validate.set_defaults(run=cmd_validate)

    build = commands.add_parser("build", help="construire le site statique")
    build.add_argument("--content", default="content")
    build.add_argument("--out", default="site")
    build.add_argument("--lang", action="append", choices=SITE_LANGUAGES, help="une langue (répétable)")
    build.add_argument("--quiet", action="store_true", help="sans barre de progression")
    build.set_defaults(run=cmd_build)

    serve = commands.add_parser("serve", help="aperçu local, rechargé à chaque modification")
    serve.add_argument("--content", default="content")
    serve.add_argument("--lang", action="append", choices=SITE_LANGUAGES)
    serve.add_argument("--port", type=_port, default=8000)
    serve.set_defaults(run=cmd_serve)

    new = commands.add_parser("new", help="créer un territoire ou une action, avec tous les champs commentés")
    new.add_argument("kind", choices=("territory", "action"))
    new.add_argument("slug", help="nom court : lettres minuscules, chiffres et tirets")
    new.add_argument("--territory", help="le territoire de l'action")
    new.add_argument("--content", default="content")
    new.set_defaults(run=cmd_new)
    from generator.translations import add_arguments

    add_arguments(commands.add_parser("translations", help="suivre et échanger les traductions"))

    schema = commands.add_parser("schema", help="réécrire les schémas JSON (content/_schema/) et la référence content/README.md")
    schema.add_argument("--content", default="content")
    schema.set_defaults(run=cmd_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "new" and args.kind == "action" and not args.territory:
        parser.error("« new action » demande --territory")
    if args.command in ("build", "serve"):
        args.lang = _languages(parser, args.lang)
    try:
        return args.run(args)
    except ContentErrors as errors:
        return _report(errors)
    except RouteCollision as error:
        print(f"Erreur : {error}\nRien n'a été publié.", file=sys.stderr)
        return EXIT_CONTENT
    except ConfigurationError as error:
        print(f"Erreur de configuration : {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `catalogue validate | head`: the reader went away; say nothing more to it.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_USAGE
    except OSError as error:
        if error.errno not in SYSTEM_REASONS or args.debug:
            return _internal_error(error, args.debug)
        path = refused_path(error)
        if path is None and error.errno in DISK_REFUSALS and args.command == "build":
            path = args.out  # a write with no path named: the disk of the output folder refused it
        where = f" « {display_path(Path(path))} »" if path else ""
        print(
            f"Erreur du système{where} : {system_reason(error)}. "
            "Vérifiez le chemin, les droits du dossier, la place libre ou le port, puis relancez. Rien n'a été publié.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    except Exception as error:
        return _internal_error(error, args.debug)


def _internal_error(error: BaseException, debug: bool) -> int:
    """A bug of ours: say so plainly, keep the traceback for --debug."""
    if debug:
        raise error
    print(f"Erreur interne : {type(error).__name__}: {error}\nRelancez avec --debug et signalez-la.", file=sys.stderr)
    return EXIT_BUG


if __name__ == "__main__":
    sys.exit(main())
