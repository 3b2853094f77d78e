"""Every rule's messages, as the staff of a disclosure office read them: each rule is made to speak
(tests/message_triggers.py: one input per rule) and each message, Chinese and English, is checked
for what no message may hold — Python or developer leftovers, English in the Chinese text,
half-open brackets, wrong plurals — and for a place in the file."""

from __future__ import annotations

import re

import pytest

from govlint.engine import default_engine

from message_triggers import collect, triggers

_CJK = re.compile(r"[\u3400-\u9fff]")
# what a Python value or a developer's note looks like when it leaks into a message
_LEAKS = re.compile(r"\bNone\b|\bnan\b|\[\]|\{\}|\['|'\]|\(\)|<[a-z_.]+ object|\\[dswbn]|\bformat-spec\b|§"
                    r"|\b[a-z]+_[a-z_]+\b|\bTrue\b|\bFalse\b")
_PAIRS = ("（）", "()", "“”", "《》", "【】", "〔〕", "[]")
# English a Chinese message may hold: file names, option names, codes, format and encoding names
_ALLOWED_LATIN = re.compile(r"《[^》]*》|“[^”]*”|（“[^”]*”）|GL\d+|--[a-z-]+"
                            r"|[\w./-]*\.(?:txt|docx?|pdf|html?|md|xml|xlsx|pptx|mht|mhtml|wps|rtf|odt)\b|text/html"
                            r"|\b(?:DOCX?|PDF|HTML|UTF-8|UTF-16|BOM|GBK|GB18030|LATIN-1|CP1252|Word|WPS|OCR|zip|XML|DTD|lxml"
                            r"|PNG|JPEG|GIF|BMP|TIFF|WebP|Excel|PowerPoint|OFD|RAR|gzip|RTF|ODT|OpenDocument|LibreOffice|soffice|pip install"
                            r"|govlint(?:\[pdf\])?)\b")


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    return collect(tmp_path_factory.mktemp("triggers"))


def _messages(found):
    for code, ds in found.items():
        for d in ds:
            yield code, d


def test_every_rule_has_a_trigger_that_fires(found):
    """A rule without a trigger here has messages nobody reviewed: add one to message_triggers.py."""
    rules = {code for code, r in default_engine().rules.items() if r.func is not None}
    assert rules - set(triggers(__import__("pathlib").Path("/nonexistent"))) == set()
    assert [code for code, ds in found.items() if not ds] == []


def test_no_python_or_developer_leftovers(found):
    bad = [(code, lang, m) for code, d in _messages(found) for lang, m in (("zh", d.message), ("en", d.message_en))
           if _LEAKS.search(m)]
    assert bad == []


def test_brackets_and_quotes_are_balanced(found):
    bad = []
    for code, d in _messages(found):
        for lang, m in (("zh", d.message), ("en", d.message_en)):
            # quoted text from the report may hold anything: only the message's own marks count
            own = re.sub(r"“[^“”]*”", "", re.sub(r"“[^“”]*“[^“”]*”[^“”]*”", "", m))
            if code == "GL605":  # (it quotes the stray marks it is about)
                continue
            for o, c in _PAIRS:
                if own.count(o) != own.count(c):
                    bad.append((code, lang, o + c, m))
    assert bad == []


def test_chinese_messages_are_chinese(found):
    """No English in a Chinese message but names the user knows (file names, formats, quoted text)."""
    bad = []
    for code, d in _messages(found):
        rest = _ALLOWED_LATIN.sub("", d.message)
        if d.path:
            rest = rest.replace(d.path, "")
        rest = re.sub(r"/[\w./-]+", "", rest)  # paths of other reports (GL8)
        if re.search(r"[A-Za-z]{3,}", rest) or not _CJK.search(d.message):
            bad.append((code, d.message))
    assert bad == []


def test_english_messages_are_english(found):
    bad = []
    for code, d in _messages(found):
        m = d.message_en
        if not re.search(r"[A-Za-z]{3,}", m):
            bad.append((code, "no English", m))
        if re.search(r"\b(?:1|one) (?:\w+ )?(?:characters|marks|rows|cells|values|documents|items)\b", m):
            bad.append((code, "plural after 1", m))
        if re.search(r"\(s\)", m):
            bad.append((code, "(s)", m))
        if re.search(r"\btable [二三四] row\b", m):
            bad.append((code, "“table 三, row …”, as every other message writes it", m))
        if re.search(r"\bthe part\b|\bpart [1-6]\b", m):
            bad.append((code, "parts are named 一–六, as the report numbers them", m))
    assert bad == []


def test_chinese_punctuation_is_full_width(found):
    """The message's own punctuation between Chinese words is full-width (quoted text aside)."""
    bad = []
    for code, d in _messages(found):
        own = re.sub(r"“[^”]*”|《[^》]*》", "", d.message)
        if re.search(r"[\u4e00-\u9fff][,;:!?]|[,;:!?][\u4e00-\u9fff]|[\u4e00-\u9fff]\((?!\w+\))", own):
            bad.append((code, d.message))
        if re.search(r"\d{4}-\d{2}-\d{2}", own):
            bad.append((code, "an ISO date in Chinese text: write 2023年1月31日", d.message))
    assert bad == []


def test_every_finding_has_a_place(found):
    for code, d in _messages(found):
        assert d.line >= 1 and d.column >= 1, (code, d.message)
        assert (d.end_line, d.end_column) >= (d.line, d.column), (code, d.message)


def test_labels_are_the_reports_own(found):
    """A message quotes the labels the report has: table 四's one row of figures has none, so no
    invented one (“数据行”) is put in quotes as if the user could find it."""
    four = [d for d in found["GL211"] if d.table == "四" and d.row is not None]  # (a row's, not the table's)
    assert four
    for d in four:
        assert "“数据行”" not in d.message and "表四的数字行" in d.message, d.message
        assert "row of figures" in d.message_en and "“数据行”" not in d.message_en, d.message_en


def test_examples_of_what_is_expected_are_the_reports_own_year():
    """GL104/GL105 show the line a correct report has: of the report's year, not a fixed 2022."""
    import govlint
    from govlint.config import Config
    from seedvariants import SEED_TEXT
    text = SEED_TEXT.replace("2022", "2024")
    no_period = text.replace("本报告数据统计时限为2024年1月1日至2024年12月31日。", "")
    (d,) = govlint.lint(no_period, Config(select=("GL105",)))
    assert "2024年1月1日至2024年12月31日" in d.message and "2022" not in d.message + d.message_en
    untitled = text.replace("益阳市行政审批服务局2024年政府信息公开工作年度报告", "益阳市行政审批服务局政府信息公开工作年度报告", 1)
    (d,) = govlint.lint(untitled, Config(select=("GL104",)))
    assert "“2024年”" in d.message and "2022" not in d.message + d.message_en


def test_an_amount_is_not_converted_into_its_own_unit():
    """GL503 gives the text's amount in 万元 only when the text wrote another unit."""
    import govlint
    from govlint.config import Config
    from seedvariants import text_with
    (d,) = govlint.lint(text_with(insert_after={3: "收取行政事业性收费0.5万元。"}), Config(select=("GL503",)))
    assert "“0.5万元”，与" in d.message and "（0.5万元）" not in d.message and "(0.5万元)" not in d.message_en
    (d,) = govlint.lint(text_with(insert_after={3: "收取行政事业性收费5000元。"}), Config(select=("GL503",)))
    assert "“5000元”（即0.5万元）" in d.message and "“5000元” (0.5万元)" in d.message_en
