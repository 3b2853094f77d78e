"""Enumerations in prose: “共W件，其中A件、B件……” and parenthesised breakdowns “197条（A 32条、B 165条）”.

Shared by GL504 (parts exceed the whole) and GL505 (an exhaustive list does not add up).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple, Optional

from govlint.relazy import lazy_compile

from .._prose import SENTENCE_END, clause_start, quantities

TRIGGER = lazy_compile(r"其中|分别为|分别是")
_OPEN, _CLOSE = frozenset("(（"), frozenset(")）")
#: a label with one of these words starts a new statement: the list of parts has ended
_STOP = lazy_compile(r"办结|答复|结转|均|已|占|同比|较|增长|减少|下降|上升|完成|收到|受理|合计|累计|共计|总计|率|共|其中|平均|涉及|达到")
_CATCH_ALL = lazy_compile(r"其他|其它|其余|另有|剩余|余下")
_NOT_EXHAUSTIVE = lazy_compile(r"其中|含|包括|主要|如|等")
_GAP_SPLIT = lazy_compile(r"[，,；;：:（(）)]")
_CATEGORY_SPLIT = lazy_compile(r"[、和及与]")
_VERBS = lazy_compile(r"^.*?(?:收到|受理|办理|发布|公开|公布|接收|处理|制发|印发|共|累计|全年|今年|本年)")
MAX_LABEL = 25


class Part(NamedTuple):
    q: object
    label: str
    children: tuple = ()


class Enumeration(NamedTuple):
    whole: object  # Quantity
    parts: tuple[Part, ...]
    exhaustive: bool
    why: str  # what makes it exhaustive (for the message)
    kind: str  # "list" (其中/分别) or "breakdown" (parenthesised)
    trigger: str


def _same(a, b) -> bool:
    return a.unit == b.unit and not b.is_percent and not b.approx and b.low is None


@lru_cache(maxsize=1024)
def enumerations(text: str) -> tuple[Enumeration, ...]:
    qs = quantities(text)
    out: list[Enumeration] = []
    for trig in TRIGGER.finditer(text):
        t = trig.start()
        before = [q for q in qs if q.end <= t]
        if not before:
            continue
        whole = before[-1]
        gap = text[whole.end:t]
        close = max(gap.rfind(")"), gap.rfind("）"))
        if close >= 0 and not any(ch in _OPEN for ch in gap[:close]):
            # “3件（含上年结转1件），其中…”: the whole is the figure before the bracket
            opened = max(text.rfind("(", 0, whole.start), text.rfind("（", 0, whole.start))
            earlier = [q for q in before if q.end <= opened] if opened >= 0 else []
            if not earlier or len(text[earlier[-1].end:opened]) > 4:
                continue
            after_bracket = text[whole.end + close + 1:t]
            whole = earlier[-1]
            gap = text[whole.end:opened] + after_bracket
        if (len(gap) > 14 or any(ch in SENTENCE_END for ch in gap) or any(ch.isdigit() for ch in gap)
                or whole.unit is None or whole.is_percent or whole.approx or whole.low is not None):
            continue
        # only a label may sit between the total and 其中 (“380条财政资金信息，其中”), not another clause
        # (“上年结转0件，已全部办结，其中” — 其中 refers to what was 办结, not to the 0)
        if any(seg.strip() for seg in _GAP_SPLIT.split(gap)[1:]):
            continue
        in_paren = any(ch in _OPEN for ch in gap)
        start = trig.end()
        end, depth = start, 0
        while end < len(text):
            ch = text[end]
            if ch in _OPEN:
                depth += 1
            elif ch in _CLOSE:
                if depth == 0:
                    if in_paren:
                        break
                else:
                    depth -= 1
            elif ch in SENTENCE_END and depth == 0:
                break
            end += 1
        region = [q for q in qs if start <= q.start and q.end <= end]
        parts: list[list] = []  # [q, label, children]
        stack: list[Optional[list]] = []
        pos, last_end = start, start
        for q in region:
            for i in range(pos, q.start):
                ch = text[i]
                if ch in _OPEN:
                    owner = parts[-1] if parts and not text[parts[-1][0].end:i].strip() and not stack else None
                    stack.append(owner)
                elif ch in _CLOSE and stack:
                    stack.pop()
            pos = q.end
            if not _same(whole, q):
                last_end = q.end
                continue
            if stack and stack[-1] is not None:
                stack[-1][2].append(q)
            else:
                label = text[last_end:q.start]
                if (parts or stack) and (_STOP.search(label) or len(label) > MAX_LABEL):
                    break
                if not parts and not stack and len(label) > MAX_LABEL:
                    break
                parts.append([q, label, []])
            last_end = q.end
        if not parts:
            continue
        region_text = text[start:end]
        labels = "".join(p[1] for p in parts)
        why = ""
        if trig.group() != "其中":
            why = "“分别为”"
        elif _CATCH_ALL.search(labels):
            why = "列有“其他”类"
        else:
            # the categories the total names stand between it and the figure before it (“建议86件、提案104件，
            # 其中……”: 104件 counts only 提案; a spaced “86 件” must not make “ 件” a category)
            prev = [q for q in before if q.end <= whole.start]
            floor = prev[-1].end if prev else 0
            subject = text[max(clause_start(text, whole.start), floor):whole.start]
            subject = _VERBS.sub("", subject)
            cats = [c.strip(" ，,：:") for c in _CATEGORY_SPLIT.split(subject)]
            cats = [c[-2:] for c in cats if len(c) >= 2]
            if len(cats) >= 2 and all(c in region_text for c in cats):
                why = "总数所列类别（" + "、".join(cats) + "）均已分列"
        out.append(Enumeration(whole, tuple(Part(p[0], p[1]) for p in parts), bool(why) and len(parts) >= 2, why,
                               "list", trig.group()))
        # parenthesised breakdowns of a part: “预决算公开197条（政府预决算32条、部门预决算公开165条）”
        for p in parts:
            kids = p[2]
            if len(kids) < 2:
                continue
            paren = text[p[0].end:kids[-1].end]
            exhaustive = not _NOT_EXHAUSTIVE.search(paren)
            out.append(Enumeration(p[0], tuple(Part(k, "") for k in kids), exhaustive,
                                   "括号内逐项分列" if exhaustive else "", "breakdown", "（）"))
    if "(" in text or "（" in text:
        out.extend(_bracketed(text, qs, out))
    return tuple(out)


def _bracketed(text: str, qs, found) -> list[Enumeration]:
    """Breakdowns in brackets right after a figure outside any 其中 list (“发布政策解读43篇（图文解读15篇、
    视频解读6篇、专家访谈22篇）”): two or more parts in the figure's unit, each labelled with no word of a
    new statement (较上年增加5篇 is none); complete unless the bracket says 其中/含/包括/等."""
    taken = {id(en.whole) for en in found} | {id(x.q) for en in found for x in en.parts}
    out = []
    for i, whole in enumerate(qs):
        at = whole.end
        if (at >= len(text) or text[at] not in _OPEN or id(whole) in taken or whole.unit is None
                or whole.is_percent or whole.approx or whole.low is not None):
            continue
        close = min((k for k in (text.find(")", at), text.find("）", at)) if k >= 0), default=-1)
        if close < 0:
            continue
        inner = text[at + 1:close]
        if any(ch in _OPEN for ch in inner) or any(ch in SENTENCE_END for ch in inner) or TRIGGER.search(inner):
            continue
        region = [q for q in qs[i + 1:] if q.end <= close]
        parts, last_end = [], at + 1
        for q in region:
            label = text[last_end:q.start]
            if q.is_percent or _STOP.search(label) or len(label) > MAX_LABEL:
                parts = []
                break
            if _same(whole, q):
                parts.append(Part(q, label))
            last_end = q.end
        if len(parts) < 2:
            continue
        exhaustive = not _NOT_EXHAUSTIVE.search(inner)
        out.append(Enumeration(whole, tuple(parts), exhaustive, "括号内逐项分列" if exhaustive else "", "breakdown", "（）"))
    return out
