"""A page a mirror rendered in traditional characters with pinyin inserted reads as its simplified original."""

from auditor.read.script import simplified
from auditor.read.text import read
from auditor.recognise import recognise

MIRROR = """最新資訊
| 2021年度項(xiàng)目支出績(jì)效自評(píng)表 | ||||||||
| 項(xiàng)目名稱 | 城區(qū)路燈維護(hù)經(jīng)費(fèi) | |||||||
| 主管部門 | 某市城市管理局 | 實(shí)施單位 | 某區(qū)路燈管理所 | |||||
| 項(xiàng)目資金 (萬(wàn)元) | 年初預(yù)算數(shù) | 全年預(yù)算數(shù) | 全年執(zhí)行數(shù) | 分值 | 執(zhí)行率 | 得分 | ||
| 年度資金總額 | 20 | 20 | 20 | 10 | 100% | 10 | ||
| 其中:當(dāng)年財(cái)政撥款 | 20 | 20 | 20 | 100% | ||||
| 年度 總體 目標(biāo) | 預(yù)期目標(biāo) | 實(shí)際完成情況 | ||||||
| 維護(hù)路燈 | 維護(hù)路燈 | |||||||
| 績(jì)效指標(biāo) | 年度指標(biāo)值 | 實(shí)際完成值 | 分值 | 得分 | 偏差原因分析及改進(jìn)措施 | |||
| 一級(jí) 指標(biāo) | 二級(jí)指標(biāo) | 三級(jí)指標(biāo) | 指標(biāo)性質(zhì) | 指標(biāo)值 | 度量單位 | |||
| 產(chǎn)出指標(biāo) | 數(shù)量指標(biāo) | 維護(hù)路燈數(shù)量 | ≥ | 1200 | 盞 | 1260 | 50 | 50 | ||
| 效益指標(biāo) | 社會(huì)效益指標(biāo) | 夜間亮燈率 | ≥ | 98 | % | 99 | 30 | 30 | ||
| 滿意度指標(biāo) | 服務(wù)對(duì)象滿意度指標(biāo) | 市民滿意度 | ≥ | 90 | % | 95 | 10 | 10 | ||
| 總分 | 100 | 100 | ||||||
"""


def test_a_traditional_mirror_with_pinyin_becomes_simplified_line_for_line():
    text = simplified(MIRROR)
    assert "项目支出绩效自评表" in text and "年初预算数" in text and "(xiàng)" not in text and "(yù)" not in text
    assert text.count("\n") == MIRROR.count("\n")  # every locator still points at its line
    assert "(万元)" in text  # a parenthesised word that is no pinyin stays


def test_simplified_text_is_left_exactly_as_it_is():
    plain = "2023年度项目支出绩效自评表\n乾隆年间修建的古桥维护（万元）(B/A)\n" * 3
    assert simplified(plain) is plain


def test_the_mirrored_table_is_read_with_its_upside_down_two_row_header(tmp_path):
    path = tmp_path / "mirror.txt"
    path.write_text(MIRROR, encoding="utf-8")
    table = recognise(read(path, "mirror.txt")).tables[0]
    assert table.form == "central_split" and table.name.text == "城区路灯维护经费"
    assert [i.level3.text for i in table.indicators] == ["维护路灯数量", "夜间亮灯率", "市民满意度"]
    first = table.indicators[0].values
    assert (first["target"].text, first["actual"].text, first["weight"].text, first["score"].text) == (
        "≥1200盏",
        "1260",
        "50",
        "50",
    )
    current = next(f for f in table.funding if f.kind == "current")
    assert current.values["rate"].text == "100%" and "weight" not in current.values  # the dropped cell
    assert table.blocks["indicators"] == "full" and table.total.values["score"].text == "100"
