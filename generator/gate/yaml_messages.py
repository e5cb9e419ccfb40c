"""The YAML library's errors, told as plain advice in French, at the line where the fix goes."""

from __future__ import annotations

import yaml

QUOTE_HINT = 'mettez tout le texte entre guillemets, par exemple : title: "Horaires : 9 h - 12 h"'


def _character_at(text: str, mark) -> str:
    """The character a mark points to (libyaml's messages do not name it)."""
    lines = text.splitlines()
    if mark is None or mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]


def yaml_advice(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """(line, advice) for a YAML syntax error of `text`."""
    problem = exc.problem or ""
    context = exc.context or ""
    problem_line = exc.problem_mark.line + 1 if exc.problem_mark else 1
    context_line = exc.context_mark.line + 1 if exc.context_mark else problem_line
    character = _character_at(text, exc.problem_mark)
    if "\t" in problem or ("cannot start any token" in problem and character == "\t"):
        return problem_line, "tabulation interdite : faites les retraits avec des espaces, jamais avec la touche Tab"
    if "cannot start any token" in problem:
        return problem_line, f"un texte ne peut pas commencer par « {character} » sans guillemets : {QUOTE_HINT}"
    if "quoted scalar" in context:
        # The missing quote is found at the end of the file; where it opened is what to fix.
        return context_line, "guillemet non refermé : ajoutez le guillemet de fin de ce texte, sur la même valeur"
    if "mapping values are not allowed" in problem:
        return problem_line, f"un « : » suivi d'un espace au milieu d'un texte : {QUOTE_HINT}"
    if "could not find expected ':'" in problem:
        return context_line, (
            "il manque « : » après le nom du champ, ou un texte continue sur la ligne suivante sans retrait :"
            f" {QUOTE_HINT}"
        )
    if "flow sequence" in context or "flow mapping" in context:
        closing = "]" if "sequence" in context else "}"
        return context_line, f"« {closing} » manquant : fermez la liste ou le bloc ouvert à cette ligne"
    if "nesting depth" in problem:
        return problem_line, "trop de niveaux imbriqués : écrivez des listes et des blocs simples"
    if "undefined alias" in problem:
        return problem_line, "alias « * » inconnu : écrivez la valeur en entier (le « * » n'est pas un texte permis sans guillemets)"
    if "block end" in problem or "expected key" in problem or "'-' indicator" in problem or "block mapping" in context:
        return problem_line, (
            "retrait incorrect : alignez cette ligne sur les autres clés du même bloc (mêmes espaces au début) ;"
            " un texte qui commence par un guillemet doit aussi finir par un guillemet"
        )
    return problem_line, f"syntaxe YAML incorrecte ({problem}) : vérifiez les retraits, les « : » et les guillemets"
