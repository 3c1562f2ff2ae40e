"""Copies of one document written differently (a web copy, a .docx with empty paragraphs, a collection's row,
a compilation's sample) are one document: their facts are never doubled, and each copy left out is listed."""
from __future__ import annotations

import csv
import io

from pipeline import versions
from pipeline.build import build
from pipeline.warehouse import connect_readonly

REPORT = ("2025年云岭县政府工作报告\n"
          "一、2024年工作回顾\n"
          "全县地区生产总值完成98.6亿元,增长5.8%;城镇新增就业3200人。\n"
          "二、2025年主要目标\n"
          "地区生产总值增长6%左右,城镇新增就业3500人以上,粮食产量稳定在20万吨。")
OTHER = "2025年青石县政府工作报告\n全县地区生产总值完成55.1亿元,增长5.1%。\n地区生产总值增长5.5%左右。"


def query(wh, sql):
    con = connect_readonly(wh)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _docx(path, paragraphs):
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    d.save(path)


def _csv(path, rows):
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]))
    w.writeheader()
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def _alone(tmp_path, text=REPORT, name="2025年云岭县政府工作报告.txt"):
    raw = tmp_path / "alone"
    raw.mkdir()
    (raw / name).write_text(text, encoding="utf-8")
    build(raw, tmp_path / "wh_alone", progress=False, strict=True)
    return query(tmp_path / "wh_alone", "SELECT fact_id, value FROM facts ORDER BY fact_id")


def test_copies_that_differ_in_spaces_blank_lines_and_punctuation_are_one_document(tmp_path):
    want = _alone(tmp_path)
    assert len(want) >= 5
    raw = tmp_path / "raw"
    raw.mkdir()
    name = "2025年云岭县政府工作报告"
    (raw / f"{name}.txt").write_text(REPORT, encoding="utf-8")
    (raw / f"{name}_网页.txt").write_text(REPORT.replace("\n", "\n\n").replace(",", ", ").replace("。", "."),
                                         encoding="utf-8")
    (raw / f"{name}_nbsp.txt").write_text(REPORT.replace(",", ",\u00a0").replace("增长", "增 长"), encoding="utf-8")
    (raw / f"{name}_全角.txt").write_text(REPORT.replace(",", "，").replace(";", "；"), encoding="utf-8")
    _docx(raw / f"{name}.docx", [p for line in REPORT.split("\n") for p in (line, "")])
    _csv(raw / "汇总.csv", [{"title": f"{name}", "text": REPORT.replace("\n", "\n\n")},
                            {"title": "2025年青石县政府工作报告", "text": OTHER}])
    build(raw, tmp_path / "wh", progress=False, strict=True)
    wh = tmp_path / "wh"
    got = query(wh, "SELECT fact_id, value FROM facts WHERE jurisdiction = '云岭县' ORDER BY fact_id")
    assert sorted(v for _, v in got) == sorted(v for _, v in want)
    dups = dict(query(wh, "SELECT source_path, duplicate_of FROM duplicates"))
    assert dups == {f"{name}.txt": f"{name}.docx", f"{name}_网页.txt": f"{name}.docx", f"{name}_nbsp.txt": f"{name}.docx",
                    f"{name}_全角.txt": f"{name}.docx", "汇总.csv": f"{name}.docx"}
    assert query(wh, "SELECT count(*) FROM documents WHERE jurisdiction = '青石县'") == [(1,)]


def test_two_reports_that_differ_in_one_number_or_decimal_point_are_two_documents(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a_2025年云岭县政府工作报告.txt").write_text(REPORT, encoding="utf-8")
    (raw / "b_2025年云岭县政府工作报告.txt").write_text(REPORT.replace("3200人", "3300人"), encoding="utf-8")
    (raw / "c_2025年云岭县政府工作报告.txt").write_text(REPORT.replace("98.6亿元", "986亿元"), encoding="utf-8")
    (raw / "d_2024年云岭县政府工作报告.txt").write_text(REPORT.replace("2025年云岭县", "2024年云岭县"), encoding="utf-8")
    build(raw, tmp_path / "wh", progress=False, strict=True)
    assert query(tmp_path / "wh", "SELECT count(*) FROM documents") == [(4,)]
    assert query(tmp_path / "wh", "SELECT count(*) FROM duplicates") == [(0,)]


def test_a_compilations_sample_and_its_standalone_copy_are_one_document(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    a = "柳溪镇2025年工作总结\n2025年,全镇新建高标准农田1200亩;新增城镇就业210人。"
    b = "清河镇2025年工作总结\n2025年,全镇新增茶园800亩,农业总产值增长4.2%。"
    (raw / "合集A.txt").write_text(f"范文一\n{a}\n范文二\n{b}\n", encoding="utf-8")
    (raw / "合集B.txt").write_text(f"【范文一】\n{b}\n【范文二】\n{a}\n", encoding="utf-8")
    (raw / "合集C.txt").write_text(f"范文一：{b}\n范文二：{a}\n", encoding="utf-8")
    (raw / "柳溪镇2025年工作总结.txt").write_text(a.replace("\n", "\n\n"), encoding="utf-8")
    build(raw, tmp_path / "wh", progress=False, strict=True)
    wh = tmp_path / "wh"
    assert query(wh, "SELECT source_path, part FROM documents ORDER BY 1, 2") == [("合集A.txt", 1), ("合集A.txt", 2)]
    assert query(wh, "SELECT source_path, part, duplicate_of FROM duplicates ORDER BY 1, 2") == [
        ("合集B.txt", 1, "合集A.txt"), ("合集B.txt", 2, "合集A.txt"), ("合集C.txt", 1, "合集A.txt"),
        ("合集C.txt", 2, "合集A.txt"), ("柳溪镇2025年工作总结.txt", None, "合集A.txt")]
    assert query(wh, "SELECT count(*) FROM facts GROUP BY indicator_key, value HAVING count(*) > 1") == []


def test_the_copy_the_manifest_describes_is_kept(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "0_下载副本.txt").write_text(REPORT, encoding="utf-8")
    (raw / "2025年云岭县政府工作报告.txt").write_text(REPORT, encoding="utf-8")
    (raw / "manifest.csv").write_text("path,title,source_url\n2025年云岭县政府工作报告.txt,云岭县报告（正式版）,"
                                      "http://yl.gov.cn/a.html\n", encoding="utf-8")
    build(raw, tmp_path / "wh", progress=False, strict=True)
    wh = tmp_path / "wh"
    assert query(wh, "SELECT source_path, title, source_url FROM documents") == [
        ("2025年云岭县政府工作报告.txt", "云岭县报告（正式版）", "http://yl.gov.cn/a.html")]
    assert query(wh, "SELECT source_path, duplicate_of FROM duplicates") == [
        ("0_下载副本.txt", "2025年云岭县政府工作报告.txt")]


def test_editing_the_kept_copy_brings_no_stale_copy_back(tmp_path):
    """The kept copy edited (a figure corrected): its unchanged copies are its earlier version, left out as
    copies of it, in the incremental build and the full one alike; when it is removed they are read again."""
    raw = tmp_path / "raw"
    raw.mkdir()
    name = "2025年云岭县政府工作报告"
    _docx(raw / f"{name}.docx", REPORT.split("\n"))
    (raw / f"{name}.txt").write_text(REPORT, encoding="utf-8")
    (raw / f"{name}_网页.txt").write_text(REPORT.replace("\n", "\n\n"), encoding="utf-8")
    (raw / "青石县.txt").write_text(OTHER, encoding="utf-8")
    wh = tmp_path / "wh"
    build(raw, wh, progress=False, strict=True)
    assert query(wh, "SELECT count(*) FROM documents") == [(2,)]
    _docx(raw / f"{name}.docx", REPORT.replace("3200人", "3280人").split("\n"))
    build(raw, wh, progress=False, strict=True)
    facts_sql = "SELECT source_path, value FROM facts WHERE indicator = 'urban_new_jobs' ORDER BY 1, 2"
    for full in (False, True):
        if full:
            build(raw, wh, progress=False, strict=True, full=True)
        assert query(wh, "SELECT source_path FROM documents ORDER BY 1") == [(f"{name}.docx",), ("青石县.txt",)]
        assert query(wh, "SELECT source_path, duplicate_of FROM duplicates ORDER BY 1") == [
            (f"{name}.txt", f"{name}.docx"), (f"{name}_网页.txt", f"{name}.docx")]
        assert [v for _, v in query(wh, facts_sql)] == [3280, 3500]
    (raw / f"{name}.docx").unlink()  # the edited copy gone: the earlier version is read again, once
    build(raw, wh, progress=False, strict=True)
    assert query(wh, "SELECT source_path FROM documents ORDER BY 1") == [(f"{name}.txt",), ("青石县.txt",)]
    assert [v for _, v in query(wh, facts_sql)] == [3200, 3500]


LONG = ("2025年云岭县政府工作报告\n"
        "各位代表:现在,我代表县人民政府向大会报告工作。\n"
        "一、2024年工作回顾\n"
        "全县地区生产总值完成98.6亿元,增长5.8%。\n"
        "城镇新增就业3200人,农村居民人均可支配收入18650元。\n"
        "新建高标准农田2.1万亩,改造农村公路120公里。\n"
        "二、2025年主要目标\n"
        "地区生产总值增长6%左右。\n"
        "城镇新增就业3500人以上。\n"
        "粮食产量稳定在20万吨以上。\n"
        "新建高标准农田2.5万亩。\n"
        "改造农村公路150公里。\n")


def test_a_revision_beside_its_report_supersedes_it(tmp_path):
    """A 修订稿 beside the report it revises (two figures changed), and a draft (征求意见稿): three documents, all
    their facts kept, but plan_vs_actual has each target once, as the revision states it; document_versions says
    which superseded which and why (blind probes v200, v251)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "2025年云岭县政府工作报告.txt").write_text(LONG, encoding="utf-8")
    revised = LONG.replace("增长6%左右", "增长6.5%左右").replace("改造农村公路150公里", "改造农村公路180公里")
    (raw / "2025年云岭县政府工作报告（修订稿）.txt").write_text(revised, encoding="utf-8")
    (raw / "2025年云岭县政府工作报告（征求意见稿）.txt").write_text(LONG.replace("3500人以上", "3400人以上"),
                                                                 encoding="utf-8")
    (raw / "2025年青石县政府工作报告.txt").write_text(OTHER, encoding="utf-8")
    wh = tmp_path / "wh"
    build(raw, wh, progress=False, strict=True)
    assert query(wh, "SELECT count(*) FROM documents") == [(4,)]
    assert query(wh, "SELECT source_path, superseded_by_path FROM document_versions ORDER BY 1") == [
        ("2025年云岭县政府工作报告.txt", "2025年云岭县政府工作报告（修订稿）.txt"),
        ("2025年云岭县政府工作报告（征求意见稿）.txt", "2025年云岭县政府工作报告（修订稿）.txt")]
    rows = query(wh, "SELECT indicator, target_value FROM plan_vs_actual WHERE jurisdiction = '云岭县' ORDER BY 1")
    assert len(rows) == len({r[0] for r in rows}) == 5
    assert ("gdp_growth", 6.5) in [(i, float(v)) for i, v in rows]
    assert query(wh, "SELECT count(*) FROM facts f JOIN document_versions v USING (doc_id)")[0][0] > 0
    # the other county's report, alone of its kind, supersedes nothing and is superseded by nothing
    assert query(wh, "SELECT count(*) FROM document_versions WHERE source_path LIKE '%青石县%'"
                     " OR superseded_by_path LIKE '%青石县%'") == [(0,)]


def test_a_sample_a_compilation_prints_twice_is_one_report(tmp_path):
    """A 范文 compilation whose site prints its 第5篇：… sample twice (ads between, a disclaimer after the second): each
    sample its own part (第N篇： with a title marks one), and the second print a repeat of the first in
    document_versions, so plan_vs_actual has its targets once (probe v285)."""
    sample = ("第5篇：河口乡2025年工作总结暨2026年工作打算\n一、2025年工作回顾\n全乡新建通组公路12公里。\n"
              "农民人均可支配收入达到15200元。\n新建茶园600亩。\n完成危房改造21户。\n二、2026年工作打算\n"
              "力争农民人均可支配收入达到16000元。\n新建通组公路15公里。\n河口乡人民政府\n")
    text = ("乡镇年终工作总结范文（精选5篇）\n第4篇：东坪镇2025年度工作总结\n一、2025年工作回顾\n全镇新建茶园800亩。\n"
            "二、2026年工作打算\n新建茶园1000亩。\n" + sample + "相关推荐:\n乡镇工作总结范文\n" + sample
            + "免责声明:本站内容来自网络。\n")
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "2025年乡镇年终工作总结范文.txt").write_text(text, encoding="utf-8")
    wh = tmp_path / "wh"
    build(raw, wh, progress=False, strict=True)
    assert query(wh, "SELECT jurisdiction, count(*) FROM documents WHERE jurisdiction IS NOT NULL GROUP BY 1 ORDER BY 1"
                 ) == [("东坪镇", 1), ("河口乡", 2)]
    assert query(wh, "SELECT count(*) FROM document_versions") == [(1,)]
    assert query(wh, "SELECT count(*) FROM plan_vs_actual WHERE jurisdiction = '河口乡'") == [(2,)]
    assert query(wh, "SELECT count(*) FROM int_actuals WHERE jurisdiction = '河口乡'") == [(4,)]


def test_a_corrected_edition_of_long_paragraphs_is_a_version():
    """A short report of long paragraphs (one line each) whose 更正版 corrects a figure in two of them, names itself in
    its title and adds its note: most of its sentences are the original's, so it is a version of it; a report of
    the same place with other sentences is not (probe v312: the paragraphs as lines had left half shared)."""
    paragraphs = [f"第{k}部分。" + "".join(f"全区第{k}类第{j}项工作完成{k * 10 + j}个,增长{j}.{k}%。" for j in range(6))
                  for k in range(1, 8)]
    original = "南屏区2026年政府工作报告\n" + "\n".join(paragraphs)
    corrected = ("2026年南屏区政府工作报告(更正版)\n"
                 + "\n".join(p.replace("完成12个", "完成21个").replace("完成33个", "完成30个") for p in paragraphs)
                 + "\n更正说明:本报告“完成12个”更正为“完成21个”,“完成33个”更正为“完成30个”,特此更正。")
    assert versions.same_report(versions.lines(original), versions.lines(corrected))
    other = "南屏区2026年政府工作报告\n" + "\n".join(p.replace("工作完成", "任务落实") for p in paragraphs)
    assert not versions.same_report(versions.lines(original), versions.lines(other))
    # as lines, the paragraphs say otherwise: two of seven changed, and the title, and the note
    assert not versions.same_report({p for p in original.split("\n")}, {p for p in corrected.split("\n")})


def test_of_two_copies_the_one_not_named_a_copy_is_kept(tmp_path):
    """2025年澄湖街道工作总结.txt and its Windows copy 2025年澄湖街道工作总结 - 副本.txt (whose name sorts first: a space
    before the dot): the file its owner named is the document, the copy the duplicate (probe v312)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    name = "2025年澄湖街道工作总结"
    for n in (name, f"{name} - 副本", f"{name}(1)"):
        (raw / f"{n}.txt").write_text(LONG, encoding="utf-8")
    wh = tmp_path / "wh"
    build(raw, wh, progress=False, strict=True)
    assert query(wh, "SELECT source_path FROM documents") == [(f"{name}.txt",)]
    assert query(wh, "SELECT source_path, duplicate_of FROM duplicates ORDER BY 1") == [
        (f"{name} - 副本.txt", f"{name}.txt"), (f"{name}(1).txt", f"{name}.txt")]


def test_a_web_copys_half_width_stops_cut_its_sentences():
    """A copy written with . for 。 is cut into sentences as the original is (a decimal point is no stop)."""
    assert versions.lines("全县完成1.5亿元.新建学校3所.") == versions.lines("全县完成1.5亿元。新建学校3所。")
