"""The YAML library's errors, told as plain advice in French, at the line where the fix goes."""

from __future__ import annotations

import yaml

_Loader = yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader
QUOTE_HINT = 'mettez tout le texte entre guillemets, par exemple : title: "Horaires : 9 h - 12 h"'


def _character_at(text: str, mark) -> str:
    """The character a mark points to (libyaml's messages do not name it)."""
    lines = text.splitlines()
    if mark is None or mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]


def _quoted_text_ending_at(text: str, mark) -> yaml.ScalarToken | None:
    """The quoted text that ends just before `mark`, on its line: what the parser stumbled on
    right after a quote closed where the writer did not mean it to."""
    found = None
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if token.start_mark.index >= mark.index:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'"):
                found = token
    except yaml.YAMLError:
        pass
    if found is None or found.end_mark.line != mark.line:
        return None
    between = text.splitlines()[mark.line][found.end_mark.column : mark.column]
    return found if not between.strip() else None


def _quote_advice(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str] | None:
    """A quote left open many lines above, or a quote inside a quoted text, told where it is."""
    quoted = _quoted_text_ending_at(text, exc.problem_mark) if exc.problem_mark else None
    if quoted is None:
        return None
    if quoted.start_mark.line < quoted.end_mark.line:
        return quoted.start_mark.line + 1, (
            f"guillemet non refermé : le texte ouvert par le guillemet de cette ligne continue jusqu'à la ligne"
            f" {quoted.end_mark.line + 1}. Ajoutez le guillemet de fin à la fin de ce texte"
        )
    return quoted.start_mark.line + 1, (
        f"guillemet {quoted.style} au milieu d'un texte entre guillemets : il termine le texte trop tôt."
        " Écrivez les guillemets intérieurs « ainsi », ou entourez le texte de l'autre sorte de guillemets"
        " (par exemple : abstract: 'Un atelier \"fictif\"')"
    )


def yaml_advice(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """(line, advice) for a YAML syntax error of `text`."""
    problem = exc.problem or ""
    context = exc.context or ""
    problem_line = exc.problem_mark.line + 1 if exc.problem_mark else 1
    context_line = exc.context_mark.line + 1 if exc.context_mark else problem_line
    character = _character_at(text, exc.problem_mark)
    if "\t" in problem or ("cannot start any token" in problem and character == "\t"):
        return problem_line, "tabulation interdite : faites les retraits avec des espaces, jamais avec la touche Tab"
    if "while scanning an alias" in context or "while scanning an anchor" in context:
        sign = "*" if "alias" in context else "&"
        return problem_line, f"un texte ne peut pas commencer par « {sign} » sans guillemets : {QUOTE_HINT}"
    if "block scalar" in context:
        return problem_line, (
            "après « | » ou « > », le texte commence à la ligne suivante, en retrait ;"
            f" ou bien, sur une seule ligne, {QUOTE_HINT}"
        )
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
    if (advice := _quote_advice(exc, text)) is not None:
        return advice
    if "block end" in problem or "expected key" in problem or "'-' indicator" in problem or "block mapping" in context:
        return problem_line, (
            "retrait incorrect : alignez cette ligne sur les autres clés du même bloc (mêmes espaces au début) ;"
            " un texte qui commence par un guillemet doit aussi finir par un guillemet"
        )
    return problem_line, f"syntaxe YAML incorrecte ({problem}) : vérifiez les retraits, les « : » et les guillemets"
