"""Reading raw inputs: encodings detected, markup and collections, metadata, rejects that cost nothing."""
import json
from decimal import Decimal

import pytest

from extract import extract_facts
from pipeline.build import build
from pipeline.ingest import InputError, decode_bytes
from pipeline.metadata import clean_given, resolve
from pipeline.warehouse import connect_readonly

SENTENCE = "2025年浙江省政府工作报告\n主要预期目标是:地区生产总值增长5.5%左右,城镇新增就业100万人以上。"


@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b""),
                                          ("big5", b""), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")],
                         ids=["utf8", "utf8_bom", "gb18030", "big5", "utf16le_bom", "utf16be_bom"])
def test_encodings_are_detected(encoding, bom):
    text = "各位代表:现在,我代表省人民政府向大会报告政府工作。地区生产总值增长百分之五点五,城镇新增就业一百万人。" * 3
    if encoding == "big5":
        text = "各位代表:現在,我代表省人民政府向大會報告政府工作,請予審議。地區生產總值穩定增長。" * 3
    data = bom + text.encode(encoding)
    decoded, _ = decode_bytes(data)
    assert decoded.lstrip("\ufeff") == text


def test_empty_file_is_an_input_error():
    with pytest.raises(InputError):
        decode_bytes(b"   ")


@pytest.mark.parametrize("name,given,expect", [
    ("2025年浙江省政府工作报告.docx", {}, {"jurisdiction": "浙江省", "report_year": 2025, "doc_type": "government_work_report"}),
    ("2025年宁夏政府工作报告.docx", {}, {"jurisdiction": "宁夏回族自治区", "admin_level": "province"}),
    ("2026_广西壮族自治区_政府工作报告.csv", {}, {"jurisdiction": "广西壮族自治区", "report_year": 2026}),
    ("x.txt", {"jurisdiction": "国务院"}, {"jurisdiction": "中国", "admin_level": "national"}),
    ("notes.txt", {}, {"jurisdiction": None, "report_year": None}),
], ids=["docx_name", "alias_to_full_name", "collection_name", "guowuyuan_is_china", "nothing_known"])
def test_metadata_inferred(name, given, expect):
    meta = resolve(name, "无关的正文。", clean_given(given)[0]).meta
    for k, v in expect.items():
        assert meta.get(k) == v


def _write_docx(path, paragraphs):
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    d.save(path)


def test_mixed_folder_builds_and_rejects_broken_files(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "2025年浙江省政府工作报告.txt").write_bytes(SENTENCE.encode("gb18030"))
    _write_docx(raw / "2025年湖南省政府工作报告.docx", ["2025年湖南省政府工作报告", "主要预期目标是:地区生产总值增长5.5%左右。"])
    (raw / "2025年江西省政府工作报告.html").write_text(
        "<html><head><title>2025年江西省政府工作报告</title><script>var x=99;</script></head>"
        "<body><p>主要预期目标是:地区生产总值增长5%左右。</p></body></html>", encoding="utf-8")
    (raw / "reports.jsonl").write_text(json.dumps({"province": "山东", "year": 2025, "title": "2025年山东省政府工作报告",
                                                   "content": "主要预期目标是:地区生产总值增长5%以上。"},
                                                  ensure_ascii=False) + "\n", encoding="utf-8")
    (raw / "2025年吉林省政府工作报告.docx").write_bytes(b"PK\x03\x04 this is not a zip")
    (raw / "empty.txt").write_bytes(b"")
    (raw / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    (raw / "picture.png").write_bytes(b"\x89PNG")
    rep = build(raw, tmp_path / "wh", progress=False)
    assert rep.documents == 4 and rep.rejected == 4
    con = connect_readonly(tmp_path / "wh")
    rejected = dict(con.execute("SELECT source_path, reason FROM rejected_documents").fetchall())
    got = con.execute("SELECT jurisdiction, value FROM facts WHERE indicator = 'gdp_growth' AND kind = 'target' "
                      "ORDER BY jurisdiction").fetchall()
    scripts = con.execute("SELECT count(*) FROM documents WHERE text LIKE '%var x%'").fetchone()[0]
    con.close()
    assert set(rejected) == {"2025年吉林省政府工作报告.docx", "empty.txt", "bad.jsonl", "picture.png"}
    assert all(reason for reason in rejected.values())
    assert {j for j, _ in got} == {"浙江省", "湖南省", "江西省", "山东省"}
    assert scripts == 0


def test_nothing_usable_is_an_error(tmp_path):
    from pipeline.warehouse import WarehouseError

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.txt").write_bytes(b"")
    with pytest.raises(WarehouseError):
        build(raw, tmp_path / "wh", progress=False)
    assert not (tmp_path / "wh" / "current").exists()


@pytest.mark.parametrize("name, place, level", [
    ("石河镇2013年工作总结", "石河镇", "township"),
    ("2016年马莲滩乡工作计划", "马莲滩乡", "township"),
    ("青石镇人民政府2018年工作总结", "青石镇", "township"),
    ("2021年临河县政府工作报告", "临河县", "county"),
    ("2020年美丽乡村建设工作总结", None, None),
    ("乡镇政府年终工作总结", None, None),
    ("老旧小区改造工作总结", None, None),
])
def test_local_government_named_in_a_title(name, place, level):
    from extract.lexicon import find_local_government

    j = find_local_government(name)
    assert (j.name, j.admin_level) == (place, level) if place else j is None


@pytest.mark.parametrize("name, place, level", [
    ("2024年四川省苍溪县白鹤乡年终工作总结", "白鹤乡", "township"),  # the town, not the province written first
    ("白鹤乡2025年工作总结", "白鹤乡", "township"),  # ...so that next year's summary is the same place
    ("2024年苍溪县白鹤乡年终工作总结", "白鹤乡", "township"),
    ("北京市朝阳区2025年政府工作报告", "朝阳区", "county"),
    ("北京市2025年政府工作报告", "北京市", "province"),
    ("2025年吉林市政府工作报告", "吉林市", "city"),  # no 吉林省
    ("河北镇2024年工作总结", "河北镇", "township"),  # no 河北省
    ("2025年河北省政府工作报告", "河北省", "province"),
    ("2025年国务院政府工作报告", "中国", "national"),
])
def test_the_most_specific_place_a_file_name_names(name, place, level):
    from extract.lexicon import find_place

    j = find_place(name)
    assert (j.name, j.admin_level) == (place, level)


@pytest.mark.parametrize("name, place, level", [
    ("2025年江西省景德镇市浮梁县政府工作报告", "浮梁县", "county"),  # not 景德镇 and 市浮梁县
    ("2025年河北省沧州市献县政府工作报告", "献县", "county"),  # a one-character county
    ("2025年广东省专业镇工作总结", "广东省", "province"),  # a kind of town, not a town
    ("2025年四川省市州工作报告", "四川省", "province"),
    ("2025年新疆维吾尔自治区阿克苏地区政府工作报告", "阿克苏地区", "city"),
])
def test_a_chain_of_places_and_kinds_of_places_in_a_file_name(name, place, level):
    from extract.lexicon import find_place

    j = find_place(name)
    assert (j.name, j.admin_level) == (place, level)


@pytest.mark.parametrize("marker", ["范文{n}：{title}", "【范文{n}】\n{title}", "【篇{n}：{title}】", "【第{n}篇】\n{title}", "【第{n}篇】{title}",
                                    "篇{n}：\n{title}", "乡镇年终工作总结范文{n}\n{title}"])
def test_a_compilation_splits_on_the_markers_sites_write(marker):
    """Each part is its own document, and takes its doc type and year from its own title, not the file's
    name (工作计划总结范文, of all its parts)."""
    from pipeline.ingest import RawUnit, documents_from_unit

    titles = ["青石镇2019年工作计划", "柳河乡2018年工作总结"]
    body = ["明年,力争全镇财政收入增长8%以上。", "今年全乡完成财政收入500万元。"]
    text = "\n".join(marker.format(n=n, title=t) + "\n" + b for n, t, b in zip("一二", titles, body))
    unit = RawUnit("乡镇工作计划总结范文(3篇).txt", text, "utf-8", {})
    docs = documents_from_unit(unit)
    assert [(d.jurisdiction, d.doc_type) for d in docs] == [("青石镇", "work_plan"), ("柳河乡", "year_end_summary")]


def test_a_sample_takes_from_its_compilation_only_what_its_name_says():
    """A template sample (XX镇) names no place: it takes none from another sample's text (鹤汀镇 signs the first);
    a half-year summary titled under the site's label (乡镇年终工作总结范文2) is a half-year summary."""
    from pipeline.ingest import RawUnit, documents_from_unit

    text = ("范文一\n鹤汀镇2024年工作总结\n今年全镇完成财政收入800万元。\n鹤汀镇人民政府\n"
            "乡镇年终工作总结范文2\n鹤汀镇2025年上半年工作总结\n上半年,全镇完成财政收入420万元,完成全年目标任务的50%。\n"
            "范文三\nXX镇年终工作总结\n全镇完成财政收入万元,新建高标准农田2000亩。\n")
    docs = documents_from_unit(RawUnit("乡镇年终工作总结范文.txt", text, "utf-8", {}))
    assert [(d.part, d.jurisdiction, d.doc_type) for d in docs] == [
        (1, "鹤汀镇", "year_end_summary"), (2, "鹤汀镇", "half_year_summary"), (3, None, "year_end_summary")]
    assert [d.title for d in docs] == ["鹤汀镇2024年工作总结", "鹤汀镇2025年上半年工作总结", "XX镇年终工作总结"]


def test_an_outlines_parts_split_no_document():
    """第一篇 and 篇一： head a plan outline's parts (and a summary's): no compilation markers."""
    from extract.segment import split_parts

    for text in ("青州市国民经济和社会发展第十五个五年规划纲要\n序言\n十四五时期,年均增长7.2%。\n第一篇\n开启新征程\n"
                 "第二篇\n坚持创新驱动\n", "石河镇2023年工作总结\n篇一：产业发展\n新建大棚20个。\n篇二：民生保障\n新增就业300人。\n"):
        assert len(split_parts(text)) == 1


def test_a_sample_sites_titled_markers_split_and_its_contents_stay_in_the_preface():
    """篇一：with a title that names a kind of document heads a sample (as 范文 sites write it); a table of contents
    that lists the markers, each with nothing under it, stays in the preface."""
    from extract.segment import split_parts

    text = ("乡镇工作总结（精选2篇）\n本文目录\n篇一：青枫镇2024年工作总结\n篇二：北坪乡2024年工作总结\n\n"
            "篇一：青枫镇2024年工作总结\n全镇新建大棚20个。\n篇二：北坪乡2024年工作总结\n全乡新增就业300人。\n")
    parts = split_parts(text)
    assert [p.number for p in parts] == [0, 1, 2]
    assert "本文目录" in parts[0].text and "篇二：北坪乡" in parts[0].text
    assert parts[1].text.endswith("全镇新建大棚20个。") and parts[2].text.endswith("全乡新增就业300人。")


def test_a_compilations_samples_marked_before_their_titles_or_on_a_wrapped_line():
    """【篇一】 before a sample's title on its line, 范文一：… on a line a hard wrap would join to its neighbours, and
    第一篇 alone before a line that names a kind of document each head a sample (blind probe v168)."""
    from extract.normalize import normalize_text
    from extract.segment import split_parts

    texts = ("乡镇年度工作总结范文(精选3篇)\n\n【篇一】青岗镇2024年工作总结及2025年工作计划\n全镇实现地区生产总值11.8亿元。\n"
             "【篇二】石桥铺镇2024年工作总结及2025年工作计划\n全镇实现财政收入1.2亿元。\n",
             "镇工作总结及工作计划范文(2篇) - 文库\n上传者:wk_8832 页数:4 下载券:2\n范文一：鹤溪镇2024年度工作总结及2025年工作计划\n"
             "2024年,鹤溪镇深入实施生态立镇发展战略,坚持稳中求进工作总基调,经济社会发展呈现稳中有进、持续向好的良好态势\n"
             "全年实现财政总收入2.43亿元。\n范文二：杉木坪镇2025年工作总结及2026年工作计划\n全年实现财政总收入1.1亿元。\n",
             "乡镇工作总结和下一年工作计划3篇\n\n第一篇\n栗湾乡2024年工作总结及2025年工作计划\n全乡新增就业300人。\n"
             "第二篇\n石桥铺镇2025年工作总结及2026年工作计划\n全镇新增就业200人。\n")
    for text in texts:
        parts = split_parts(normalize_text(text).text)
        assert [p.number for p in parts] == [0, 1, 2], text


def test_a_compilations_preface_is_kept_as_part_0():
    """Text before the first sample is no sample, but it is kept (nothing of a file is lost) as part 0, which
    takes no place or year from the samples after it."""
    from pipeline.ingest import RawUnit, documents_from_unit

    text = ("乡镇工作总结范文(2篇)\n全市去年乡镇财政收入合计增长9%。\n"
            "范文一：青石镇2019年工作总结\n今年全镇完成财政收入800万元。\n"
            "范文二：柳河乡2019年工作总结\n今年全乡完成财政收入500万元。\n")
    docs = documents_from_unit(RawUnit("乡镇工作总结范文.txt", text, "utf-8", {}))
    assert [d.part for d in docs] == [0, 1, 2]
    assert docs[0].text == "乡镇工作总结范文(2篇)\n全市去年乡镇财政收入合计增长9%。"
    assert docs[0].jurisdiction is None and docs[1].jurisdiction == "青石镇"
    assert "".join(d.text for d in docs).count("财政收入") == 3


def test_an_empty_row_of_a_collection_costs_only_itself(tmp_path):
    """A spreadsheet's empty text cell, its trailing ,,, rows and a .jsonl's {"text": ""} lose no other row;
    headers are matched in any case (Content, TEXT); an empty text with metadata is listed with its row."""
    raw = tmp_path / "raw"
    raw.mkdir()
    a = "2025年浙江省政府工作报告\n主要预期目标是:地区生产总值增长5.5%左右。"
    b = "2025年湖南省政府工作报告\n主要预期目标是:地区生产总值增长5.6%左右。"
    c = "2025年江西省政府工作报告\n主要预期目标是:地区生产总值增长5.7%左右。"
    rows = f'Title,Content,Province,YEAR\n浙江,"{a}",浙江,2025\n湖南,,湖南,2025\n湖南,"{b}",湖南,2025\n,,,\n,,,\n'
    (raw / "汇总.csv").write_bytes(rows.encode("gb18030"))
    (raw / "rows.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (
        {"TEXT": c, "Province": "江西"}, {"text": "", "province": "安徽"}, {"text": "  "}, {})) + "\n", encoding="utf-8")
    rep = build(raw, tmp_path / "wh", progress=False)
    con = connect_readonly(tmp_path / "wh")
    docs = con.execute("SELECT source_path, part, jurisdiction FROM documents ORDER BY 1, 2").fetchall()
    rejected = sorted(con.execute("SELECT source_path, reason FROM rejected_documents").fetchall())
    con.close()
    assert docs == [("rows.jsonl", 1, "江西省"), ("汇总.csv", 1, "浙江省"), ("汇总.csv", 3, "湖南省")]
    # a row with nothing in it (,,, or {}, or blanks only) is no document and no loss: not listed
    assert rejected == [("rows.jsonl", "line 2: empty text (text)"), ("汇总.csv", "row 2: empty text (content)")]
    assert rep.documents == 3


def test_a_collection_without_a_text_column_says_which_columns_it_has():
    from pathlib import Path

    from pipeline.ingest import read_units

    with pytest.raises(InputError, match="no text column .* the header names 标题, 正文"):
        read_units(Path("a.csv"), "a.csv", "标题,正文\n甲,乙\n".encode(), {}, [])


def test_a_manifest_in_a_subfolder_is_no_collection(tmp_path):
    raw = tmp_path / "raw"
    (raw / "汇总").mkdir(parents=True)
    (raw / "2025年浙江省政府工作报告.txt").write_text(SENTENCE, encoding="utf-8")
    (raw / "汇总" / "manifest.csv").write_text("path,report_year\nx.txt,2025\n", encoding="utf-8")
    build(raw, tmp_path / "wh", progress=False, strict=True)
    con = connect_readonly(tmp_path / "wh")
    rejected = con.execute("SELECT source_path, reason FROM rejected_documents").fetchall()
    con.close()
    assert len(rejected) == 1 and rejected[0][0] == "汇总/manifest.csv"
    assert rejected[0][1].startswith("a manifest.csv is read only at the root of the raw folder")


REPORT_LINE = "2025年云岭县政府工作报告\n全县地区生产总值完成98.6亿元,增长5.8%;城镇新增就业3200人。\n" * 8


@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b"")],
                         ids=["utf8", "utf8_bom", "gbk"])
def test_a_bad_byte_is_replaced_not_the_file_lost(encoding, bom):
    from pipeline.ingest import decode_text

    head = REPORT_LINE[:40].encode(encoding)
    data = bom + head + b"\xff" + REPORT_LINE[40:].encode(encoding)
    text, enc, bad = decode_text(data)
    assert bad == [len(bom) + len(head)] and text.count("\ufffd") == 1
    assert text.replace("\ufffd", "") == REPORT_LINE and enc.startswith(encoding[:3])


def test_a_utf16_file_cut_at_an_odd_byte_and_a_text_cut_mid_character_are_read():
    from pipeline.ingest import decode_text

    text, enc, bad = decode_text(b"\xff\xfe" + REPORT_LINE.encode("utf-16-le") + b"\x00"[:1])
    assert enc == "utf-16" and text.startswith(REPORT_LINE) and len(bad) == 1
    text, enc, bad = decode_text(REPORT_LINE.encode("utf-8")[:-2])
    assert enc == "utf-8" and len(bad) == 1


def test_too_many_bad_bytes_say_where_the_first_is():
    from pipeline.ingest import decode_text

    data = b"\xff".join(line.encode("utf-8") for line in REPORT_LINE.split("\n"))  # a bad byte on every line
    first = len(REPORT_LINE.split("\n")[0].encode("utf-8"))
    with pytest.raises(InputError, match=rf"undecodable: .*more than 2 bad bytes, the first at offset {first}\)"):
        decode_text(data)
    with pytest.raises(InputError, match=rf"undecodable as utf-8-sig .*the first at offset {first + 3}$"):
        decode_text(b"\xef\xbb\xbf" + data)


def test_a_file_with_a_bad_byte_behind_a_bom_is_a_flagged_document_not_an_internal_error(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    data = REPORT_LINE.encode("utf-8")
    (raw / "2025年云岭县政府工作报告.txt").write_bytes(b"\xef\xbb\xbf" + data[:200] + b"\x80" + data[200:])
    (raw / "2026年青海省政府工作报告.txt").write_bytes(b"\xff\xfe" + SENTENCE.encode("utf-16-le") + b"\x00")
    rep = build(raw, tmp_path / "wh", progress=False, strict=True)
    assert rep.documents == 2 and rep.rejected == 0 and rep.errors == 0
    con = connect_readonly(tmp_path / "wh")
    flags = dict(con.execute("SELECT source_path, flags FROM documents").fetchall())
    warned = con.execute("SELECT source_path, field, message FROM warnings WHERE field = 'encoding' "
                         "ORDER BY 1").fetchall()
    con.close()
    assert flags["2025年云岭县政府工作报告.txt"] == ["corrupt_text"]
    assert [(p, f) for p, f, _ in warned] == [("2025年云岭县政府工作报告.txt", "encoding"),
                                             ("2026年青海省政府工作报告.txt", "encoding")]
    assert "at byte 203" in warned[0][2]


@pytest.mark.parametrize("manifest", [b"", b"\x00\x01\x02\xff" * 300], ids=["empty", "binary"])
def test_an_unreadable_manifest_is_a_warning_and_the_build_goes_on(tmp_path, manifest):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "2025年浙江省政府工作报告.txt").write_text(SENTENCE, encoding="utf-8")
    (raw / "manifest.csv").write_bytes(manifest)
    rep = build(raw, tmp_path / "wh", progress=False, strict=True)
    assert rep.documents == 1
    con = connect_readonly(tmp_path / "wh")
    warned = con.execute("SELECT source_path, field, message FROM warnings").fetchall()
    con.close()
    assert [(p, f) for p, f, _ in warned] == [("manifest.csv", "manifest")]
    assert warned[0][2].startswith("not used: ")


def test_a_gbk_manifest_with_a_bad_byte_keeps_its_other_rows(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (raw / "b.txt").write_text(SENTENCE.replace("浙江", "湖南"), encoding="utf-8")
    rows = "path,jurisdiction,title\na.txt,浙江省,浙江省政府工作报告全文\n".encode("gbk")
    rows += "b.txt,湖南省,湖南".encode("gbk") + b"\xff" + "省政府工作报告全文\n".encode("gbk")
    (raw / "manifest.csv").write_bytes(rows)
    build(raw, tmp_path / "wh", progress=False, strict=True)
    con = connect_readonly(tmp_path / "wh")
    titles = dict(con.execute("SELECT source_path, title FROM documents").fetchall())
    con.close()
    assert titles["a.txt"] == "浙江省政府工作报告全文" and titles["b.txt"].startswith("湖南")


@pytest.mark.parametrize("body, lines", [
    ('<div id="zoom">一、工作回顾<br>全县地区生产总值完成98.6亿元。<br><table><tr><td>指标</td><td>数值</td></tr></table>'
     "二、目标<br>地区生产总值增长6%左右。</div>",
     ["一、工作回顾", "全县地区生产总值完成98.6亿元。", "指标 数值", "二、目标", "地区生产总值增长6%左右。"]),
    ("<div>前言文字<p>第二段</p>尾巴</div>", ["前言文字", "第二段", "尾巴"]),
    ("<table><tr><td>正文一。<br>正文二。<p>附件</p></td><td>右栏</td></tr></table>", ["正文一。", "正文二。", "附件", "右栏"]),
    ("<table><tr><td><p>指标</p></td><td>2025年<br>目标</td></tr><tr><td><p>地区生产总值</p></td><td><p>440</p></td></tr>"
     "</table>", ["指标 2025年目标", "地区生产总值 440"]),
    ("<table><tr><th>指标</th><th>单位</th><th>数值</th></tr><tr><td>地区生产总值</td><td>亿元</td><td>98.6</td></tr>"
     "</table>", ["指标 单位 数值", "地区生产总值 亿元 98.6"]),
    ("<p>全县地区生产\n    总值增长5%,\n  energy use down.</p>", ["全县地区生产总值增长5%, energy use down."]),
    ('<nav>首页</nav><header>网站</header><div class="x">正文<span>一</span>句。</div><footer>版权所有</footer>'
     "<script>var n = 12;</script>", ["正文一句。"]),
    ("<pre>二、明年工作打算\n新建农村公路30公里。\r\n新增就业500人。</pre>",
     ["二、明年工作打算", "新建农村公路30公里。", "新增就业500人。"]),
], ids=["br_and_table_in_one_div", "text_beside_a_paragraph", "layout_table_cell", "word_exported_table", "table_rows", "source_wraps",
        "chrome", "preformatted_lines"])
def test_html_keeps_all_body_text_in_order(body, lines):
    from pipeline.ingest import read_html

    text, _ = read_html(f"<html><head><title>页</title></head><body>{body}</body></html>".encode())
    assert text.split("\n") == ["页", *lines]


def test_a_web_pages_table_of_main_indicators_is_read_by_its_header():
    """A summary's web page with a <table> of main indicators (指标|单位|2024年完成|2025年目标): each figure is a
    result of 2024 or a target of 2025 as its column says, in the unit its row names, with the row as its sentence
    (its two figures side by side gave no fact before)."""
    from pipeline.process import FileTask, process_file

    rows = (("农民人均可支配收入", "元", "15860", "17000"), ("乡级财政收入", "万元", "523", "550"),
            ("生猪出栏", "万头", "2.3", "2.5"))
    table = ("<table><tr><th>指标</th><th>单位</th><th>2024年完成</th><th>2025年目标</th></tr>"
             + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table>")
    page = ("<html><head><title>青石乡2024年工作总结及2025年工作计划_某县人民政府</title></head><body>"
            "<div class=\"nav\"><a>首页</a></div><div class=\"content\"><p>一、2024年工作回顾</p>"
            "<p>全乡经济平稳发展。</p><p>二、2025年工作计划</p>"
            f"<p>表1 主要经济指标完成情况及2025年预期目标</p>{table}<p>明年,新建通组公路15公里。</p></div>"
            "</body></html>").encode("utf-8")
    r = process_file(FileTask("青石乡2024年工作总结及2025年工作计划.html", "sha", len(page), 0, {}, page))
    assert r.rejected is None and r.error is None
    got = {(f["surface"], f["kind"], f["period_year"], f["value"], f["unit"], f["indicator"]) for f in r.facts
           if f["rule_id"] == "number/table_column"}
    assert got == {
        ("15860", "actual", 2024, Decimal("15860"), "元", "农民人均可支配收入"),
        ("17000", "target", 2025, Decimal("17000"), "元", "农民人均可支配收入"),
        ("523", "actual", 2024, Decimal("5230000"), "元", "乡级财政收入"),
        ("550", "target", 2025, Decimal("5500000"), "元", "乡级财政收入"),
        ("2.3", "actual", 2024, Decimal("23000"), "头", "生猪出栏"),
        ("2.5", "target", 2025, Decimal("25000"), "头", "生猪出栏")}
    [doc] = r.documents
    for f in r.facts:
        assert doc["text"][f["span_start"]:f["span_end"]] == f["surface"]
    assert {f["sentence"] for f in r.facts if f["surface"] == "550"} == {"乡级财政收入 万元 523 550"}


def test_a_docx_table_stays_where_it_stands_a_row_per_line(tmp_path):
    import docx

    from pipeline.ingest import read_docx

    d = docx.Document()
    d.add_paragraph("2025年云岭县政府工作报告")
    d.add_paragraph("主要指标完成情况如下:")
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).merge(t.cell(0, 2)).text = "单位:万元"
    for r, row in enumerate((("指标", "目标", "完成"), ("财政收入", "5000", "5200")), start=1):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    d.add_paragraph("明年,财政收入增长6%。")
    path = tmp_path / "a.docx"
    d.save(path)
    assert read_docx(path.read_bytes()).split("\n") == [
        "2025年云岭县政府工作报告", "主要指标完成情况如下:", "单位:万元", "指标 目标 完成", "财政收入 5000 5200",
        "明年,财政收入增长6%。"]


def test_an_empty_docx_and_a_word_lock_file_say_what_they_are(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "2025年浙江省政府工作报告.txt").write_text(SENTENCE, encoding="utf-8")
    (raw / "新建 Microsoft Word 文档.docx").write_bytes(b"")
    (raw / "~$25年浙江省政府工作报告.docx").write_bytes(b"\x0cwang\x00" + b"\x00" * 150)
    build(raw, tmp_path / "wh", progress=False, strict=True)
    con = connect_readonly(tmp_path / "wh")
    rejected = dict(con.execute("SELECT source_path, reason FROM rejected_documents").fetchall())
    con.close()
    assert rejected["新建 Microsoft Word 文档.docx"] == "empty file"
    assert rejected["~$25年浙江省政府工作报告.docx"].startswith("a Word lock file")


def test_a_pages_title_is_not_added_where_its_body_states_it():
    """A page titled 标题_站点名 whose body states 标题 near the top gives the body alone (the same text as the
    report's .txt, so the two are one document); a title the body does not state comes first, its own part (not
    the site's name after it: a page whose body holds the report's text without its heading is the same text as
    the report's .docx, probe v251)."""
    from pipeline.ingest import read_html

    body = "<p>澄岭县2025年政府工作报告</p><p>各位代表：全县生产总值增长5%。</p>"
    page = f"<html><head><title>澄岭县2025年政府工作报告_澄岭县人民政府</title></head><body>{body}</body></html>"
    assert read_html(page.encode())[0] == "澄岭县2025年政府工作报告\n各位代表：全县生产总值增长5%。"
    bare = "<html><head><title>澄岭县2025年政府工作报告_澄岭县人民政府</title></head><body><p>各位代表：全县生产总值增长5%。</p></body></html>"
    assert read_html(bare.encode())[0] == "澄岭县2025年政府工作报告\n各位代表：全县生产总值增长5%。"


def test_a_pages_related_articles_are_chrome():
    """A box of related or recommended articles (class related, recommend) is no part of the page's report."""
    from pipeline.ingest import read_html

    page = ("<html><body><p>全镇新建大棚20个。</p><div class='related'>我镇猕猴桃喜获丰收 亩产突破1.4吨</div>"
            "<ul class='recommend-list'><li>营山县新增就业5620人</li></ul></body></html>")
    assert read_html(page.encode())[0] == "全镇新建大棚20个。"


def test_a_portals_side_columns_and_top_bar_are_no_part_of_its_report():
    """A portal page (a blind probe of odd files): the top bar's weather, the index table (索引号), a view counter and
    a left column of other articles' headlines with figures, in markup no chrome word names (lm_left, xgwz), stand
    outside the element that holds the page's sentences, and are dropped; a page with too few sentences to tell
    keeps all its text."""
    from pipeline.ingest import read_html

    report = "".join(f"<p>全镇新建通村公路{n}公里。</p>" for n in range(10, 16))
    page = ("<html><head><title>桃坪镇2025年工作总结</title></head><body>"
            "<div class='topbar'><span>2026年1月5日 晴 -2～7℃</span></div>"
            "<table><tr><td class='lm_left'><ul><li>我县森林覆盖率达64%以上</li><li>新增市场主体1260户</li></ul>"
            "<p>浏览:516次</p></td><td class='lm_right'><table class='meta'><tr><td>索引号</td>"
            f"<td>11-202601-00015</td></tr></table><div class='xgwz'>1-11月工业增长7.9%</div>"
            f"<div class='content'>{report}</div></td></tr></table></body></html>")
    text = read_html(page.encode())[0]
    assert text.split("\n") == ["桃坪镇2025年工作总结", *(f"全镇新建通村公路{n}公里。" for n in range(10, 16))]
    short = "<html><body><div class='side'>x</div><div class='lm_left'>新增市场主体1260户</div><p>全镇新建大棚20个。</p></body></html>"
    assert "新增市场主体1260户" in read_html(short.encode())[0]


def test_a_pages_text_keeps_an_annex_and_a_second_section_beside_it():
    """The element holding the page's sentences is not taken alone where an element beside it holds content: an annex
    table of main targets (its header names 目标), a Word export's last section (a sentence of its own) (a review
    of the main-text rule: both had been dropped)."""
    from pipeline.ingest import read_html

    paras = "".join(f"<p>全县新建通村公路{n}公里。</p>" for n in range(10, 30))
    annex = ("<html><body><div class='article'><div class='TRS_Editor'>" + paras + "</div><div class='fujian'>"
             "<p>附表</p><table><tr><td>指标</td><td>2026年目标</td></tr><tr><td>地区生产总值增长</td><td>6</td></tr>"
             "</table></div></div><div class='side'><ul><li>新增市场主体1260户</li></ul></div></body></html>")
    text = read_html(annex.encode())[0]
    assert "指标 2026年目标" in text and "地区生产总值增长 6" in text and "新增市场主体" not in text
    word = ("<html><body><div class=WordSection1>" + paras + "</div><div class=WordSection2>"
            "<p>各位代表,让我们团结一心,确保城镇新增就业1.2万人。</p></div></body></html>")
    assert "确保城镇新增就业1.2万人。" in read_html(word.encode())[0]
    welcome = ("<html><body><div class='top'>欢迎访问红川县人民政府门户网站！</div><div class='con_right'><ul><li>"
               "红川县2025年滩羊饲养量突破260万只</li></ul></div><div class='content'>" + paras + "</div></body></html>")
    assert "滩羊" not in read_html(welcome.encode())[0]  # (a welcome's ！ is no sentence of the page's)


def test_a_table_cells_own_line_break_is_no_second_cell(tmp_path):
    """A header cell typed on two lines (2024年⏎完成, in Word or with <br> on a page) is one cell, 2024年完成: with a
    space between, the header read as one column too many and the whole table of main indicators gave nothing."""
    import docx

    from pipeline.ingest import read_docx, read_html

    d = docx.Document()
    t = d.add_table(rows=2, cols=4)
    for c, v in enumerate(("指标", "单位", "2024年\n完成", "2025年\n目标")):
        t.cell(0, c).text = v
    for c, v in enumerate(("地区生产总值", "亿元", "412.6", "440")):
        t.cell(1, c).text = v
    path = tmp_path / "a.docx"
    d.save(path)
    assert read_docx(path.read_bytes()).split("\n") == ["指标 单位 2024年完成 2025年目标", "地区生产总值 亿元 412.6 440"]
    page = ("<html><body><table><tr><td>指标</td><td>2025年<br>目标</td><td>GDP<br>growth</td></tr>"
            "<tr><td>地区<span>生产</span>总值</td><td>1 260</td><td>5.5 以内</td></tr></table></body></html>")
    assert read_html(page.encode())[0].split("\n") == ["指标 2025年目标 GDP growth", "地区生产总值 1 260 5.5以内"]


def test_a_collections_province_column_yields_to_the_town_a_row_names(tmp_path):
    """乡镇总结汇编.csv: a `province` column beside a township's summary says which province; the town its title
    names (or, with a title that names none, the one its text signs for) is the jurisdiction, with a warning. A
    province's own report under its column keeps the province."""
    raw = tmp_path / "raw"
    raw.mkdir()
    rows = [
        {"title": "石门坎乡2025年工作总结及2026年工作计划", "province": "贵州", "year": 2025,
         "full_text": "一、2025年工作总结\n全乡新建通村公路12公里。\n石门坎乡人民政府"},
        {"title": "镇2025年度工作总结", "province": "江西", "year": 2025,
         "full_text": "一、2025年工作总结\n全镇新建通组公路8公里。\n铁炉坪镇人民政府\n2025年12月22日"},
        {"title": "2025年山东省政府工作报告", "province": "山东", "year": 2025,
         "full_text": "主要预期目标是:地区生产总值增长5%以上。"},
        # (a column that names the place itself: no warning that it yields to itself)
        {"title": "柘川县2025年政府工作报告", "province": "柘川县", "year": 2025,
         "full_text": "主要预期目标是:地区生产总值增长6%左右。"},
    ]
    (raw / "汇编.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    build(raw, tmp_path / "wh", progress=False)
    con = connect_readonly(tmp_path / "wh")
    got = dict(con.execute("SELECT title, jurisdiction FROM documents").fetchall())
    warned = [m for (m,) in con.execute("SELECT message FROM warnings").fetchall() if "province column" in m]
    con.close()
    assert got == {"石门坎乡2025年工作总结及2026年工作计划": "石门坎乡", "镇2025年度工作总结": "铁炉坪镇",
                   "2025年山东省政府工作报告": "山东省", "柘川县2025年政府工作报告": "柘川县"}
    assert len(warned) == 2


def test_a_header_of_two_rows_held_by_merged_cells_is_one_header_line():
    """A page's table whose header spans two rows (指标名称 and 单位 rowspan=2 over 2025年 colspan=2 above 目标 and
    完成: a blind probe's district) is read with one header, 2025年目标 and 2025年完成; its second row had been read as
    a heading 目标 完成 that made every figure after the table a target of the next year."""
    from pipeline.process import FileTask, process_file

    table = ('<table><tr><td rowspan="2">指标名称</td><td rowspan="2">单位</td><td colspan="2">2025年</td>'
             '<td rowspan="2">增长%</td></tr><tr><td>目标</td><td>完成</td></tr>'
             '<tr><td>一般公共预算收入</td><td>亿元</td><td>72</td><td>73.6</td><td>4.5</td></tr></table>')
    page = ("<html><head><title>沌湖区2025年工作总结</title></head><body><p>一、经济运行稳中向好</p>"
            f"<p>2025年沌湖区主要经济指标完成情况</p>{table}<p>二、项目建设提速增效</p>"
            "<p>新开工亿元以上项目64个。</p></body></html>").encode("utf-8")
    r = process_file(FileTask("沌湖区2025年工作总结.html", "sha", len(page), 0, {}, page))
    [doc] = r.documents
    assert "指标名称 单位 2025年目标 2025年完成 增长%" in doc["text"].split("\n")
    got = {(f["surface"], f["kind"], f["period_year"]) for f in r.facts}
    assert {("72", "target", 2025), ("73.6", "actual", 2025), ("64个", "actual", 2025)} <= got, got


def test_a_docx_header_merged_down_is_one_header_line(tmp_path):
    import docx

    from pipeline.ingest import read_docx

    d = docx.Document()
    t = d.add_table(rows=3, cols=4)
    t.cell(0, 0).merge(t.cell(1, 0)).text = "指标名称"
    t.cell(0, 1).merge(t.cell(0, 2)).text = "2025年"
    t.cell(0, 3).merge(t.cell(1, 3)).text = "2026年目标"
    t.cell(1, 1).text, t.cell(1, 2).text = "目标", "完成"
    for c, v in enumerate(("地区生产总值增速", "6", "6.3", "6")):
        t.cell(2, c).text = v
    path = tmp_path / "a.docx"
    d.save(path)
    assert read_docx(path.read_bytes()).split("\n") == [
        "指标名称 2025年目标 2025年完成 2026年目标", "地区生产总值增速 6 6.3 6"]


def test_a_compilation_of_places_documents_splits_by_place():
    """A county's compilation of its towns' summaries in one file (its first line names a 汇编; a blind probe's
    county): each town's chapter (一、青石镇, 【石门镇】, 白沙镇2025年工作总结…) is a document of that town, the preface
    before them the county's, each as the compilation's name dates it; one town's plan then meets its own result."""
    from pipeline.process import FileTask, process_file

    text = ("澧阳县各乡镇(街道)2024年工作总结及2025年工作计划汇编\n前言\n2024年,全县地区生产总值增长5.9%。\n"
            "一、青石镇\n(一)2024年工作总结\n全年完成财政收入4260万元。\n(二)2025年工作计划\n财政收入增长8%以上。\n"
            "【石门镇】\n全年完成财政收入3120万元。\n"
            "白沙镇2024年工作总结和2025年工作思路\n全年完成财政收入2850万元。\n").encode("utf-8")
    r = process_file(FileTask("澧阳县各乡镇(街道)2024年工作总结及2025年工作计划汇编.txt", "sha", len(text), 0, {}, text))
    assert r.rejected is None and r.error is None
    got = [(d["part"], d["jurisdiction"], d["report_year"], d["doc_type"]) for d in r.documents]
    assert got == [(0, "澧阳县", 2024, "year_end_summary"), (1, "青石镇", 2024, "year_end_summary"),
                   (2, "石门镇", 2024, "year_end_summary"), (3, "白沙镇", 2024, "year_end_summary")], got
    by_value = {f["surface"]: f["jurisdiction"] for f in r.facts}
    assert by_value["4260万元"] == "青石镇" and by_value["3120万元"] == "石门镇" and by_value["2850万元"] == "白沙镇"


def test_a_town_summary_with_chapter_like_headings_is_one_document():
    """Without a compilation's title, headings that name places (一、青石镇 in a county's report) split nothing."""
    from extract import split_parts

    text = "澧阳县2024年工作总结\n一、青石镇\n全年完成财政收入4260万元。\n二、石门镇\n全年完成财政收入3120万元。"
    assert len(split_parts(text)) == 1


@pytest.mark.parametrize("table, lines", [
    # a column of categories merged down beside the figures of a table with no header: each row its own line
    ('<tr><td rowspan=3>经济发展</td><td>地区生产总值</td><td>亿元</td><td>100</td></tr>'
     '<tr><td>财政收入</td><td>亿元</td><td>10</td></tr><tr><td>固定资产投资</td><td>亿元</td><td>50</td></tr>',
     ["经济发展 地区生产总值 亿元 100", "财政收入 亿元 10", "固定资产投资 亿元 50"]),
    # a note merged down the last column: no header of two rows
    ('<tr><td>指标</td><td>单位</td><td>目标</td><td rowspan=3>单位:万元</td></tr>'
     '<tr><td>GDP</td><td>亿元</td><td>5</td></tr><tr><td>收入</td><td>亿元</td><td>6</td></tr>',
     ["指标 单位 目标 单位:万元", "GDP 亿元 5", "收入 亿元 6"]),
    # a second header row shorter than the first: the cell spanning down past its end stays in its column
    ('<tr><td rowspan=2>指标</td><td colspan=2>2025年</td><td rowspan=2>备注</td></tr><tr><td>目标</td></tr>'
     '<tr><td>GDP</td><td>5</td><td>6</td><td>说明</td></tr>',
     ["指标 2025年目标 2025年 备注", "GDP 5 6 说明"]),
    # a caption is a line before the rows
    ('<caption>表1 主要指标(单位:万元)</caption><tr><td>指标</td><td>2025年目标</td></tr><tr><td>收入</td><td>72</td></tr>',
     ["表1 主要指标(单位:万元)", "指标 2025年目标", "收入 72"]),
    # a unit cell merged down: each row's unit, again in each line (the row below had lost its unit, and its figures)
    ('<tr><td>指标</td><td>单位</td><td>2025年目标</td><td>2025年完成</td></tr><tr><td>地区生产总值增长</td>'
     '<td rowspan=2>%</td><td>6</td><td>6.2</td></tr><tr><td>固定资产投资增长</td><td>6以上</td><td>4.3</td></tr>',
     ["指标 单位 2025年目标 2025年完成", "地区生产总值增长 % 6 6.2", "固定资产投资增长 % 6以上 4.3"]),
])
def test_a_tables_rows_with_merged_cells_that_make_no_header(table, lines):
    """What a reviewer found the first reading of merged headers did: a column of categories or a note merged down
    made the rows it covered one header; a short second row shifted a column; a caption was lost."""
    from bs4 import BeautifulSoup

    from pipeline.ingest import html_text

    assert html_text(BeautifulSoup(f"<table>{table}</table>", "html.parser")).split("\n") == lines


@pytest.mark.parametrize("text", [
    "关于印发《政策汇编》的通知\n一、青石镇\n全年完成财政收入4260万元。\n二、白沙镇\n全年完成财政收入2850万元。",
    "2024年惠民政策汇编\n二、经济开发区\n新增企业5家。\n三、自然保护区\n面积5万亩。",
])
def test_no_compilation_of_places_where_its_title_or_heads_say_none(text):
    """汇编 inside a title's quotes names no compilation of places; nor do heads that name no town or county."""
    from extract import split_parts

    assert len(split_parts(text)) == 1


def test_a_compilations_table_of_contents_and_a_towns_second_heading_open_no_chapter():
    from extract import split_parts

    text = ("某县乡镇工作汇编\n目录\n一、青石镇\n二、白沙镇\n一、青石镇\n全年完成财政收入4260万元。\n青石镇\n"
            "二、白沙镇\n全年完成财政收入2850万元。")
    assert [(p.number, p.title) for p in split_parts(text)] == [(0, None), (1, "青石镇"), (2, "白沙镇")]


def test_an_empty_cell_of_a_table_keeps_its_column(tmp_path):
    """A table's empty cell is written as the placeholder —, so that the figure before it stays under its own
    column: 新增高标准农田 2.2 and an empty 2025 target had read as a 2025 target of 2.2 (blind probe v93). A row
    of a name alone stays a name alone."""
    import docx

    from pipeline.ingest import read_docx, read_html_text

    d = docx.Document()
    t = d.add_table(rows=4, cols=4)
    for r, row in enumerate((("指标名称", "单位", "2024年完成", "2025年目标"), ("新增高标准农田", "万亩", "2.2", ""),
                             ("经济发展类", "", "", ""), ("森林覆盖率", "%", "67.02", "67.1"))):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    path = tmp_path / "a.docx"
    d.save(path)
    want = ["指标名称 单位 2024年完成 2025年目标", "新增高标准农田 万亩 2.2 —", "经济发展类", "森林覆盖率 % 67.02 67.1"]
    assert read_docx(path.read_bytes()).split("\n") == want
    page = ("<html><body><table><tr><th>指标名称</th><th>单位</th><th>2024年完成</th><th>2025年目标</th></tr>"
            "<tr><td>新增高标准农田</td><td>万亩</td><td>2.2</td><td></td></tr><tr><td>经济发展类</td><td></td><td></td>"
            "<td></td></tr><tr><td>森林覆盖率</td><td>%</td><td>67.02</td><td>67.1</td></tr></table></body></html>")
    assert read_html_text(page.encode())[0].split("\n") == want


def test_a_csv_of_indicators_is_one_document_of_a_table(tmp_path):
    """A .csv that is one table of indicators (no text column, a header that names a year) is read as one
    document, titled by its file name, each row a table's line (it had been rejected: blind probe v93); a
    collection of documents still needs its text column."""
    from pathlib import Path

    from pipeline.ingest import read_units

    data = "指标名称,单位,2024年完成,2025年目标,属性\n粮食播种面积,万亩,86.3,86以上,约束性\n新增高标准农田,万亩,2.2,,约束性\n"
    (unit,) = read_units(Path("桐川市2025年农业农村主要指标.csv"), "桐川市2025年农业农村主要指标.csv",
                         data.encode(), {}, [])
    assert unit.raw_text.split("\n") == ["桐川市2025年农业农村主要指标", "指标名称 单位 2024年完成 2025年目标 属性",
                                         "粮食播种面积 万亩 86.3 86以上 约束性", "新增高标准农田 万亩 2.2 — 约束性"]
    facts = [(f.period_year, f.kind, str(f.value)) for f in extract_facts(unit.raw_text, "d", report_year=2025,
                                                                         doc_type="government_work_report")]
    assert (2025, "target", "860000") in facts and (2024, "actual", "22000.0") in facts
    assert not any(v == "22000.0" and k == "target" for _, k, v in facts)


def test_numbered_headings_with_a_comma_are_no_page_width():
    """A .docx's numbered headings, fifteen of about one length and each ending no sentence ((四)坚持城乡融合,城市品质
    明显提升), are no page's width at which lines were cut: the heading and its paragraph stay apart (blind probe v269:
    every level-2 heading had been glued to the paragraph after it, and its words to the paragraph's keys)."""
    from extract.normalize import _cut_width

    heads = ["（一）坚持项目为王，有效投资稳步扩大", "（二）坚持工业强市，产业结构持续优化", "（三）坚持农业稳基，乡村振兴扎实推进",
             "（四）坚持城乡融合，城市品质明显提升", "（五）坚持生态优先，绿色底色更加鲜亮", "（六）坚持改革开放，发展活力持续增强",
             "（七）坚持民生为本，群众获得感不断增强", "（八）坚持依法行政，政府自身建设不断加强",
             "（一）聚力扩大有效需求，推动经济持续回升向好", "（二）聚力建设现代化产业体系，加快推进新型工业化",
             "（三）聚力推进乡村全面振兴，加快建设农业强市", "（四）聚力提升城市能级，推进以人为本的新型城镇化",
             "（五）聚力建设美丽雁川，推动绿色低碳转型", "（六）聚力深化改革开放，持续激发发展活力",
             "（七）聚力保障和改善民生，不断增进人民福祉"]
    paragraph = "严格落实粮食安全党政同责，粮食总产量68.2万吨，连续12年稳定在65万吨以上，新建高标准农田12.5万亩。"
    assert _cut_width(heads + [paragraph] * 15) is None
