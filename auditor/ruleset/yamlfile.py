"""YAML loading that remembers where every value was written.

Rule files are written by people; an error has to say `file:line: what is
wrong, and how to fix it`. PyYAML's node tree knows the line of every value,
so we build plain Python data from the nodes and keep a map from each path
(('cases', 0, 'rows')) to its line. Anchors and aliases are refused: rule files
do not need them, and refusing them closes the door on alias bombs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from auditor.ruleset.foreign import os_reason, scalar_problem, yaml_context, yaml_problem
from auditor.ruleset.said import Said, said, verbatim


class RuleFileError(Exception):
    """A problem in a rule, profile or lexicon file, located at `path:line`.

    `text(lang)` says it in Chinese or English; `str()` and `message` are the English.
    """

    def __init__(self, path: str | Path | Said, line: int | None, message: str | Said):
        self.said = message if isinstance(message, Said) else verbatim(message)
        self.place = path if isinstance(path, Said) else verbatim(str(path))
        self.path, self.line, self.message = str(path), line, str(self.said)
        super().__init__(str(self))

    def text(self, lang: str = "en") -> str:
        """`file:line: what is wrong, and how to fix it` in `lang` (zh or en)."""
        place = self.place.text(lang)
        where = f"{place}:{self.line}" if self.line else place
        return f"{where}: {self.said.text(lang)}"

    def __str__(self) -> str:
        return self.text("en")

    def __reduce__(self):
        """Pickled whole (a worker process may raise it), not as the one English text Exception keeps."""
        return type(self), (self.place, self.line, self.said)


MAX_NODES = 50_000
#: libyaml's C parser when PyYAML was built with it (several times faster), else the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(path: Path, text: str | None = None) -> tuple[Any, dict[tuple, int]]:
    """Data of a YAML file and a map from each path inside it to its 1-based line."""
    if text is None:
        text = _read_utf8(path)
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        opened: Said | str = ""
        if exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            opened = said("yaml.opened", context=yaml_context(exc.context), line=exc.context_mark.line + 1)
        raise RuleFileError(path, line, said("yaml.syntax", problem=yaml_problem(exc.problem), opened=opened)) from None
    except yaml.reader.ReaderError as exc:  # NOTE: not a MarkedYAMLError: it knows a position, not a line
        line = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else None
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise RuleFileError(path, line, said("yaml.char", char=char)) from None
    except yaml.YAMLError as exc:
        raise RuleFileError(path, None, said("yaml.error", error=str(exc))) from None
    lines: dict[tuple, int] = {}
    if node is None:
        return None, lines
    state = {"count": 0, "seen": set(), "constructor": yaml.constructor.SafeConstructor()}
    return _build(node, (), lines, path, state), lines


def _build(node: yaml.Node, at: tuple, lines: dict, path: Path, state: dict) -> Any:
    state["count"] += 1
    if state["count"] > MAX_NODES:
        raise RuleFileError(path, node.start_mark.line + 1, said("yaml.too_many", n=MAX_NODES))
    if id(node) in state["seen"]:
        # NOTE: the composer hands an alias (*name) back as the very node it names
        raise RuleFileError(path, node.start_mark.line + 1, said("yaml.alias"))
    state["seen"].add(id(node))
    lines.setdefault(at, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise RuleFileError(path, key_node.start_mark.line + 1, said("yaml.plain_key"))
            key = _scalar(key_node, state, path)
            if not isinstance(key, (str, int)):
                raise RuleFileError(path, key_node.start_mark.line + 1, said("yaml.plain_key"))
            if key in out:
                raise RuleFileError(path, key_node.start_mark.line + 1, said("yaml.key_twice", key=key))
            lines[at + (key,)] = key_node.start_mark.line + 1
            out[key] = _build(value_node, at + (key,), lines, path, state)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, at + (i,), lines, path, state) for i, item in enumerate(node.value)]
    return _scalar(node, state, path)


def _scalar(node: yaml.ScalarNode, state: dict, path: Path) -> Any:
    """The Python value of a scalar; a value its tag cannot take (!!int abc, 2023-02-30) is a located error."""
    try:
        return state["constructor"].construct_object(node, deep=True)
    except Exception as exc:  # noqa: BLE001
        # NOTE: PyYAML's constructors raise ValueError, IndexError, AttributeError, ... on a value
        # their tag cannot take (2023-02-30, an empty !!int or !!timestamp), not only YAMLError
        problem = getattr(exc, "problem", None) or str(exc) or type(exc).__name__
        raise RuleFileError(
            path,
            node.start_mark.line + 1,
            said("yaml.bad_scalar", value=repr(node.value), problem=scalar_problem(problem)),
        ) from None


def _read_utf8(path: Path) -> str:
    """The file's text; bytes that are not UTF-8 are an error at the line that holds them."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RuleFileError(path, None, said("file.unreadable", reason=os_reason(exc))) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise RuleFileError(path, line, said("yaml.not_utf8", byte=f"{data[exc.start]:#04x}")) from None


def line_of(lines: dict[tuple, int], loc: tuple) -> int | None:
    """The line of the deepest path prefix that was written in the file."""
    loc = tuple(loc)
    while loc:
        if loc in lines:
            return lines[loc]
        loc = loc[:-1]
    return lines.get(())
