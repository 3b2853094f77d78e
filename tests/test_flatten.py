"""Flattened page text (crawler output): the header block, part headings inside long lines, and
tables whose labels and numbers run together (govlint.flatten, hooks in parse.py and build.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import flatgen
import govlint
from govlint import flatten
from govlint.engine import default_engine

DATA = Path(__file__).parent / "data"
PINGTAN = {y: DATA / f"{y}-pingtan.txt" for y in (2019, 2021, 2022, 2024)}
SEED = DATA / "seed.txt"
OFFICIAL_HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                     "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text`` (without its line break)."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _at(path: Path, span) -> str:
    """The text of the user's file at a span (line/column, code points)."""
    lines = _text(path).split("\n")
    assert span.line == span.end_line
    return lines[span.line - 1][span.column - 1:span.end_column - 1]


def _findings(path_or_text, families=("GL1", "GL2", "GL3")) -> list[tuple]:
    return sorted((d.code, d.table or "", d.row or "") for d in govlint.lint(path_or_text)
                  if d.code.startswith(families) and d.code != "GL214")


# ----------------------------------------------------------------------------- the crawler header


def test_crawler_header_gives_title_and_publication_date():
    report = govlint.parse(PINGTAN[2024])
    assert report.title.text == "平潭综合实验区2024年度政府信息公开工作年度报告"
    assert _at(PINGTAN[2024], report.title.span) == report.title.text
    assert report.published == "2025-03-10"
    assert report.published_span.line == 2 and _at(PINGTAN[2024], report.published_span) == "2025-03-10"
    assert report.year == 2024 and report.agency == "平潭综合实验区"
    # the header's other lines (原文链接, 栏目 …) are not report text
    assert not any("原文链接" in p.text or "====" in p.text for p in report.paragraphs())


def test_no_header_without_its_separator_line():
    assert flatten.crawler_header("标题: 某某报告\n发布时间: 2023-01-01\n正文开始\n") is None
    assert flatten.crawler_header("某某报告\n标题: x\n==== 正文 ====\n") is None
    h = flatten.crawler_header("\n标题: 某某报告\n发布时间: 2023/1/5 08:00\n===== 正文 =====\nbody")
    assert h is not None and h.published_date == "2023-01-05"


# ----------------------------------------------------------------------------- headings inside lines


def _split(line: str):
    vocab = default_engine().vocab
    got = flatten.split_line(line, vocab)
    return None if got is None else [(k, line[a:b]) for k, a, b in got]


def test_headings_found_inside_a_long_line():
    line = "本报告所列数据统计期限为2024年1月1日至12月31日。一、总体情况2024年，我区持续推进。二、主动公开政府信息情况第二十条"
    assert _split(line) == [("BODY", "本报告所列数据统计期限为2024年1月1日至12月31日。"), ("HEADING", "一、总体情况"),
                            ("BODY", "2024年，我区持续推进。"), ("HEADING", "二、主动公开政府信息情况"), ("BODY", "第二十条")]


def test_heading_after_digits_and_a_reworded_heading_ending_at_a_table_label():
    line = "四、结转下年度继续办理0000000四、政府信息公开行政法复议、行政诉讼情况行政复议 行政诉讼 0 0"
    got = _split(line)
    assert ("HEADING", "四、政府信息公开行政法复议、行政诉讼情况") in got
    assert got[0] == ("BODY", "四、结转下年度继续办理0000000")  # a row label is no heading


def test_weak_heading_inside_a_sentence_is_not_split():
    # “四、” followed by words naming part 四, glued to the preceding character: part of a sentence
    assert _split("我们重点做好四、行政复议案件的办理工作，效果明显。") is None
    # the numeral must agree with the part the words name
    assert _split("工作扎实。二、收到和处理政府信息公开申请情况") is None
    # table lines are never cut
    assert _split("一、总体情况 | 3 |") is None


# ----------------------------------------------------------------------------- the Pingtan reports


@pytest.mark.parametrize("year", sorted(PINGTAN))
def test_pingtan_parts_and_tables(year):
    path = PINGTAN[year]
    report = govlint.parse(path)
    assert [s.part for s in report.sections] == [1, 2, 3, 4, 5, 6]
    for s in report.sections:
        assert _at(path, s.heading.span) == s.heading.text
        assert s.heading.number == s.part
    expected = list(OFFICIAL_HEADINGS)
    if year == 2022:
        expected[3] = "四、政府信息公开行政法复议、行政诉讼情况"  # as written (GL103 reports it)
    assert [s.heading.text for s in report.sections] == expected
    assert report.edition == ("2019" if year == 2019 else "2021") and report.year == year
    for tid, part in (("二", 2), ("三", 3), ("四", 4)):
        table = report.table(tid)
        assert table is not None and table.section == part
        assert not table.missing_rows and not table.missing_columns and not table.unknown_rows
        assert table.header_recognised and not table.stray_values
        assert table in report.section(part).tables
    three = report.table("三")
    assert all(r.cells for r in three.rows)  # every row of table 三 read (run-together ones recovered)


EXPECTED_ROWS = {
    # the examples of the issue and of the files, as the tables' identities force them
    2019: {("三", "new"): [23, 0, 0, 0, 0, 0, 23], ("三", "total"): [23, 0, 0, 0, 0, 0, 23],
           ("三", "other_handling"): [0] * 7, ("四", "cases"): [0] * 15},
    2021: {("三", "new"): [64, 0, 0, 2, 0, 4, 70], ("三", "disclosed"): [27, 0, 0, 2, 0, 1, 30],
           ("三", "unable.not_held"): [22, 0, 0, 0, 0, 3, 25], ("三", "carry_forward"): [1, 0, 0, 0, 0, 0, 1],
           ("四", "cases"): [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0], ("二", "fees"): [24252.311082]},
    2022: {("三", "new"): [71, 3, 0, 0, 0, 0, 74], ("三", "partly_disclosed"): [8, 1, 0, 0, 0, 0, 9],
           ("三", "total"): [72, 3, 0, 0, 0, 0, 75], ("四", "cases"): [0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0],
           ("二", "licensing"): [10690]},
    2024: {("三", "new"): [217, 1, 0, 0, 0, 0, 218], ("三", "withheld.internal"): [32, 0, 0, 0, 0, 0, 32],
           ("三", "other_handling.other"): [1, 1, 0, 0, 0, 0, 2], ("二", "regulations"): [0, 0, 0],
           ("四", "cases"): [2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19], ("二", "fees"): [18651.06]},
}


@pytest.mark.parametrize("year", sorted(PINGTAN))
def test_pingtan_values(year):
    report = govlint.parse(PINGTAN[year])
    for (tid, rid), values in EXPECTED_ROWS[year].items():
        assert [c.value for c in report.table(tid).row(rid).cells] == values, (tid, rid)


# The true findings (GL1–GL3) that remain on the four Pingtan reports; GL214 notes are left out.
TRUE_FINDINGS = {
    2019: [
        # table 二 of the 2019 format has no identity, so a run of digits in it can be split only when
        # each cell is forced; these seven rows could be read several ways (e.g. “350” = 3|50 or 35|0)
        ("GL211", "二", "enforcement"),  # 行政强制 “126025”
        ("GL211", "二", "fees"),  # 行政事业性收费 “350”
        ("GL211", "二", "licensing"),  # 行政许可 “3960181”
        ("GL211", "二", "normative_documents"),  # 规范性文件 “898989” (89|89|89? 8|98|989? …)
        ("GL211", "二", "other_services"),  # 其他对外管理服务事项 “100153”
        ("GL211", "二", "penalty"),  # 行政处罚 “26480430”
        ("GL211", "二", "procurement"),  # 政府集中采购 “13575394432.52元”
    ],
    2021: [
        ("GL211", "二", "normative_documents"),  # 行政规范性文件 “693665”: three cells, no identity
    ],
    2022: [
        ("GL103", "", ""),  # heading “四、政府信息公开行政法复议、行政诉讼情况” (行政法复议: a typo)
        ("GL211", "二", "normative_documents"),  # 行政规范性文件 “8855698”
    ],
    2024: [
        ("GL211", "二", "normative_documents"),  # 行政规范性文件 “6233440” (62|3|3440? 62|33|440? …)
    ],
}


@pytest.mark.parametrize("year", sorted(PINGTAN))
def test_pingtan_true_findings(year):
    found = [f for f in _findings(PINGTAN[year]) if not f[0].startswith("GL11")]  # GL11x: content rules
    assert found == sorted(TRUE_FINDINGS[year])
    diags = govlint.lint(PINGTAN[year])
    assert not [d for d in diags if d.code.startswith("GL0")]
    notes = [d for d in diags if d.code == "GL214"]  # one note per table whose digits ran together
    tables = [d.table for d in notes]
    assert "三" in tables and len(tables) == len(set(tables))
    assert next(d for d in notes if d.table == "三").actual >= 20


# ----------------------------------------------------------------------------- the seed, flattened


def _values(report) -> dict:
    return {(t.id, r.id): [c.value for c in r.cells] for t in report.tables for r in t.rows}


@pytest.mark.parametrize("header", [True, False])
def test_seed_flattened_reads_like_the_seed(header):
    seed = govlint.parse(SEED)
    text = flatgen.flatten_text(_text(SEED), header=header)
    assert "\n" not in text.split("==================== 正文 ====================\n")[-1].rstrip("\n")
    flat = govlint.parse(text)
    assert flat.title.text == seed.title.text and flat.year == seed.year and flat.edition == seed.edition
    assert [s.heading.text for s in flat.sections] == [s.heading.text for s in seed.sections]
    assert _values(flat) == _values(seed)
    assert _findings(text) == _findings(SEED)


def test_seed_with_larger_values_flattened():
    """The seed's tables 三/四 times 217 (identities still hold): 3 becomes 651, and “6510000000651”
    is split back by the row identity; times 1001 the run “30030000003003” fits several splits that
    the columns cannot tell apart — those rows are unread, and nothing else is reported."""
    seed_text = _text(SEED)
    seed = _values(govlint.parse(SEED))
    scaled = flatgen.flatten_text(flatgen.scale_tables(seed_text, 217))
    got = _values(govlint.parse(scaled))
    for key, values in seed.items():
        want = values if key[0] == "二" else [v * 217 for v in values]
        assert got[key] == want, key
    assert _findings(scaled) == _findings(SEED)

    ambiguous = flatgen.flatten_text(flatgen.scale_tables(seed_text, 1001))
    report = govlint.parse(ambiguous)
    unread = {r.id for r in report.table("三").rows if r.unsplit}
    assert unread == {"new", "unable.not_held", "total"}
    for key, values in _values(report).items():
        if values and key[0] == "三":
            assert values == [v * 1001 for v in seed[key]]
    extra = sorted(set(_findings(ambiguous)) - set(_findings(SEED)))
    assert extra == [("GL211", "三", rid) for rid in sorted(unread)]


def test_one_row_per_line_run_together():
    """A table written one row per line, each row's label and digits run together."""
    values = {"new": [71, 3, 0, 0, 0, 0, 74], "carried_over": [1, 0, 0, 0, 0, 0, 1],
              "disclosed": [21, 0, 0, 0, 0, 0, 21], "unable.not_held": [51, 3, 0, 0, 0, 0, 54],
              "total": [72, 3, 0, 0, 0, 0, 75]}
    run = flatgen.table3_text(values)
    text = flatgen.report_text("@@")
    spec = flatgen.edition().table("三")
    lines = []
    for r in spec.rows():
        digits = "" if r.group else "".join(map(str, values.get(r.id, [0] * 7)))
        lines.append(r.label + digits)
    header = "".join([spec.notes[0], *(c.label for c in spec.blocks[0].columns)])
    text = text.replace("@@", "\n" + header + "\n" + "\n".join(lines) + "\n")
    assert run  # the same labels as the one-line rendering
    report = govlint.parse(text)
    got = {r.id: [c.value for c in r.cells] for r in report.table("三").rows}
    for rid, v in values.items():
        assert got[rid] == v
    assert not [f for f in _findings(text) if f[0] != "GL211" and not f[0].startswith("GL11")]


def test_prose_with_labels_is_not_a_table():
    text = flatgen.report_text(flatgen.table3_text({}))
    prose = "全年行政许可3件，行政处罚5件，行政强制2件，规章0件，收到申请12件。"
    text = text.replace("持续推进政务公开。", "持续推进政务公开。" + prose)
    report = govlint.parse(text)
    assert any(prose in p.text for p in report.section(1).paragraphs)
    assert not report.section(1).tables


@pytest.mark.parametrize("prose", [
    "因政府信息公开被提起行政诉讼和申请行政复议合计3起。",  # two of table 四's groups and 合计 (a word of table 三)
    "因政府信息公开被提起行政诉讼和申请行政复议共计3起，均已审结。",
    "本年度政府信息公开行政复议、行政诉讼合计2件。",
])
def test_a_sentence_counting_cases_is_not_a_table(prose):
    """A sentence naming labels of the tables before one count (合计3起。) was read as a table 四 whose
    digits ran together (GL211, GL212) and the sentence lost from the text (GL502 could not check it)."""
    text = flatgen.report_text(flatgen.table3_text({}))
    text = text.replace("持续推进政务公开。", "持续推进政务公开。" + prose)
    report = govlint.parse(text)
    assert any(prose in p.text for p in report.section(1).paragraphs)
    assert not report.section(1).tables


# ----------------------------------------------------------------------------- nothing else changes


def test_other_shapes_unchanged_by_the_flatten_hooks(monkeypatch):
    """The seed and the other files read exactly as without the flattened-text hooks."""
    paths = [SEED, *(p for p in sorted(DATA.glob("*.txt")) if "pingtan" not in p.name and p != SEED)]

    def snapshot():
        out = {}
        for p in paths:
            r = govlint.parse(p)
            diags = [(d.code, d.line, d.column, d.message) for d in govlint.lint(p)]
            out[p.name] = (repr(r.tables), repr(r.sections), repr(r.title), r.edition, r.year, diags)
        return out

    with_hooks = snapshot()
    monkeypatch.setattr(flatten, "split_line", lambda line, vocab: None)
    monkeypatch.setattr(flatten, "crawler_header", lambda text: None)
    monkeypatch.setattr(flatten, "paragraph_pieces", lambda text, pars, index: [("paragraph", k) for k in range(len(pars))])
    monkeypatch.setattr(flatten, "run_together", lambda *a: False)
    assert snapshot() == with_hooks
    assert len(paths) >= 4


def test_json_output_of_a_flattened_report(capsys):
    from govlint.cli import main

    code = main(["check", "--format", "json", str(PINGTAN[2024])])
    doc = json.loads(capsys.readouterr().out)
    assert code == 1 and doc["files"][0]["edition"] == "2021" and doc["files"][0]["year"] == 2024
    diags = doc["files"][0]["diagnostics"]
    codes = [d["code"] for d in diags]
    assert "GL214" in codes and "GL101" not in codes and "GL201" not in codes
    note = next(d for d in diags if d["code"] == "GL214" and d.get("table") == "三")
    assert note["severity"] == "info" and note["line"] == 10 and "21710000218" in note["message"]


def test_label_precheck_never_skips_a_paragraph_with_tokens():
    """``_may_hold_table`` is only a shortcut: where it says no, the scanner finds nothing either,
    and the key text it matches against is the scanner's own."""
    index = flatten.LabelIndex.of(default_engine().editions.values())
    seed = (Path(__file__).parent / "data" / "seed.txt").read_text(encoding="utf-8")
    texts = [seed, flatgen.flatten_text(seed), flatgen.flatten_text(seed, glue=" "),
             "“予以公开”ｱ\u3000其他 12３ 规章\u00a0000 （一）予以公开 0 0 ﬁ 维持 纠正 其他 尚未审结 总计"]
    seen = 0
    for text in texts:
        for a, b in _line_spans(text):
            assert flatten._key_text(text, a, b) == flatten._norm_map(text, a, b)[0]
            toks = flatten._Scanner(text, a, b, index).tokens()
            if not flatten._may_hold_table(text, a, b, index):
                assert toks == []
            else:
                seen += 1
    assert seen


def test_plain_word_shortcut_never_changes_run_together():
    """``run_together`` skips the scanner when every word is a number or exactly one known label;
    on lines built from labels (with and without item numbers), numbers, other words and labels run
    together with digits or with each other, it answers exactly as the scanner does."""
    import random

    index = flatten.LabelIndex.of(default_engine().editions.values())
    keys = sorted(index.keys)
    rng = random.Random(20261126)
    others = ["我局", "无", "2022年", "5件", "12.5%", "—", "-", "1.", "（一）", "其他", "合计", "商业", "企业",
              "1,234", "０", "三、本年度办理结果", "“三安全一稳定”", "x1", "１２"]

    def word() -> str:
        pick = rng.random()
        if pick < 0.35:
            return rng.choice(keys)
        if pick < 0.55:
            return str(rng.choice([0, 1, 7, 42, 305, 1000]))
        if pick < 0.7:
            return rng.choice(others)
        if pick < 0.85:
            return rng.choice(keys) + str(rng.randint(0, 999))
        return rng.choice(keys) + rng.choice(keys)

    checked = 0
    for _ in range(3000):
        line = rng.choice([" ", "\u3000", "  "]).join(word() for _ in range(rng.randint(1, 9)))
        text = "前文\n" + line + "\n后文"
        a, b = 3, 3 + len(line)
        if not any(c in "0123456789０１２３４５６７８９" for c in line):
            continue
        assert flatten.run_together(text, a, b, index) == flatten._scanned_run_together(text, a, b, index), line
        checked += 1
    assert checked > 1000


def test_label_start_shortcut_never_changes_the_tokens():
    """``_Scanner.label_at`` answers "no label here" at once where no label was found and no item
    number can start; the tokens are those of the full look-up at every position."""
    import random

    class Everywhere(set):  # iterates as the labels found, but says a label may start anywhere
        def __contains__(self, _):
            return True

    index = flatten.LabelIndex.of(default_engine().editions.values())
    data = Path(__file__).parent / "data"
    seed = (data / "seed.txt").read_text(encoding="utf-8")
    texts = [seed, flatgen.flatten_text(seed), flatgen.flatten_text(seed, glue=" ")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(data.glob("20*.txt"))]
    rng = random.Random(3)
    bits = ["1.", "2、", "12.", "３．", "42", "0", " ", "其他", "属于国家秘密", "予以公开", "（一）", "规章", "2022年", "。"]
    texts += ["".join(rng.choice(bits) for _ in range(rng.randint(1, 20))) for _ in range(2000)]
    for text in texts:
        for a, b in _line_spans(text):
            quick = flatten._Scanner(text, a, b, index)
            full = flatten._Scanner(text, a, b, index)
            full.label_starts = Everywhere(full.label_starts)
            assert quick.tokens() == full.tokens(), text[a:b][:80]


def test_label_starts_counted_on_the_key_as_the_scanner_finds_them():
    """The group shortcut counts where labels start on a paragraph's key, without the scanner's
    offset maps; the count reaches a limit exactly when the scanner's does."""
    import random

    index = flatten.LabelIndex.of(default_engine().editions.values())
    data = Path(__file__).parent / "data"
    seed = (data / "seed.txt").read_text(encoding="utf-8")
    texts = [seed, flatgen.flatten_text(seed)] + [p.read_text(encoding="utf-8") for p in sorted(data.glob("20*.txt"))]
    rng = random.Random(5)
    bits = ["规章", "0", "行政许可", "其他", "予以公开", "信息 内容", "。", "“", "（一）", "自然人", "总计", "我局", "１２"]
    texts += ["".join(rng.choice(bits) for _ in range(rng.randint(1, 15))) for _ in range(2000)]
    for text in texts:
        for a, b in _line_spans(text):
            found = len(flatten._Scanner(text, a, b, index).label_starts)
            norm = flatten._key_text(text, a, b)
            first = flatten._first_label(norm, index)
            assert (first >= 0) == (found >= 1) == flatten._has_label(norm, index)
            for limit in (1, 2, 3, 5):
                assert flatten._label_starts_reach(norm, index, limit) == (found >= limit)
                if first >= 0:  # (counted on from the first label, as paragraph_pieces does)
                    assert flatten._label_starts_reach(norm, index, limit - 1, first + 1) == (found >= limit)


def test_group_shortcut_never_changes_the_pieces():
    """``paragraph_pieces`` returns early when every paragraph with labels has fewer than three and
    ends with a sentence mark (no table can form); on prose, flattened tables and random mixes it
    answers exactly as the full scan."""
    import random

    index = flatten.LabelIndex.of(default_engine().editions.values())
    assert not any(set(k) & flatten._SENTENCE_MARKS for k in index.keys)  # the premise of the shortcut
    data = Path(__file__).parent / "data"
    seed = (data / "seed.txt").read_text(encoding="utf-8")
    texts = [seed, flatgen.flatten_text(seed), flatgen.flatten_text(seed, glue=" ")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(data.glob("20*.txt"))]
    rng = random.Random(11)
    bits = ["规章", "0", "12", "行政许可", "其他", "属于国家秘密", "予以公开", "信息内容", "。", "，", "；", "!", " ",
            "我局", "共收到申请", "件", "2022年", "本年新收政府信息公开申请数量", "行政复议", "维持", "纠正", "”"]
    texts += ["\n".join("".join(rng.choice(bits) for _ in range(rng.randint(1, 12))) for _ in range(rng.randint(1, 4)))
              for _ in range(3000)]
    for text in texts:
        paragraphs = _line_spans(text)
        quick = flatten.paragraph_pieces(text, paragraphs, index)
        flatten._GROUP_SHORTCUT = False
        try:
            full = flatten.paragraph_pieces(text, paragraphs, index)
        finally:
            flatten._GROUP_SHORTCUT = True
        assert quick == full, text[:200]


def test_prefilters_never_miss_a_match():
    """The cheap searches run before a costly one (``_INLINE_NUMERAL`` before ``_INLINE_HEAD``,
    ``_ZERO_CORE`` before ``_ZERO``) find something in every text the costly one matches, and the
    grouped ``any_key`` finds the same key starts as the keys one by one."""
    import random

    from govlint_rules.narrative import _figures

    rng = random.Random(7)
    bits = ["第", "三", "十", " ", "\u3000", "部分", "、", "．", ".", "﹑", "：", "为", "是", "零", "0", "０",
            "件", "起", "申请", "复议", "均", "数量", "共", "x", "。", "案件", "规章", "其他"]
    texts = ["".join(rng.choice(bits) for _ in range(rng.randint(1, 14))) for _ in range(20000)]
    texts += [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("20*.txt"))]
    for text in texts:
        if flatten._INLINE_HEAD.search(text) is not None:
            assert flatten._INLINE_NUMERAL.search(text) is not None, text
        if _figures._ZERO.search(text) is not None:
            assert _figures._ZERO_CORE.search(text) is not None, text
    index = flatten.LabelIndex.of(default_engine().editions.values())
    keys = sorted(index.keys)
    for text in texts[-8:]:
        norm = flatten._key_text(text, 0, len(text))
        starts, pos = [], 0
        while (m := index.any_key.search(norm, pos)) is not None:
            starts.append(m.start())
            pos = m.start() + 1
        assert starts == sorted({j for k in keys for j in range(len(norm)) if norm.startswith(k, j)})
