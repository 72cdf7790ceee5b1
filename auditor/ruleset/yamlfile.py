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


class RuleFileError(Exception):
    """A problem in a rule, profile or lexicon file, located at `path:line`."""

    def __init__(self, path: str | Path, line: int | None, message: str):
        self.path, self.line, self.message = str(path), line, message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


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
        opened = ""
        if exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            opened = f" ({exc.context} at line {exc.context_mark.line + 1})"
        raise RuleFileError(
            path, line, f"YAML syntax error: {exc.problem}{opened}; check indentation, colons, brackets and quotes"
        ) from None
    except yaml.reader.ReaderError as exc:  # NOTE: not a MarkedYAMLError: it knows a position, not a line
        line = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else None
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise RuleFileError(
            path, line, f"character {char} is not allowed in YAML; remove it or write it as an escape in double quotes"
        ) from None
    except yaml.YAMLError as exc:
        raise RuleFileError(path, None, f"YAML error: {exc}") from None
    lines: dict[tuple, int] = {}
    if node is None:
        return None, lines
    state = {"count": 0, "seen": set(), "constructor": yaml.constructor.SafeConstructor()}
    return _build(node, (), lines, path, state), lines


def _build(node: yaml.Node, at: tuple, lines: dict, path: Path, state: dict) -> Any:
    state["count"] += 1
    if state["count"] > MAX_NODES:
        raise RuleFileError(path, node.start_mark.line + 1, f"more than {MAX_NODES} values; a rule file is small")
    if id(node) in state["seen"]:
        # NOTE: the composer hands an alias (*name) back as the very node it names
        raise RuleFileError(
            path,
            node.start_mark.line + 1,
            "YAML anchors and aliases (&name, *name) are not allowed in rule files; write the value out in full",
        )
    state["seen"].add(id(node))
    lines.setdefault(at, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise RuleFileError(path, key_node.start_mark.line + 1, "a key must be a plain word")
            key = _scalar(key_node, state, path)
            if not isinstance(key, (str, int)):
                raise RuleFileError(path, key_node.start_mark.line + 1, "a key must be a plain word")
            if key in out:
                raise RuleFileError(path, key_node.start_mark.line + 1, f"key '{key}' is given twice; keep one of them")
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
            f"cannot read the value {node.value!r} ({problem}); quote it to keep it as text, or remove the !!tag",
        ) from None


def _read_utf8(path: Path) -> str:
    """The file's text; bytes that are not UTF-8 are an error at the line that holds them."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RuleFileError(path, None, f"cannot be read ({exc.strerror or exc})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise RuleFileError(
            path, line, f"byte {data[exc.start]:#04x} is not UTF-8 (was the file saved as GBK?); save it as UTF-8"
        ) from None


def line_of(lines: dict[tuple, int], loc: tuple) -> int | None:
    """The line of the deepest path prefix that was written in the file."""
    loc = tuple(loc)
    while loc:
        if loc in lines:
            return lines[loc]
        loc = loc[:-1]
    return lines.get(())
