"""`catalogue` / `python -m generator`: the command line.

Exit codes: 0 success, 1 content errors, 2 usage errors.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from generator.errors import ContentErrors
from generator.load import load_catalogue
from generator.languages import SITE_LANGUAGES
from generator.publish import ConfigurationError
from generator.routes import RouteCollision

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


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
    from generator.plain_language import plain_language_warnings
    from generator.summary import write_summary
    from generator.terms import term_warnings

    try:
        catalogue = load_catalogue(Path(args.content_dir))
        today = dt.datetime.now(dt.timezone.utc).date()
        warnings = sorted(
            content_warnings(catalogue) + term_warnings(catalogue) + plain_language_warnings(catalogue, today)
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


def cmd_build(args: argparse.Namespace) -> int:
    from generator.pipeline import run_pipeline

    summary = run_pipeline(
        content_dir=Path(args.content), out_dir=Path(args.out), languages=args.lang or list(SITE_LANGUAGES),
        progress=not args.quiet,
    )
    print(f"Site construit dans {args.out}/ : {summary.pages} pages en {len(summary.languages)} langues.")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from generator.serve import serve

    serve(Path(args.content), languages=args.lang or list(SITE_LANGUAGES), port=args.port)
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from generator.scaffold import new_action, new_territory

    content = Path(args.content)
    created = new_territory(content, args.slug) if args.kind == "territory" else new_action(content, args.territory, args.slug)
    print(f"Créé : {created}. Remplissez chaque champ, puis lancez « catalogue validate ».")
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from generator.reference import reference_text
    from generator.schema import write_schemas

    for path in write_schemas(Path(args.content) / "_schema"):
        print(f"Écrit : {path}")
    reference = Path(args.content) / "README.md"
    reference.write_text(reference_text(), encoding="utf-8")
    print(f"Écrit : {reference}")
    return EXIT_OK


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
    serve.add_argument("--port", type=int, default=8000)
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
    except Exception as exc:  # a bug of ours: say so plainly, keep the traceback for --debug
        if args.debug:
            raise
        print(f"Erreur interne : {type(exc).__name__}: {exc}\nRelancez avec --debug et signalez-la.", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
