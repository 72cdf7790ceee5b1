"""A message about a rule file, said in the language of the run.

A rule-file error is built once, where the problem is found, and shown in
Chinese (the default) or English (`--lang en`). So it carries a key of
`auditor.ruleset.wording` and its values rather than a sentence; a value that is
itself a `Said` (a hint, pydantic's reason) is said in the same language.
`str()` is the English, which the library's exceptions and logs keep.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Said:
    key: str
    values: tuple[tuple[str, Any], ...] = ()

    def text(self, lang: str = "zh") -> str:
        from auditor.ruleset.wording import WORDS

        template = WORDS.get(lang, WORDS["zh"]).get(self.key) or WORDS["en"][self.key]
        return template.format(**{name: _in(value, lang) for name, value in self.values})

    def __str__(self) -> str:
        return self.text("en")


def said(key: str, /, **values: Any) -> Said:
    """`Said(key, values)`, written as a call: `said("missing_key", key="severity")`."""
    return Said(key, tuple(values.items()))


def verbatim(text: str) -> Said:
    """A text with no translation (a parser's words auditor does not know): the same in every language."""
    return said("verbatim", text=text)


def _in(value: Any, lang: str) -> Any:
    """A value as the sentence in `lang` shows it: a list joined as that language lists things.

    NOTE: Chinese lists with the enumeration comma 、 (funding、indicators), English with ", ".
    """
    if isinstance(value, Said):
        return value.text(lang)
    if isinstance(value, (list, tuple)):
        return ("、" if lang == "zh" else ", ").join(str(_in(v, lang)) for v in value)
    return value
