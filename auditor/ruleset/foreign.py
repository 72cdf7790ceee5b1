"""Other programs' words about a rule file, put into Chinese: pydantic, PyYAML, Python, the rule types.

Each function returns a `Said` whose English is the other program's own text and
whose Chinese is ours. pydantic errors are translated by their `type` and `ctx`
(pydantic's stable interface, not its English); PyYAML's and Python's texts,
and the ValueErrors the rule types' validators raise (auditor/ruletypes), by
their wording. A text no pattern knows is shown as it was written, in both
languages, rather than dropped.
"""

from __future__ import annotations

import errno
import re
from typing import Any

from auditor.ruleset.said import Said, said, verbatim


class SaidError(ValueError):
    """A validator's ValueError that carries its `Said`, so pydantic's error says it in either language."""

    def __init__(self, message: Said):
        super().__init__(str(message))
        self.said = message


def pydantic_reason(error: dict[str, Any]) -> Said:
    """Why pydantic refused a value (one item of `ValidationError.errors()`), without its 'Value error, '."""
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind in ("value_error", "assertion_error") and "error" in ctx:
        raised = ctx["error"]
        if isinstance(raised, SaidError):
            return raised.said
        return validator_reason(str(raised))
    english = error["msg"]
    if kind == "literal_error" and "expected" in ctx:
        choices = "、".join(re.split(r", | or ", str(ctx["expected"])))
        return said("both", en=english, zh=f"应为以下之一：{choices}")
    if kind in ("model_type", "model_attributes_type") and ctx.get("class_name") == "Text":
        return said("both", en=f"{english}; write {{zh: …, en: …}}", zh="应写作 {zh: 中文, en: English}")
    zh = _PYDANTIC_ZH.get(kind)
    if zh is None:
        return verbatim(english)
    return said("both", en=english, zh=_fill(zh, ctx))


_PYDANTIC_ZH = {
    "missing": "缺少这一项；请补上",
    "extra_forbidden": "不允许有这个键",
    "string_type": "应为文字",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数（不能有小数部分）",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "decimal_parsing": "应为数字",
    "finite_number": "应为有限的数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "dict_type": "应为映射（键: 值）",
    "mapping_type": "应为映射（键: 值）",
    "model_type": "应为映射（键: 值）",
    "model_attributes_type": "应为映射（键: 值）",
    "list_type": "应为列表（[a, b]，或每行一个 - a）",
    "tuple_type": "应为列表（[a, b]）",
    "too_short": "至少要有 {min_length} 项，实有 {actual_length} 项",
    "too_long": "最多 {max_length} 项，实有 {actual_length} 项",
    "string_too_short": "至少要有 {min_length} 个字符",
    "string_too_long": "最多 {max_length} 个字符",
    "string_pattern_mismatch": "应符合格式 {pattern}",
    "greater_than": "应大于 {gt}",
    "greater_than_equal": "应大于或等于 {ge}",
    "less_than": "应小于 {lt}",
    "less_than_equal": "应小于或等于 {le}",
    "none_required": "应为空（null）",
    "enum": "应为以下之一：{expected}",
    "union_tag_invalid": "未知的类型 {tag}；可用：{expected_tags}",
    "union_tag_not_found": "缺少 {discriminator}",
}


def validator_reason(text: str) -> Said:
    """A rule type's ValueError (auditor/ruletypes) in both languages."""
    return _matched(text, _VALIDATORS)


# NOTE: a template's placeholders are the pattern's groups ({a}, {b}); other braces ({type: linear}) stay as
# written. A group named `r` is a regular expression's error, translated too.
_VALIDATORS = (
    (
        r"a rule code is UPPER_SNAKE_CASE, 3 to 41 characters, e\.g\. SCORE_LE_WEIGHT",
        "规则代码由大写字母、数字和下划线组成（UPPER_SNAKE_CASE），以字母开头，共 3 到 41 个字符，例如 SCORE_LE_WEIGHT",
    ),
    (r"unknown kind '(?P<a>.*)'; use one of: (?P<b>.*)", "未知的问题类型 '{a}'；可用：{b}"),
    (r"unknown entity '(?P<a>.*)'; use one of: (?P<b>.*)", "未知的检查对象 '{a}'；可用：{b}"),
    (
        r"give exactly one of 'right' \(a column\) and 'value' \(a number\)",
        "'right'（一列）和 'value'（一个数）必须给出一个，且只能给出一个",
    ),
    (r"give exactly one of (?P<a>.*)", "{a} 中必须给出一个，且只能给出一个"),
    (r"must_include lists names, none empty or holding '(?P<a>.*)'", "must_include 列出名称：不能为空，也不能含 '{a}'"),
    (r"(?P<a>.*) is not a valid regular expression: (?P<r>.*)", "{a} 不是有效的正则表达式：{r}"),
    (
        r"a scheme is \{type: linear\} or \{type: banded, .*",
        "计分方案应写作 {type: linear}，或 {type: banded, bands: [{min: 80, share: 0.7}, ...]}",
    ),
    (
        r"default_total takes exactly two keys: 'by' \(a column\) and 'values' \(a mapping\)",
        "default_total 只能有两个键：'by'（一列）和 'values'（一个映射）",
    ),
    (r"band '(?P<a>.*)' must be \[low, high\] with low <= high", "区间 '{a}' 应写作 [下限, 上限]，且下限 ≤ 上限"),
    (r"unknown operator (?P<a>.*)", "未知的运算符 {a}"),
)


def regex_reason(exc: re.error) -> Said:
    """Why `re` refused a pattern ('missing ), unterminated subpattern at position 0')."""
    return _matched(str(exc), _REGEX_ERRORS)


_REGEX_ERRORS = (
    (r"missing \), unterminated subpattern at position (?P<a>\d+)", "位置 {a} 的括号 ( 没有对应的 )"),
    (r"unbalanced parenthesis at position (?P<a>\d+)", "位置 {a} 的 ) 没有对应的 ("),
    (r"unterminated character set at position (?P<a>\d+)", "位置 {a} 的 [ 没有对应的 ]"),
    (r"nothing to repeat at position (?P<a>\d+)", "位置 {a} 的重复符号（* + ? {）前面没有内容"),
    (r"multiple repeat at position (?P<a>\d+)", "位置 {a} 处重复符号连用"),
    (r"bad escape (?P<a>.+) at position (?P<b>\d+)", "位置 {b} 的转义 {a} 无效"),
    (r"bad character range (?P<a>.+) at position (?P<b>\d+)", "位置 {b} 的字符范围 {a} 无效"),
)


def yaml_problem(problem: str | None) -> Said:
    """What PyYAML (libyaml or the pure-Python parser) found wrong."""
    return _matched(problem or "", _YAML_PROBLEMS)


def yaml_context(context: str | None) -> Said:
    """Where PyYAML was when it found it ('while parsing a flow sequence'), as a thing that starts at a line."""
    return _matched(context or "", _YAML_CONTEXTS)


_YAML_PROBLEMS = (
    (
        r"found character (?P<a>'.*' )?that cannot start any token",
        "这里的字符{a}不能作为内容的开头（是否用了 Tab 缩进，或以 @ ` 开头的文字没加引号？）",
    ),
    (r"did not find expected node content", "这里缺少值"),
    (r"did not find expected comment or line break", "这里应当换行（或写 # 注释）"),
    (r"did not find expected whitespace or line break", "这里应是空格或换行"),
    (
        r"mapping values are not allowed (?:in this context|here)",
        "这里不能写 键: 值（含“: ”的文字请加引号，或检查缩进）",
    ),
    (r"found unexpected end of stream", "文件意外结束（是否少了右引号或右括号？）"),
    (r"did not find expected key", "这里应是一个键（缩进是否与上一行对齐？）"),
    (r"did not find expected <document start>", "这里应是文档的开头 ---"),
    (r"could not find expected directive name", "缺少指令名称（以 % 开头的行）"),
    (r"did not find expected alphabetic or numeric character", "这里应是字母或数字"),
    (r"found undefined alias", "别名没有定义"),
    (
        r"found unknown escape character(?P<a> .+)?",
        "双引号中有未知的转义字符{a}（反斜杠 \\ 请写成 \\\\，或改用单引号）",
    ),
    (r"did not find expected ',' or '\]'", "缺少 ',' 或 ']'"),
    (r"did not find expected ',' or '\}'", "缺少 ',' 或 '}'"),
    (r"mapping keys are not allowed (?:in this context|here)", "这里不能写键"),
    (r"block sequence entries are not allowed (?:in this context|here)", "这里不能写 - 列表项（缩进是否正确？）"),
    (r"could not find expected ':'", "缺少 ':'"),
    (r"found unexpected non-alphabetical character", "出现了意外的非字母字符"),
    (r"did not find expected '-' indicator", "这里应是以 - 开头的列表项"),
    (r"found unknown directive name", "未知的指令名称"),
    (r"found unexpected ':'", "出现了多余的 ':'（含冒号的文字请加引号）"),
    (
        r"found a tab character (?:that violates indentation|where an indentation space is expected)",
        "缩进中有 Tab；请改用空格",
    ),
    (r"but found another document", "但又出现了第二个文档"),
    (r"found unexpected document indicator", "出现了意外的 --- 或 ..."),
    (r"did not find expected hexdecimal number", "转义序列中应是十六进制数字"),
    (r"second occurrence", "锚点重复出现"),
    (r"expected (?P<a>.+?), but (?:found|got) (?P<b>.+)", "应为 {a}，实为 {b}"),
)

_YAML_CONTEXTS = (
    (r"while scanning for the next token", "这段内容"),
    (r"while parsing a block node", "这个值"),
    (r"while scanning a block scalar", "多行文字（| 或 >）"),
    (r"while (?:scanning|parsing) a quoted scalar", "引号中的文字"),
    (r"while parsing a block mapping", "这组 键: 值"),
    (r"while scanning a directive", "指令（%）"),
    (r"while scanning an alias", "别名（*）"),
    (r"while scanning an anchor", "锚点（&）"),
    (r"while scanning a tag", "标签（!）"),
    (r"while parsing a flow node", "括号中的值"),
    (r"while parsing a flow sequence", "方括号 [ ] 列表"),
    (r"while parsing a flow mapping", "花括号 { } 映射"),
    (r"while scanning a simple key", "这个键"),
    (r"while parsing a block collection", "这个列表（- ）"),
    (r"while scanning a plain scalar", "这段文字"),
    (r"while parsing a node", "这个值"),
    (r"expected a single document in the stream", "文件中唯一的文档"),
    (r"found duplicate anchor; first occurrence", "第一次出现的锚点"),
)


def scalar_problem(problem: str) -> Said:
    """Why PyYAML could not build a value its tag names (`!!int abc`, `2023-02-30`)."""
    return _matched(problem, _SCALAR_PROBLEMS)


_SCALAR_PROBLEMS = (
    (r"day is out of range for month", "这个月没有这一天"),
    (r"month must be in 1\.\.12", "月份应在 1 到 12 之间"),
    (r"year (?P<a>-?\d+) is out of range", "年份 {a} 超出范围"),
    (r"invalid literal for int\(\) with base \d+: (?P<a>.*)", "{a} 不是整数"),
    (r"could not convert string to float: (?P<a>.*)", "{a} 不是数字"),
    (r"could not determine a constructor for the tag (?P<a>.*)", "不认识标签 {a}"),
    (r"expected a mapping node, but found (?P<a>.*)", "这里应是映射，实为 {a}"),
    (r"found unhashable key", "键不能是列表或映射"),
)


def format_problem(problem: str) -> Said:
    """What `string.Formatter` found wrong in a message template (an unpaired brace)."""
    return _matched(problem, _FORMAT_PROBLEMS)


_FORMAT_PROBLEMS = (
    (r"unexpected '\{' in field name", "花括号中又出现了 '{'"),
    (r"Single '\}' encountered in format string", "出现了单独的 '}'"),
    (r"Single '\{' encountered in format string", "出现了单独的 '{'"),
    (r"expected '\}' before end of string", "缺少右花括号 '}'"),
    (r"unmatched '\{' in format spec", "格式说明中有未配对的 '{'"),
    (r"Max string recursion exceeded", "花括号嵌套太深"),
    (r"expected ':' after conversion specifier", "转换符（!r、!s）后面应是 ':' 或 '}'"),
)


def os_reason(exc: OSError) -> Said:
    """Why a file could not be read, by its errno rather than the C library's English."""
    english = exc.strerror or str(exc)
    zh = _OS_ZH.get(exc.errno or 0)
    return said("both", en=english, zh=zh) if zh else verbatim(english)


_OS_ZH = {
    errno.ENOENT: "文件不存在",
    errno.EACCES: "没有读取权限",
    errno.EPERM: "没有读取权限",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.ELOOP: "符号链接循环",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EIO: "读写错误",
}


def _fill(template: str, values: dict[str, Any]) -> str:
    """`template` with each `{name}` of `values` filled in; other braces (YAML's `{zh: …}`) kept."""
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))), template)


def _matched(text: str, table: tuple[tuple[str, str], ...]) -> Said:
    for pattern, zh in table:
        found = re.fullmatch(pattern, text, re.S)
        if found:
            groups = {k: v or "" for k, v in found.groupdict().items()}
            if groups.get("r"):
                groups["r"] = _matched(groups["r"], _REGEX_ERRORS).text("zh")
            return said("both", en=text, zh=_fill(zh, groups))
    return verbatim(text)
