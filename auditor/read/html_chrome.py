"""What a portal page holds besides the report: left out, so that the page reads as the report does.

Three kinds: elements no reader sees (scripts, styles, frames, controls,
hidden elements); the page's frame (navigation, header, footer, share bars,
by tag or by the class and id names portals give them); and the lines of the
information-disclosure template around the report (索引号, 发布机构, 字体 大 中 小,
浏览次数, 打印本页, 版权所有, ICP备案), as a metadata table or as short lines.
A line of the report itself is never long and never starts so, and a table
with a self-evaluation's words in it is never dropped.
"""

from __future__ import annotations

import re

from lxml import etree

#: elements whose content is never reading text
_NEVER = frozenset(
    "head title script style noscript template iframe frame frameset object embed applet svg math canvas "
    "video audio map img input select option button textarea nav aside footer".split()
)
#: class/id words of a page's frame (whole words of the name, split on - _ and case)
_FRAME_NAMES = frozenset(
    "nav navbar navigation menu breadcrumb breadcrumbs crumb crumbs sidebar share bdshare toolbar "
    "copyright footer foot banner search qrcode ewm fontsize printbar".split()
)
#: the same at page level only: inside <article>/<main> a header holds the report's title
_PAGE_NAMES = frozenset("header head top topbar".split())
_NAME_SPLIT = re.compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

_LABELS = (
    "索引号|发布机构|发文机关|发文字号|主题分类|主题词|成文日期|发布日期|发布时间|生成日期|公开日期|信息来源|来源|"
    "浏览次数|访问量|访问次数|点击数|点击率|阅读次数|阅读量|字体|字号|文字大小|当前位置|您当前的位置|您现在的位置|"
    "您的位置|所在位置|打印本页|打印|关闭窗口|关闭本页|关闭|分享到|扫一扫|网站地图|版权所有|主办单位|承办单位|"
    "技术支持|网站标识码|上一篇|下一篇|责任编辑|有效性|公开方式|公开范围|文号"
)
_CHROME_LINE = re.compile(rf"^[【\[（(]?\s*(?:{_LABELS})\s*[】\]）)]?\s*(?:[:：【\[]|$|\s)")
_SIZE_LABEL = re.compile(r"字体|字号|[：:]|默认|打印|关闭|【|】|\s")
_SIZES = re.compile(r"[【\[(（]?\s*大\s*[】\])）]?\s*[【\[(（]?\s*中\s*[】\])）]?\s*[【\[(（]?\s*小\s*[】\])）]?")
_FOOTER = re.compile(r"ICP[备證证]|公网安备|网站标识码|版权所有|Copyright|©")
_CRUMB = re.compile(r"^(?:网站)?首页\s*(?:[>＞»›/]|&gt;)")
_TABLE_LABELS = re.compile(rf"^(?:{_LABELS})\s*[:：]?$")
_REPORT_WORDS = re.compile(r"指标|预算|执行|得分|分值|项目名称|绩效")
MAX_CHROME_LINE = 150  # characters: a line of the page's frame is short


_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SIMPLE = re.compile(r"^[a-z0-9]*([.#])([\w-]+)$", re.I)


class Chrome:
    """Tells the elements a reader does not see; knows the classes and ids the page's own styles hide."""

    def __init__(self, root: etree._Element) -> None:
        self.hidden: set[str] = set()
        for style in root.iter("style"):
            for m in _RULE.finditer(style.text or ""):
                if _HIDDEN.search(m.group(2)):
                    for selector in m.group(1).split(","):
                        simple = _SIMPLE.match(selector.strip())
                        if simple:
                            self.hidden.add(simple.group(1) + simple.group(2).lower())

    def skipped(self, el: etree._Element) -> bool:
        """An element whose content a reader of the report does not see."""
        if skipped(el):
            return True
        if self.hidden and el.attrib:
            classes = {"." + c.lower() for c in (el.get("class") or "").split()}
            ident = el.get("id")
            return bool(classes & self.hidden) or (ident is not None and "#" + ident.lower() in self.hidden)
        return False


def skipped(el: etree._Element) -> bool:
    """An element whose content no reader sees, or that is part of the page's frame (the page's styles aside)."""
    tag = el.tag
    if not isinstance(tag, str) or tag in _NEVER:
        return True
    if not el.attrib:  # NOTE: most elements have no attributes; their names need no splitting
        return tag == "header" and not any(a.tag in ("article", "main") for a in el.iterancestors())
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    if style and _HIDDEN.search(style):
        return True
    names = _names(el)
    if names & _FRAME_NAMES:
        return True
    if tag == "header" or names & _PAGE_NAMES:
        if _holds_title(el):
            return False  # NOTE: portals put the report's own title in their "top" block
        return not any(a.tag in ("article", "main") for a in el.iterancestors())
    return False


_TITLE_WORDS = re.compile(r"报告|自评|绩效|决算")


def _holds_title(el: etree._Element) -> bool:
    """Whether a page-frame block holds a heading that names the report (its title and year)."""
    return any(_TITLE_WORDS.search(h.text_content() or "") for h in el.iter("h1", "h2", "h3"))


def _names(el: etree._Element) -> set[str]:
    words = f"{el.get('class') or ''} {el.get('id') or ''}"
    if not words.strip():
        return set()
    return {w.lower() for w in _NAME_SPLIT.split(words) if w}


def chrome_text(text: str) -> bool:
    """A line of the page's frame: a disclosure label, the font-size switch, a breadcrumb, a footer line."""
    if len(text) > MAX_CHROME_LINE:
        return False
    if _CHROME_LINE.match(text) or _CRUMB.match(text) or _FOOTER.search(text):
        return True
    # NOTE: the switch alone ("字体：【大 中 小】"), never a line that merely holds 大中小 (支持大中小企业发展)
    return bool(_SIZES.fullmatch(_SIZE_LABEL.sub("", text).strip()))


def chrome_table(rows: list[list[str]]) -> bool:
    """The disclosure template's metadata table (索引号 | … | 发布机构 | …), not a table of the report."""
    texts = [t.strip() for row in rows for t in row if t.strip()]
    labels = sum(1 for t in texts if _TABLE_LABELS.match(t) or _CHROME_LINE.match(t) and len(t) < 40)
    if labels < 2:
        return False
    return not any(_REPORT_WORDS.search(t) for t in texts if not _CHROME_LINE.match(t))
