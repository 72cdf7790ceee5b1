"""The sample report as a portal's web page (.html) and as a saved page archive (.mht).

Drawn from the same layout as the .docx (auditor.synth.layout): a cell that
spans grid columns gets a colspan, a vertical merge a rowspan on its first cell
(the cells it covers are not written, as in HTML). With `chrome`, the page has
what a 政府信息公开 page puts around a report: a script and a style, navigation,
a breadcrumb, the metadata table (索引号, 发布机构 …), the 字体 大 中 小 switch,
a share bar, a hidden element and a footer with the ICP line; none of it may
reach the Document.
"""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from auditor.synth.layout import lay_out, rowspans

from .text_form import sample_blocks

_HEAD = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>烈山区人力资源和社会保障局2023年度项目支出绩效自评 - 政府信息公开</title>
<style>td {{ border: 1px solid #000; }} .hide {{ display: none }}</style>
<script>var pageTitle = "项目名称 得分 100"; document.write("<p>总分 0</p>");</script>
</head><body>
"""
_CHROME_TOP = """<div class="header"><img src="logo.png" alt="政府网"><ul class="nav"><li>首页</li><li>政务公开</li></ul></div>
<div class="position">您当前的位置：<a href="/">首页</a> &gt; 政务公开 &gt; 部门预决算</div>
<table class="xxgk-meta"><tr><td>索引号：</td><td>11340604MB1234567X/2024-00012</td><td>主题分类：</td><td>财政</td></tr>
<tr><td>发布机构：</td><td>烈山区人力资源和社会保障局</td><td>发文日期：</td><td>2024-03-01</td></tr></table>
<div class="article"><div class="fontsize">字体：[ <a>大</a> <a>中</a> <a>小</a> ]</div>
<p class="hide">隐藏的测试段落 得分 999</p>
<div id="zoom" class="TRS_Editor">
"""
_CHROME_BOTTOM = """</div><div class="bdshare">分享到：微信 微博</div><p>【打印本页】【关闭窗口】</p></div>
<div class="footer"><p>版权所有：烈山区人民政府</p><p>皖ICP备05001234号</p></div>
<noscript>请启用脚本</noscript><iframe src="ad.html"></iframe>
"""


def page_html(blocks: list | None = None, chrome: bool = True, charset: str = "utf-8") -> str:
    """The report as the text of a web page."""
    blocks = sample_blocks() if blocks is None else blocks
    out = [_HEAD.format(charset=charset)]
    if chrome:
        out.append(_CHROME_TOP)
    for block in blocks:
        if isinstance(block, str):
            out.append(f'<p style="text-indent:2em">{escape(block)}</p>\n')
        else:
            out.append(_table(block))
    if chrome:
        out.append(_CHROME_BOTTOM)
    out.append("</body></html>\n")
    return "".join(out)


def _table(rows: list[list[str]]) -> str:
    _, laid = lay_out(rows)
    heights = rowspans(laid)
    out = ['<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">\n<tbody>\n']
    for i, row in enumerate(laid):
        cells = []
        for c in row:
            if c.vmerge == "continue" and (i, c.col) not in heights:
                continue
            attrs = f' colspan="{c.span}"' if c.span > 1 else ""
            height = heights.get((i, c.col), 1)
            attrs += f' rowspan="{height}"' if height > 1 else ""
            text = "<br>".join(escape(line) for line in c.text.split("\n"))
            cells.append(f'<td{attrs} valign="middle"><p align="center"><span>{text}</span></p></td>')
        out.append("<tr>" + "".join(cells) + "</tr>\n")
    return "".join(out) + "</tbody></table>\n"


def build_html(path: Path, blocks: list | None = None, chrome: bool = True, encoding: str = "utf-8") -> Path:
    """The page written in `encoding` (gbk pages declare gb2312, as many portals do)."""
    charset = "gb2312" if encoding in ("gbk", "gb18030", "gb2312") else encoding
    text = page_html(blocks, chrome, charset)
    if encoding == "gbk":
        text = text.replace("\u00a0", "\u3000")  # NOTE: GBK has no no-break space; offices type U+3000
    path.write_bytes(text.encode(encoding))
    return path


def build_mht(path: Path, blocks: list | None = None, image_bytes: int = 20_000) -> Path:
    """A saved web page archive: the page (quoted-printable, GBK) and an image part in base64."""
    import quopri

    html = page_html(blocks, True, "gb2312").replace("\u00a0", "\u3000").encode("gbk")
    image = base64.encodebytes(b"\x89PNG\r\n\x1a\n" + bytes(image_bytes))
    boundary = b"----=_NextPart_000_0000_01DA0000.12345678"
    parts = [
        b"From: <Saved by Blink>\r\nSnapshot-Content-Location: http://www.example.gov.cn/xxgk/1.html\r\n"
        b"Subject: =?utf-8?B?5pS/5bqc5L+h5oGv5YWs5byA?=\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="' + boundary + b'"\r\n\r\n',
        b"--" + boundary + b"\r\n",
        b'Content-Type: text/html; charset="gb2312"\r\nContent-Transfer-Encoding: quoted-printable\r\n'
        b"Content-Location: http://www.example.gov.cn/xxgk/1.html\r\n\r\n",
        quopri.encodestring(html).replace(b"\n", b"\r\n"),
        b"\r\n--" + boundary + b"\r\n",
        b"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        b"Content-Location: http://www.example.gov.cn/logo.png\r\n\r\n",
        image.replace(b"\n", b"\r\n"),
        b"\r\n--" + boundary + b"--\r\n",
    ]
    path.write_bytes(b"".join(parts))
    return path
