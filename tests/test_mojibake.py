"""A report turned to mojibake (its bytes read in the wrong encoding and saved so) gets one GL005
that says so and shows the text repaired, not "no structure found"."""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint.engine import default_engine

SEED = next(Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt"))


@pytest.mark.parametrize("written, read", [("utf-8", "gbk"), ("utf-8", "latin-1"), ("utf-8", "cp1252"),
                                           ("gbk", "latin-1")])
def test_mojibake_is_named(written: str, read: str) -> None:
    seed = SEED.read_text(encoding="utf-8")
    garbled = seed.encode(written).decode(read, errors="replace")
    found = default_engine().lint_bytes(garbled.encode("utf-8"), "r.txt").diagnostics
    assert [d.code for d in found] == ["GL005"]
    d = found[0]
    assert "乱码" in d.message and f"{written.upper()} 编码的文字被按 {read.upper()} 读取" in d.message
    assert "mojibake" in d.message_en
    repaired = d.message.split("还原后为“", 1)[1].split("”", 1)[0]
    assert repaired.replace("\ufffd", "").replace("?", "")[:2] == seed.strip()[:2]


def test_text_damaged_beyond_repair_is_named() -> None:
    seed = SEED.read_text(encoding="utf-8")
    damaged = seed.encode("gbk").decode("utf-8", errors="replace")
    found = default_engine().lint_bytes(damaged.encode("utf-8"), "r.txt").diagnostics
    assert [d.code for d in found] == ["GL005"] and "已损坏" in found[0].message


@pytest.mark.parametrize("text", [
    "这是一份会议纪要。\n会议讨论了明年的工作安排。\n" * 20,
    "Minutes of the meeting.\nThe committee discussed next year's plan.\n" * 20,
])
def test_other_texts_without_structure_are_not_called_mojibake(text: str) -> None:
    found = default_engine().lint_bytes(text.encode("utf-8"), "r.txt").diagnostics
    assert found and all("乱码" not in d.message and "已损坏" not in d.message for d in found)


def test_a_report_with_a_few_replacement_characters_is_checked() -> None:
    seed = SEED.read_text(encoding="utf-8").replace("。", "\ufffd", 30)
    codes = {d.code for d in default_engine().lint_bytes(seed.encode("utf-8"), "r.txt").diagnostics}
    assert "GL005" not in codes
