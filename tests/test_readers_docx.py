"""DOCX reader: body order, merged cells, numbering, locators; legacy .doc/.wps; hostile files."""

from __future__ import annotations

import copy
import io
import posixpath
import struct
import zipfile

import pytest

import render_shapes as rs
from govlint.engine import default_engine
from govlint.errors import InputError
from govlint.readers import docx as docx_reader
from govlint.readers.docx import read_docx, read_legacy
from test_shapes import CASES, keys

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="xml" ContentType="application/xml"/></Types>')


def p(text: str, extra: str = "") -> str:
    return f"<w:p>{extra}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{p(text)}</w:tc>"


def build(body: str, numbering: str = "", doc_prolog: str = '<?xml version="1.0" encoding="UTF-8"?>',
          compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("word/document.xml", f"{doc_prolog}<w:document {W}><w:body>{body}</w:body></w:document>")
        if numbering:
            z.writestr("word/numbering.xml", f'<?xml version="1.0"?><w:numbering {W}>{numbering}</w:numbering>')
    return buf.getvalue()


def lines(src) -> list[str]:
    return src.text.rstrip("\n").split("\n")


# ----------------------------------------------------------------------------- content


def test_body_order_merged_cells_and_locators():
    span2, restart, cont = '<w:gridSpan w:val="2"/>', '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
    table = (
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        + f"<w:tr>{tc('行政复议', span2)}{tc('行政诉讼', restart)}</w:tr>"
        + f"<w:tr>{tc('结果维持', restart)}{tc('结果纠正')}{tc('', cont)}</w:tr>"
        + f"<w:tr>{tc('', cont)}{tc('2')}{tc('5')}</w:tr>"
        + "</w:tbl>")
    src = read_docx(build(p("标题") + p("") + p("一、总体情况") + table + p("五、存在的主要问题及改进情况")))
    assert lines(src) == ["标题", "一、总体情况", "行政复议 | 行政诉讼", "结果维持 | 结果纠正", "2 | 5",
                          "五、存在的主要问题及改进情况"]
    assert src.kind == "docx" and src.origin is not None and not src.origin.has_positions
    assert src.locator(src.text.index("一、")) == "第2段"
    assert src.locator(src.text.index("结果纠正")) == "表1 第2行 第2列"
    assert src.locator(src.text.index("5")) == "表1 第3行 第3列"
    assert src.locator(src.text.index("五、")) == "第3段"
    # positions are in the extracted text
    i = src.text.index("2 | 5")
    assert src.position(i) == (5, 1)


def test_blank_value_cell_is_kept_and_wrapped_label_joined():
    table = (
        "<w:tbl>"
        f"<w:tr>{tc('')}{tc('商业')}{tc('科研')}</w:tr>"
        f"<w:tr>{tc('一、本年新收政府信息公开申请数量')}{tc('3')}{tc('')}</w:tr></w:tbl>")
    body = table.replace(tc("商业"), "<w:tc><w:p><w:r><w:t>商业</w:t></w:r></w:p><w:p><w:r><w:t>企业</w:t></w:r></w:p></w:tc>")
    assert lines(read_docx(build(body))) == ["商业企业 | 科研", "| 一、本年新收政府信息公开申请数量 | 3 |  |"]


def test_automatic_numbering_and_skipped_content():
    numbering = (
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>')
    num = '<w:pPr><w:numPr><w:ilvl w:val="{}"/><w:numId w:val="3"/></w:numPr></w:pPr>'
    hidden = '<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>可见</w:t></w:r></w:p>'
    deleted = '<w:p><w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:ins><w:r><w:t>插入</w:t></w:r></w:ins></w:p>'
    field = ('<w:p><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>正文</w:t></w:r>'
             '<w:r><w:br/></w:r><w:r><w:t>下一行</w:t></w:r></w:p>')
    body = (p("总体情况", num.format(0)) + p("主动公开", num.format(1)) + p("依申请公开", num.format(1))
            + p("主动公开政府信息情况", num.format(0)) + hidden + deleted + field)
    assert lines(read_docx(build(body, numbering))) == [
        "一、总体情况", "（一）主动公开", "（二）依申请公开", "二、主动公开政府信息情况", "可见", "插入", "正文", "下一行"]


MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
VML = 'xmlns:v="urn:schemas-microsoft-com:vml"'


def _vml_box(inner: str) -> str:
    return f'<w:pict><v:shape {VML}><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict>'


def test_text_in_text_boxes_is_read_once_before_its_anchor():
    """A title typed in a text box (Word's DrawingML box with its VML copy in mc:Fallback, or a VML
    box alone, as WPS writes it) is read, once, before the paragraph it is anchored in; a box
    inside a box is read with its own box."""
    title = "某某局2022年政府信息公开工作年度报告"
    drawingml = (f"<w:p><w:r><mc:AlternateContent {MC}><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp {WPS}><wps:txbx>"
                 f"<w:txbxContent>{p(title)}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>"
                 f"<mc:Fallback>{_vml_box(p(title))}</mc:Fallback></mc:AlternateContent></w:r></w:p>")
    assert lines(read_docx(build(drawingml + p("一、总体情况")))) == [title, "一、总体情况"]
    nested = f"<w:p><w:r>{_vml_box(p('外框') + '<w:p><w:r>' + _vml_box(p('内框')) + '</w:r></w:p>')}</w:r><w:r><w:t>锚定段落</w:t></w:r></w:p>"
    assert lines(read_docx(build(p(title) + nested))) == [title, "外框", "内框", "锚定段落"]


def test_a_title_in_a_text_box_lints_like_the_text(tmp_path):
    """The seed as a Word file whose title is in a text box: the title is found (no GL104), and the
    findings that depend on the agency it names (GL405) are there, as for the text."""
    pytest.importorskip("docx")
    doc = rs.to_docx(CASES["seed"], tmp_path / "r.docx")
    z = zipfile.ZipFile(io.BytesIO(doc.data))
    xml = z.read("word/document.xml").decode("utf-8")
    first = xml.index("<w:p>") if "<w:p>" in xml else xml.index("<w:p ")
    end = xml.index("</w:p>", first) + len("</w:p>")
    para = xml[first:end]
    text = "".join(__import__("re").findall(r"<w:t[^>]*>([^<]*)</w:t>", para))
    assert "年度报告" in text
    boxed = f"<w:p><w:r>{_vml_box(p(text))}</w:r></w:p>"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename == "word/document.xml":
                data = (xml[:first] + boxed + xml[end:]).encode("utf-8")
            out.writestr(info, data)
    ref = default_engine().lint_bytes(rs.to_text(CASES["seed"], "rows").encode(), "r.txt")
    found = default_engine().lint_bytes(buf.getvalue(), "r.docx")
    assert "GL104" not in {d.code for d in found.diagnostics}
    assert keys(found) == keys(ref)


@pytest.mark.parametrize("case", ["seed", "changed_cell"])
def test_python_docx_document_lints_like_the_text(case, tmp_path):
    pytest.importorskip("docx")
    doc = rs.to_docx(CASES[case], tmp_path / "r.docx")
    ref = default_engine().lint_bytes(rs.to_text(CASES[case], "rows").encode(), "r.txt")
    assert keys(default_engine().lint_bytes(doc.data, "r.docx")) == keys(ref)


def test_a_message_naming_other_places_names_them_by_locator(tmp_path):
    """A finding that names another place than its own (the table cell a narrative figure
    contradicts) names it as the user can find it in a Word file — by paragraph and table/row/cell,
    not by a line of govlint's extracted text — in both languages; a text file's message keeps its
    line numbers."""
    pytest.importorskip("docx")
    data = copy.deepcopy(CASES["seed"])
    at = next(k for k, b in enumerate(data.blocks) if b[0] == "p" and b[1].startswith("3.坚持依法依规"))
    data.blocks.insert(at + 1, ("p", "本年度共收到政府信息公开申请999件。"))
    doc = rs.to_docx(data, tmp_path / "r.docx")
    found = [d for d in default_engine().lint_bytes(doc.data, "r.docx").diagnostics if d.code == "GL501"]
    assert len(found) == 1, found
    d = found[0]
    assert d.locator is not None and d.locator.endswith("段")
    assert f"正文{d.locator}" in d.message and "（表2 第4行 第10列）" in d.message and "行）" not in d.message.split("（表2")[0]
    assert "paragraph" in d.message_en and "(table 2, row 4, column 10)" in d.message_en and "line" not in d.message_en
    text = rs.to_text(data, "rows")
    ref = [d for d in default_engine().lint_bytes(text.encode(), "r.txt").diagnostics if d.code == "GL501"]
    assert len(ref) == 1 and f"正文第{ref[0].line}行" in ref[0].message and f"line {ref[0].line}" in ref[0].message_en


# ----------------------------------------------------------------------------- hostile or damaged files


def _code(data: bytes, reader=read_docx, path: str = "x.docx") -> str:
    with pytest.raises(InputError) as exc:
        reader(data, path)
    assert exc.value.zh and exc.value.en
    return exc.value.code


def test_not_a_zip_and_truncated():
    assert _code(b"this is plain text, not a docx") == "GL011"
    good = build(p("一、总体情况"))
    assert _code(good[: len(good) // 2]) == "GL011"
    assert _code(good[:-10]) == "GL011"
    assert _code(b"") == "GL002"


def test_zip_without_a_word_body():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    assert _code(buf.getvalue()) == "GL011"


def test_entity_declarations_are_refused_without_expansion():
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
              + "]>")
    assert _code(build(p("&lol9;"), doc_prolog=laughs)) == "GL011"
    external = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "http://example.invalid/x">]>'
    assert _code(build(p("&x;"), doc_prolog=external)) == "GL011"
    assert read_docx(build(p("a"))).text == "a\n"  # the same file without the DTD reads


def test_zip_bomb_by_ratio():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document {W}><w:body>' + " " * (8 * 1024 * 1024)
                   + "</w:body></w:document>")
    assert len(buf.getvalue()) < 100_000
    assert _code(buf.getvalue()) == "GL006"


def test_zip_bomb_by_declared_size():
    """A member that declares a huge size is refused before anything is decompressed."""
    data = bytearray(build(p("一、总体情况")))
    # patch the uncompressed size of every central-directory entry to 4 GiB - 1
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        struct.pack_into("<I", data, pos + 24, 0xFFFFFFFE)
        pos = data.find(b"PK\x01\x02", pos + 4)
    assert _code(bytes(data)) == "GL006"


def test_encrypted_zip_member():
    data = bytearray(build(p("x")))
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        flags = struct.unpack_from("<H", data, pos + 8)[0]
        struct.pack_into("<H", data, pos + 8, flags | 1)
        pos = data.find(b"PK\x01\x02", pos + 4)
    assert _code(bytes(data)) == "GL007"


# ----------------------------------------------------------------------------- legacy formats


def test_legacy_without_libreoffice_says_how_to_convert(monkeypatch):
    monkeypatch.setattr(docx_reader, "soffice", lambda: None)
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    with pytest.raises(InputError) as exc:
        read_legacy(ole, "r.doc")
    assert exc.value.code == "GL007"
    assert "另存为" in exc.value.zh and "--convert-to docx" in exc.value.zh and "convert" in exc.value.en
    with pytest.raises(InputError) as exc:  # a .docx that is really an old .doc
        read_docx(ole, "r.docx")
    assert exc.value.code == "GL007"


def test_odt_without_libreoffice_says_how_to_convert(monkeypatch):
    import io
    import zipfile

    monkeypatch.setattr(docx_reader, "soffice", lambda: None)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:  # (an ODT's first member is its mimetype, stored)
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", "<office:document-content/>")
    for name in ("r.odt", "r.txt"):
        found = default_engine().lint_bytes(buf.getvalue(), name).diagnostics
        assert [d.code for d in found] == ["GL007"], name
        assert "ODT" in found[0].message and "另存为" in found[0].message


def test_rtf_without_libreoffice_says_how_to_convert(monkeypatch):
    monkeypatch.setattr(docx_reader, "soffice", lambda: None)
    rtf = b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl{\\f0 SimSun;}} \\f0 \\u19968?\\u12289? }"
    for name in ("r.rtf", "r.txt"):  # (a .txt that is RTF is found by its first bytes)
        result = default_engine().lint_bytes(rtf, name)
        assert [d.code for d in result.diagnostics] == ["GL007"], name
        assert "RTF" in result.diagnostics[0].message and "另存为" in result.diagnostics[0].message


def test_doc_that_is_really_docx_or_html():
    assert read_legacy(build(p("一、总体情况")), "r.doc").text == "一、总体情况\n"
    html = "<html><body><p>一、总体情况</p></body></html>".encode("utf-8")
    src = read_legacy(html, "r.wps")
    assert src.kind == "html" and src.text == "一、总体情况\n"
    assert _code(b"neither word nor html", read_legacy, "r.doc") == "GL011"


@pytest.mark.parametrize("fmt, magic, names", [
    ("doc", b"\xd0\xcf\x11\xe0", ("r.doc",)),
    ("rtf", b"{\\rtf", ("r.rtf", "r.txt")),  # (RTF was read as text: one GL005, "no structure")
    ("odt", b"PK\x03\x04", ("r.odt", "r.txt")),  # (ODT was GL003 "binary")
])
def test_legacy_formats_are_converted_with_libreoffice(tmp_path, fmt, magic, names):
    pytest.importorskip("docx")
    if rs.office_missing():
        pytest.skip(rs.office_missing())
    rs.to_docx(CASES["changed_cell"], tmp_path / "r.docx")
    data = rs.convert(tmp_path / "r.docx", fmt, tmp_path / "out")[0].read_bytes()
    assert data.startswith(magic)
    ref = default_engine().lint_bytes(rs.to_text(CASES["changed_cell"], "rows").encode(), "r.txt")
    for name in names:  # (a .txt whose first bytes say RTF is converted too)
        result = default_engine().lint_bytes(data, name)
        assert keys(result) == keys(ref), name
        assert any(d.locator and d.locator.startswith("表") for d in result.diagnostics)
    assert _code(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096, read_legacy, "broken.doc") == "GL011"


def test_cli_exit_2_with_the_reason(tmp_path):
    import subprocess
    import sys

    good = build(p("一、总体情况"))
    (tmp_path / "cut.docx").write_bytes(good[:200])
    proc = subprocess.run([sys.executable, "-m", "govlint", "check", "--no-show-source", str(tmp_path / "cut.docx")],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "GL011" in proc.stdout and "截断" in proc.stdout


# ----------------------------------------------------------------------------- shapes WPS, Word and LibreOffice write

CHINESE_LIST = (
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="%1、"/><w:pStyle w:val="1"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>'
    '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:pStyle w:val="2"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>')


def numbered(text: str, num_id: int, ilvl: int | None = None, style: str = "") -> str:
    lvl = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    st = f'<w:pStyle w:val="{style}"/>' if style else ""
    return p(text, f'<w:pPr>{st}<w:numPr>{lvl}<w:numId w:val="{num_id}"/></w:numPr></w:pPr>')


def package(parts: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        for name, xml in parts.items():
            z.writestr(name, xml)
    return buf.getvalue()


def rels(*targets: tuple[str, str]) -> str:
    base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    return ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="r{i}" Type="{base}{kind}" Target="{target}"/>'
                      for i, (kind, target) in enumerate(targets)) + "</Relationships>")


def test_row_labels_numbered_in_cells_keep_their_numbers():
    """Row labels of table 三 numbered by Word or WPS (``1.`` ``2.`` in the cells, restarted for each
    group by a list with w:startOverride) are read with their numbers, counted in document order."""
    rows = "".join(f"<w:tr>{tc('（三）不予公开') if i == 0 else tc('')}"
                   f"<w:tc>{numbered(label, 3, 2)}</w:tc>{tc('0')}</w:tr>"
                   for i, label in enumerate(["属于国家秘密", "其他法律行政法规禁止公开"]))
    rows += "".join(f"<w:tr>{tc('（四）无法提供') if i == 0 else tc('')}<w:tc>{numbered(label, 4, 2)}</w:tc>{tc('1')}</w:tr>"
                    for i, label in enumerate(["本机关不掌握相关政府信息", "没有现成信息需要另行制作"]))
    table = f"<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>{rows}</w:tbl>"
    src = read_docx(build(numbered("收到和处理政府信息公开申请情况", 1, 0) + table, CHINESE_LIST))
    assert lines(src) == ["一、收到和处理政府信息公开申请情况", "（三）不予公开 | 1.属于国家秘密 | 0",
                          "2.其他法律行政法规禁止公开 | 0", "（四）无法提供 | 1.本机关不掌握相关政府信息 | 1",
                          "2.没有现成信息需要另行制作 | 1"]
    assert src.locator(src.text.index("2.其他")) == "表1 第2行 第2列"


def test_a_text_box_in_a_cell_is_read_once():
    """A note in a text box inside a table cell, written twice by Word and WPS (DrawingML in
    mc:Choice, VML in mc:Fallback), is read once, before the rest of the cell."""
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    box = (f"<w:r><mc:AlternateContent {MC}><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp {WPS}><wps:txbx>"
           f"<w:txbxContent>{p(note)}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>"
           f"<mc:Fallback>{_vml_box(p(note))}</mc:Fallback></mc:AlternateContent></w:r>")
    cell = f"<w:tc><w:p>{box}</w:p></w:tc>"
    table = f"<w:tbl><w:tr>{cell}{tc('申请人情况')}</w:tr><w:tr>{tc('自然人')}{tc('3')}</w:tr></w:tbl>"
    assert lines(read_docx(build(table))) == [f"{note} | 申请人情况", "自然人 | 3"]


def test_lists_continue_across_instances_and_restart_by_override():
    """Numbers as Word and LibreOffice show them: two lists (w:num) of one abstract list continue one
    another; a list with w:startOverride restarts; an empty numbered paragraph takes its number; a
    heading style linked to a level (w:lvl/w:pStyle) is numbered at that level without w:ilvl."""
    styles = (f'<?xml version="1.0"?><w:styles {W}>'
              '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
              "</w:styles>")
    body = (p("总体情况", '<w:pPr><w:pStyle w:val="1"/></w:pPr>') + p("主动公开", '<w:pPr><w:pStyle w:val="2"/></w:pPr>')
            + numbered("", 1, 0) + numbered("收到和处理政府信息公开申请情况", 2, 0) + numbered("属于国家秘密", 3, 2)
            + numbered("其他", 3, 2) + numbered("本机关不掌握相关政府信息", 4, 2) + numbered("存在的主要问题及改进情况", 1, 0))
    data = package({"word/document.xml": f"<w:document {W}><w:body>{body}</w:body></w:document>",
                    "word/numbering.xml": f"<w:numbering {W}>{CHINESE_LIST}</w:numbering>", "word/styles.xml": styles})
    assert lines(read_docx(data)) == ["一、总体情况", "（一）主动公开", "三、收到和处理政府信息公开申请情况", "1.属于国家秘密",
                                      "2.其他", "1.本机关不掌握相关政府信息", "四、存在的主要问题及改进情况"]


@pytest.mark.parametrize("fmt, first, third", [("chineseCounting", "一", "三"), ("ideographTraditional", "甲", "丙"),
                                               ("chineseLegalSimplified", "壹", "叁"), ("ideographZodiac", "子", "寅"),
                                               ("decimalEnclosedCircleChinese", "①", "③")])
def test_chinese_number_formats_as_word_shows_them(fmt, first, third):
    numbering = CHINESE_LIST.replace('w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"',
                                     f'w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1、"', 1)
    body = "".join(numbered(t, 1, 0) for t in ("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况"))
    got = lines(read_docx(build(body, numbering)))
    assert got[0] == f"{first}、总体情况" and got[2] == f"{third}、收到和处理政府信息公开申请情况"


def test_strict_ooxml_and_parts_named_by_relationships():
    """A Strict OOXML document (other namespaces) reads like a transitional one; the main part and
    its numbering are found through the relationships, whatever their names."""
    body = numbered("总体情况", 1, 0) + p("正文") + numbered("主动公开政府信息情况", 1, 0)
    doc = f"<w:document {W}><w:body>{body}</w:body></w:document>"
    numbering = f"<w:numbering {W}>{CHINESE_LIST}</w:numbering>"
    expected = ["一、总体情况", "正文", "二、主动公开政府信息情况"]
    renamed = package({"_rels/.rels": rels(("officeDocument", "/doc/main.xml")), "doc/main.xml": doc,
                       "doc/_rels/main.xml.rels": rels(("numbering", "lists1.xml")), "doc/lists1.xml": numbering})
    assert lines(read_docx(renamed)) == expected
    strict_w = 'xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"'
    strict_rels = rels(("officeDocument", "word/document.xml")).replace(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/")
    strict = package({"_rels/.rels": strict_rels, "word/document.xml": doc.replace(W, strict_w),
                      "word/numbering.xml": numbering.replace(W, strict_w)})
    assert lines(read_docx(strict)) == expected


def test_a_table_of_contents_is_left_out():
    """A table of contents (a TOC field, Word's or WPS's TOC content control, paragraphs in a toc
    style) repeats the headings with page numbers; it is left out, as headers and footers are."""
    heads = ["一、总体情况", "二、主动公开政府信息情况"]
    entries = "".join(
        '<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>'
        + ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" \\h </w:instrText></w:r>'
           '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' if i == 0 else "")
        + f'<w:hyperlink w:anchor="_Toc{i}"><w:r><w:t>{h}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText> PAGEREF _Toc{i} \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:t>{i + 1}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink></w:p>' for i, h in enumerate(heads))
    field = entries + '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    body = "".join(p(h) + p("正文。") for h in heads)
    assert lines(read_docx(build(p("标题") + field + body))) == ["标题"] + [x for h in heads for x in (h, "正文。")]
    control = ('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/>'
               f'</w:docPartObj></w:sdtPr><w:sdtContent>{p("目录")}{"".join(p(h + "…………1") for h in heads)}</w:sdtContent></w:sdt>')
    assert lines(read_docx(build(p("标题") + control + body)))[:2] == ["标题", heads[0]]
    styles = (f'<?xml version="1.0"?><w:styles {W}><w:style w:type="paragraph" w:styleId="12"><w:name w:val="toc 1"/>'
              "</w:style></w:styles>")
    typed = "".join(p(f"{h}\t{i + 1}", '<w:pPr><w:pStyle w:val="12"/></w:pPr>') for i, h in enumerate(heads))
    data = package({"word/document.xml": f"<w:document {W}><w:body>{p('标题') + typed + body}</w:body></w:document>",
                    "word/styles.xml": styles})
    assert lines(read_docx(data))[:2] == ["标题", heads[0]]


def _seed_docx_with(tmp_path, case: str, change) -> bytes:
    """The seed made by python-docx, its document.xml changed by ``change(body)`` (lxml)."""
    from lxml import etree

    doc = rs.to_docx(CASES[case], tmp_path / "r.docx")
    z = zipfile.ZipFile(io.BytesIO(doc.data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename == "word/document.xml":
                root = etree.fromstring(data)
                change(root.find(f"{{{docx_reader.W}}}body"))
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            elif info.filename == "word/numbering.xml":
                restarts = "".join(f'<w:num w:numId="{k}"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2">'
                                   '<w:startOverride w:val="1"/></w:lvlOverride></w:num>' for k in range(10, 20))
                data = f'<?xml version="1.0"?><w:numbering {W}>{CHINESE_LIST}{restarts}</w:numbering>'.encode()
            out.writestr(info, data)
    return buf.getvalue()


def _number_by_word(body) -> None:
    """Part headings (``一、``) and the row labels of table 三 (``1.``, restarted per group) numbered
    by a multi-level list instead of typed."""
    import re

    from lxml import etree

    w = "{%s}" % docx_reader.W
    groups = 9
    for par in body.iter(w + "p"):
        ts = par.findall(f".//{w}t")
        text = "".join(t.text or "" for t in ts)
        head = re.match(r"^[一二三四五六]、", text) if par.getparent() is body and len(text) < 40 else None
        item = re.match(r"^(\d)\.", text) if par.getparent().tag == w + "tc" else None
        if not (head or item):
            continue
        if item and item.group(1) == "1":
            groups += 1  # a list for each group, restarting level 2 where it is first used
        ts[0].text = text[2:]
        for t in ts[1:]:
            t.text = ""
        ppr = par.find(w + "pPr")
        if ppr is None:
            ppr = etree.Element(w + "pPr")
            par.insert(0, ppr)
        num = etree.SubElement(ppr, w + "numPr")
        etree.SubElement(num, w + "ilvl").set(w + "val", "0" if head else "2")
        etree.SubElement(num, w + "numId").set(w + "val", "1" if head else str(groups))


@pytest.mark.parametrize("case", ["seed", "changed_cell"])
def test_headings_and_row_labels_numbered_by_word_lint_like_the_text(case, tmp_path):
    pytest.importorskip("docx")
    data = _seed_docx_with(tmp_path, case, _number_by_word)
    src = read_docx(data)
    assert "（三）不予公开 | 1.属于国家秘密 |" in src.text and "\n3.危及“三安全一稳定” |" in src.text
    assert "\n三、收到和处理政府信息公开申请情况\n" in src.text
    ref = default_engine().lint_bytes(rs.to_text(CASES[case], "rows").encode(), "r.txt")
    assert keys(default_engine().lint_bytes(data, "r.docx")) == keys(ref)


def _insert_toc(body) -> None:
    """Word's table of contents after the title: a TOC field whose entries link to the headings."""
    from lxml import etree

    w = "{%s}" % docx_reader.W
    heads = []
    for par in body.iter(w + "p"):
        text = "".join(par.itertext())
        if par.getparent() is body and text[:2] in ("一、", "二、", "三、", "四、", "五、", "六、") and len(text) < 40:
            heads.append(text)
    xml = ""
    for i, h in enumerate(heads):
        begin = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
                 '<w:r><w:fldChar w:fldCharType="separate"/></w:r>') if i == 0 else ""
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if i == len(heads) - 1 else ""
        xml += (f'<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>{begin}<w:hyperlink w:anchor="_Toc{i}"><w:r><w:t>{h}</w:t></w:r>'
                f'<w:r><w:tab/></w:r><w:r><w:t>{i + 1}</w:t></w:r></w:hyperlink>{end}</w:p>')
    for k, par in enumerate(etree.fromstring(f"<x {W}>{p('目 录')}{xml}</x>")):
        body.insert(1 + k, par)


@pytest.mark.parametrize("case", ["seed", "changed_cell"])
def test_a_table_of_contents_does_not_lint_as_headings(case, tmp_path):
    """The seed with Word's table of contents: the headings it repeats are not read (they gave GL102
    for each part, GL2xx for the tables read under the wrong part)."""
    pytest.importorskip("docx")
    data = _seed_docx_with(tmp_path, case, _insert_toc)
    ref = default_engine().lint_bytes(rs.to_text(CASES[case], "rows").encode(), "r.txt")
    assert keys(default_engine().lint_bytes(data, "r.docx")) == keys(ref)


def test_a_toc_field_never_closed_drops_nothing():
    begin = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>一、总体情况</w:t></w:r></w:p>')
    assert lines(read_docx(build(begin + p("正文")))) == ["一、总体情况", "正文"]


def test_a_numbered_paragraph_deleted_with_tracked_changes_takes_no_number():
    """A heading deleted with its paragraph mark (track changes, w:pPr/w:rPr/w:del) is gone, as
    Word shows the final text: the headings after it keep their numbers."""
    gone = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del w:id="1" w:author="a"/>'
            '</w:rPr></w:pPr><w:del w:id="2" w:author="a"><w:r><w:delText>多余的标题</w:delText></w:r></w:del></w:p>')
    body = numbered("总体情况", 1, 0) + gone + numbered("主动公开政府信息情况", 1, 0)
    assert lines(read_docx(build(body, CHINESE_LIST))) == ["一、总体情况", "二、主动公开政府信息情况"]


def test_main_part_named_by_its_content_type():
    """A package without relationships whose body is not word/document.xml: found by its content type."""
    types = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Override PartName="/doc/body.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             'wordprocessingml.document.main+xml"/></Types>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("doc/body.xml", f"<w:document {W}><w:body>{p('一、总体情况')}</w:body></w:document>")
    assert lines(read_docx(buf.getvalue())) == ["一、总体情况"]


@pytest.mark.parametrize("name, wrap", [("chunk.htm", lambda h: h),
                                        ("afchunk.mht", lambda h: "MIME-Version: 1.0\r\nContent-Type: multipart/related; "
                                         "boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html; charset=\"utf-8\"\r\n"
                                         "Content-Location: file:///C:/x.htm\r\n\r\n" + h + "\r\n--b--\r\n")])
def test_a_body_that_is_one_imported_html_chunk_is_read(name, wrap):
    """Web systems generate .docx files whose body is one w:altChunk (an HTML page or a web archive
    that Word shows in place): the report is read from it (was GL002, "no text")."""
    html = ("<html><body><p>一、总体情况</p><table><tr><td>自然人</td><td>3</td></tr></table>"
            "<p>二、主动公开政府信息情况</p></body></html>")
    R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    doc = (f'<w:document {W} xmlns:r="{R}"><w:body><w:altChunk r:id="htmlChunk"/><w:sectPr/></w:body></w:document>')
    chunk_rel = rels(("aFChunk", name)).replace('Id="r0"', 'Id="htmlChunk"')
    data = package({"word/document.xml": doc, "word/_rels/document.xml.rels": chunk_rel,
                    f"word/{name}": wrap(html).encode("utf-8")})
    src = read_docx(data)
    assert "一、总体情况" in src.text and "自然人 | 3" in src.text and "二、主动公开" in src.text
    assert src.origin.has_positions  # (the page's own lines and columns)


def _chunk_package(body: str, chunks: dict[str, bytes]) -> bytes:
    """A package whose body (``body``) names ``chunks`` (part name -> data) as ``r:id="c1"``, ``c2``…"""
    R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    doc = f'<w:document {W} xmlns:r="{R}"><w:body>{body}<w:sectPr/></w:body></w:document>'
    chunk_rels = rels(*(("aFChunk", posixpath.basename(name)) for name in chunks))
    for i in range(len(chunks)):
        chunk_rels = chunk_rels.replace(f'Id="r{i}"', f'Id="c{i + 1}"')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("word/document.xml", doc)
        z.writestr("word/_rels/document.xml.rels", chunk_rels)
        for name, data in chunks.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_imported_chunks_are_read_where_they_stand():
    """A w:altChunk among the document's own paragraphs (an HTML page, text) is read in place, each
    line named by the chunk and its line in it (a row's cells each by its own); the whole report was
    lost once a paragraph stood beside the chunk (only the paragraph was read)."""
    html = ("<html><body>\n<p>一、总体情况</p>\n<table><tr>\n<td>自然人</td>\n<td>3</td>\n</tr></table>\n"
            "<p>二、主动公开政府信息情况</p>\n</body></html>").encode("utf-8")
    body = (p("附件1") + '<w:altChunk r:id="c1"/>' + p("三、收到和处理政府信息公开申请情况")
            + '<w:altChunk r:id="c2"/>' + p("（此件公开发布）"))
    src = read_docx(_chunk_package(body, {"word/afchunk.htm": html,
                                          "word/afchunk2.txt": "四、政府信息公开行政复议、行政诉讼情况\n\n无".encode()}))
    assert lines(src) == ["附件1", "一、总体情况", "自然人 | 3", "二、主动公开政府信息情况",
                          "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "无",
                          "（此件公开发布）"]
    at = src.locator
    assert at(src.text.index("附件1")) == "第1段" and at(src.text.index("三、")) == "第2段"
    assert at(src.text.index("一、")) == "嵌入内容1（afchunk.htm） 第2行"
    assert at(src.text.index("自然人")) == "嵌入内容1（afchunk.htm） 第4行"
    assert at(src.text.index("3\n")) == "嵌入内容1（afchunk.htm） 第5行"
    assert at(src.text.index("无")) == "嵌入内容2（afchunk2.txt） 第3行"
    assert at(src.text.index("（此件")) == "第3段"


@pytest.mark.parametrize("name", ["afchunk.docx", "afchunk.rtf"])
def test_an_imported_word_or_rtf_chunk_is_read_where_it_stands(name):
    """A Word document or RTF imported (w:altChunk) is read with the Word reader (RTF converted with
    LibreOffice), its lines named by the chunk and their own places."""
    if name.endswith(".rtf"):
        if rs.office_missing():
            pytest.skip(rs.office_missing())
        data = (rb"{\rtf1\ansi\ansicpg936{\fonttbl{\f0 SimSun;}}\f0 \uc1\u19968?\u12289?\u24635?\u20307?"
                rb"\u24773?\u20917?\par \u27491?\u25991?\par}")
    else:
        data = _chunk_package(p("一、总体情况") + p("正文"), {})
    src = read_docx(_chunk_package(p("附件1") + '<w:altChunk r:id="c1"/>' + p("尾"), {f"word/{name}": data}))
    assert lines(src) == ["附件1", "一、总体情况", "正文", "尾"]
    assert [src.locator(src.text.index(x)) for x in lines(src)] == [
        "第1段", f"嵌入内容1（{name}） 第1段", f"嵌入内容1（{name}） 第2段", "第2段"]


def test_a_report_in_an_imported_chunk_after_a_paragraph_reads_as_the_report(tmp_path):
    """The seed as an HTML page imported (w:altChunk) after a paragraph of the document's own: its
    findings those of the report as text (it read 3 characters: 8 false findings, no figure)."""
    ref = default_engine().lint_bytes(rs.to_text(CASES["changed_cell"], "rows").encode(), "r.txt")
    page = rs.to_html(CASES["changed_cell"])
    data = _chunk_package(p("附件1") + '<w:altChunk r:id="c1"/>', {"word/afchunk1.htm": page.data})
    assert keys(default_engine().lint_bytes(data, "r.docx")) == keys(ref)
    from govlint.extract import extract_bytes

    located = {(c["table"], c["row"], c["column_id"]): c["locator"] for c in extract_bytes(data, "r.docx")["cells"]}
    assert located == {k: f"嵌入内容1（afchunk1.htm） 第{line}行" for k, (line, _) in page.positions.items()}


def test_a_toc_control_or_field_running_over_the_body_drops_only_its_entries():
    """LibreOffice can write the TOC content control (and its field) around the body that follows
    the contents: only the entries and the 目录 title are left out, the body is read."""
    heads = ["一、总体情况", "二、主动公开政府信息情况"]
    body = "".join(p(h) + p("正文共计130") for h in heads)
    begin = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" \\h </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>目 录</w:t></w:r></w:p>')
    entries = "".join(p(f"{h}\t{i + 1}") for i, h in enumerate(heads))
    control = ('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
               f'<w:sdtContent>{begin}{entries}{body}<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
               '</w:sdtContent></w:sdt>')
    assert lines(read_docx(build(p("标题") + control))) == ["标题"] + [x for h in heads for x in (h, "正文共计130")]


# ----------------------------------------------------------------------------- tables as offices lay them out


def _w(tag: str) -> str:
    return "{%s}%s" % (docx_reader.W, tag)


def _row_of_one_cell(width: int, text: str):
    from lxml import etree

    return etree.fromstring(f'<w:tr {W}><w:tc><w:tcPr><w:gridSpan w:val="{width}"/></w:tcPr>{p(text)}</w:tc></w:tr>')


def _width(tbl) -> int:
    return len(tbl.find(_w("tblGrid")).findall(_w("gridCol")))


_PART_TITLES = {0: "主动公开政府信息情况", 1: "收到和处理政府信息公开申请情况", 2: "政府信息公开行政复议、行政诉讼情况"}


def _title_rows(body) -> None:
    """Each table's first row a title spanning it: its part's heading without the numeral."""
    for k, tbl in enumerate(body.findall(_w("tbl"))):
        tbl.find(_w("tr")).addprevious(_row_of_one_cell(_width(tbl), _PART_TITLES[k]))


def _split_table_three(body, mark: str = "（续表）", title: str = "三、收到和处理政府信息公开申请情况") -> None:
    """Table 三 cut in two Word tables after its 12th data row, as an office continues it on the next
    page: a row titled ``title`` on top (the part's heading, then no paragraph holds it; or its
    words without the numeral, under the heading), the header rows typed again in the second
    table, ``mark`` (a paragraph) between them; cells merged across the cut restart below it."""
    from lxml import etree

    tbl = body.findall(_w("tbl"))[1]
    if title[:2] == "三、":
        heading = next(par for par in body.findall(_w("p")) if "".join(par.itertext()) == title)
        body.remove(heading)
    tbl.find(_w("tr")).addprevious(_row_of_one_cell(_width(tbl), title))
    rows = tbl.findall(_w("tr"))
    head, rest = rows[:4], rows[4 + 12:]
    second = etree.SubElement(body, _w("tbl"))
    second.append(copy.deepcopy(tbl.find(_w("tblPr"))))
    second.append(copy.deepcopy(tbl.find(_w("tblGrid"))))
    for tr in head:
        second.append(copy.deepcopy(tr))
    for tr in rest:
        second.append(tr)  # (moved)
    for vm in rest[0].iter(_w("vMerge")):
        vm.set(_w("val"), "restart")
    tbl.addnext(second)
    if mark:
        tbl.addnext(etree.fromstring(f"<w:p {W}><w:r><w:t>{mark}</w:t></w:r></w:p>"))


def _captions_below(body) -> None:
    from lxml import etree

    for k, tbl in enumerate(body.findall(_w("tbl"))):
        tbl.addnext(etree.fromstring(f"<w:p {W}><w:r><w:t>表{k + 1} {_PART_TITLES[k]}</w:t></w:r></w:p>"))


@pytest.mark.parametrize("case", ["seed", "changed_cell"])
@pytest.mark.parametrize("layout", [
    _title_rows,
    _split_table_three,
    lambda body: _split_table_three(body, mark="续表"),
    lambda body: _split_table_three(body, mark=""),
    lambda body: _split_table_three(body, title="收到和处理政府信息公开申请情况"),
    _captions_below,
], ids=["title-rows", "split-continued", "split-xubiao", "split-adjacent", "split-bare-title", "captions-below"])
def test_tables_titled_captioned_or_continued_lint_like_the_text(layout, case, tmp_path):
    """A title row naming the part (the heading without its numeral) on top of a table, a table
    continued on the next page as a second Word table with its header rows (and title) typed again
    and （续表） between, a caption below a table (表1 …): no part read twice (GL102), no caption or
    continuation mark read as a row (GL204); the figures of both pieces are checked."""
    pytest.importorskip("docx")
    data = _seed_docx_with(tmp_path, case, layout)
    ref = default_engine().lint_bytes(rs.to_text(CASES[case], "rows").encode(), "r.txt")
    assert keys(default_engine().lint_bytes(data, "r.docx")) == keys(ref)


def test_paragraphs_of_a_layout_table_cell_each_have_their_place():
    """A report laid out in a one-cell table (as web systems export it): each paragraph of the cell
    is named by its place in it (表1 第1行 第1列 第3段), not all by the cell; a cell of one paragraph is
    named by the cell; the tables inside come after the layout table; and a message naming such a
    place says it in English too."""
    from govlint_rules._common import locator_en

    inner = ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
             f"<w:tr>{tc('信息内容')}{tc('本年处理决定数量')}</w:tr><w:tr>{tc('行政许可')}{tc('5')}</w:tr></w:tbl>")
    cell = p("标题") + p("") + p("一、总体情况") + p("全年共收到申请3件。") + inner + p("二、主动公开政府信息情况")
    layout = (f"<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>{cell}</w:tc></w:tr>"
              f"<w:tr><w:tc>{p('某某局')}</w:tc></w:tr></w:tbl>")
    src = read_docx(build(layout))
    assert src.locator(src.text.index("标题")) == "表1 第1行 第1列 第1段"
    assert src.locator(src.text.index("全年")) == "表1 第1行 第1列 第3段"
    assert src.locator(src.text.index("二、")) == "表1 第1行 第1列 第4段"
    assert src.locator(src.text.index("行政许可 | 5") + len("行政许可 | ")) == "表2 第2行 第2列"
    assert src.locator(src.text.index("某某局")) == "表1 第2行 第1列"
    assert locator_en("表1 第1行 第1列 第3段") == "table 1, row 1, column 1, paragraph 3"
    assert locator_en("表2 第4行 第10列") == "table 2, row 4, column 10"


def _spans_by_width(kind: str):
    """Merged cells written without ``w:gridSpan``, their span given by their width alone (``w:tcW``
    as wide as the grid columns they cover: in twips, ``dxa``, or in fiftieths of a percent of the
    table, ``pct``), as some converters and WPS write them."""
    from lxml import etree

    def change(body) -> None:
        for tbl in body.iter(_w("tbl")):
            widths = [int(gc.get(_w("w"))) for gc in tbl.find(_w("tblGrid")).findall(_w("gridCol"))]
            for tr in tbl.findall(_w("tr")):
                col = 0
                for tc in tr.findall(_w("tc")):
                    tcpr = tc.find(_w("tcPr"))
                    gs = tcpr.find(_w("gridSpan"))
                    span = int(gs.get(_w("val"))) if gs is not None else 1
                    if gs is not None:
                        tcpr.remove(gs)
                    for old in tcpr.findall(_w("tcW")):
                        tcpr.remove(old)
                    w = sum(widths[col:col + span])
                    tcw = etree.Element(_w("tcW"))
                    tcw.set(_w("w"), str(w if kind == "dxa" else round(5000 * w / sum(widths))))
                    tcw.set(_w("type"), kind)
                    tcpr.insert(0, tcw)
                    col += span
    return change


@pytest.mark.parametrize("kind", ["dxa", "pct"])
def test_merged_cells_given_by_their_widths_alone_are_placed_in_their_grid_columns(kind, tmp_path):
    """A merged cell without ``w:gridSpan`` spans the grid columns its width covers: the findings as
    from the text, and every figure's locator names its grid column (表2 第4行 第4列), not its place
    among the row's cells (第2列)."""
    pytest.importorskip("docx")
    from govlint.extract import extract_bytes

    data = _seed_docx_with(tmp_path, "changed_cell", _spans_by_width(kind))
    assert b"gridSpan" not in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    ref = default_engine().lint_bytes(rs.to_text(CASES["changed_cell"], "rows").encode(), "r.txt")
    assert keys(default_engine().lint_bytes(data, "r.docx")) == keys(ref)
    expected = rs.to_docx(CASES["changed_cell"], tmp_path / "plain.docx").locators
    located = {(c["table"], c["row"], c["column_id"]): c["locator"] for c in extract_bytes(data, "r.docx")["cells"]}
    assert located == expected
    assert expected[("三", "new", "natural")] == "表2 第4行 第4列"


# ----------------------------------------------------------------------------- markup Word, WPS and editors leave in


_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _alternate(el):
    """``el`` (a run or a block) moved into an ``mc:AlternateContent``: a copy in its ``mc:Choice``
    (Requires w14, as Word 2010 markup and WPS write it) and one in its ``mc:Fallback``."""
    from lxml import etree

    alt = etree.Element(f"{{{_MC_NS}}}AlternateContent", nsmap={"mc": _MC_NS})
    choice = etree.SubElement(alt, f"{{{_MC_NS}}}Choice", Requires="w14")
    fallback = etree.SubElement(alt, f"{{{_MC_NS}}}Fallback")
    el.addprevious(alt)
    fallback.append(copy.deepcopy(el))
    choice.append(el)
    return alt


def _heading_runs_alternate(body) -> None:
    for par in body.findall(_w("p")):
        if "".join(par.itertext())[:2] in ("一、", "二、", "三、", "四、", "五、", "六、"):
            for r in par.findall(_w("r")):
                _alternate(r)


def _table_four_alternate(body) -> None:
    _alternate(body.findall(_w("tbl"))[2])


def _figures_of_table_three_alternate(body) -> None:
    import re

    for tc in body.findall(_w("tbl"))[1].iter(_w("tc")):
        if re.fullmatch(r"\d+", "".join(tc.itertext())):
            for r in tc.iter(_w("r")):
                _alternate(r)


def _last_part_alternate(body) -> None:
    head = next(par for par in body.findall(_w("p")) if "".join(par.itertext()).startswith("六、"))
    alt = _alternate(head)
    for par in [x for x in alt.itersiblings() if x.tag == _w("p")]:
        alt[1].append(copy.deepcopy(par))
        alt[0].append(par)


@pytest.mark.parametrize("change", [_heading_runs_alternate, _table_four_alternate, _figures_of_table_three_alternate,
                                    _last_part_alternate],
                         ids=["heading-runs", "table-four", "figures-of-table-three", "last-part"])
def test_markup_compatibility_alternatives_are_read_once(change, tmp_path):
    """Text in an ``mc:AlternateContent`` (WPS and Word 2010+ write runs and blocks so: the markup
    for newer readers in ``mc:Choice``, the same for older ones in ``mc:Fallback``) is read once,
    from one branch: it was left out (the six part headings lost: GL101 and the parts' own findings
    missed; table 四 or the figures of 三 lost: GL201, GL207; part 六 lost)."""
    pytest.importorskip("docx")
    data = _seed_docx_with(tmp_path, "changed_cell", change)
    src = read_docx(data)
    plain = read_docx(rs.to_docx(CASES["changed_cell"], tmp_path / "plain.docx").data)
    assert src.text == plain.text
    ref = default_engine().lint_bytes(rs.to_text(CASES["changed_cell"], "rows").encode(), "r.txt")
    assert keys(default_engine().lint_bytes(data, "r.docx")) == keys(ref)


def test_an_alternative_without_text_reads_its_fallback():
    alt = (f'<w:p><mc:AlternateContent {MC}><mc:Choice Requires="w14"><w:r><w:drawing/></w:r></mc:Choice>'
           '<mc:Fallback><w:r><w:t>一、总体情况</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>')
    assert lines(read_docx(build(alt + p("正文")))) == ["一、总体情况", "正文"]


def _stale_row_deleted(body) -> None:
    """A copy of table 三's first data row, its figures 9, above it, deleted with track changes as a
    row (``w:trPr/w:del``) while its runs are not marked deleted."""
    from lxml import etree

    tr = body.findall(_w("tbl"))[1].findall(_w("tr"))[3]
    old = copy.deepcopy(tr)
    trpr = old.find(_w("trPr"))
    if trpr is None:
        trpr = etree.SubElement(old, _w("trPr"))
        old.insert(0, trpr)
    etree.SubElement(trpr, _w("del"), {_w("id"): "7", _w("author"): "a"})
    for tc in old.findall(_w("tc"))[1:]:
        for t in tc.iter(_w("t")):
            t.text = "9"
    tr.addprevious(old)


def _stale_table_deleted(runs_deleted: bool):
    """A copy of table 三 with stale figures (9) right before it, every row of it deleted with track
    changes (``w:trPr/w:del``), its runs marked deleted too (as Word writes it) or not."""
    import re

    from lxml import etree

    def change(body) -> None:
        tbl = body.findall(_w("tbl"))[1]
        old = copy.deepcopy(tbl)
        for tr in old.findall(_w("tr")):
            trpr = tr.find(_w("trPr"))
            if trpr is None:
                trpr = etree.Element(_w("trPr"))
                tr.insert(0, trpr)
            etree.SubElement(trpr, _w("del"), {_w("id"): "7", _w("author"): "a"})
            for r in list(tr.iter(_w("r"))):
                for t in r.iter(_w("t")):
                    t.text = "9" if re.fullmatch(r"\d+", t.text or "") else t.text
                    if runs_deleted:
                        t.tag = _w("delText")
                if runs_deleted:
                    d = etree.Element(_w("del"), {_w("id"): "8", _w("author"): "a"})
                    r.addprevious(d)
                    d.append(r)
        tbl.addprevious(old)
    return change


def _read_as_the_plain_file(tmp_path, change) -> bytes:
    """The seed's Word file (its changed_cell case) edited by ``change``: its findings those of the
    report as text, every figure's locator (table/row/cell) that of the plain Word file. Returns the file."""
    pytest.importorskip("docx")
    from govlint.extract import extract_bytes

    data = _seed_docx_with(tmp_path, "changed_cell", change)
    ref = default_engine().lint_bytes(rs.to_text(CASES["changed_cell"], "rows").encode(), "r.txt")
    assert keys(default_engine().lint_bytes(data, "r.docx")) == keys(ref)
    expected = rs.to_docx(CASES["changed_cell"], tmp_path / "plain.docx").locators
    located = {(c["table"], c["row"], c["column_id"]): c["locator"] for c in extract_bytes(data, "r.docx")["cells"]}
    assert located == expected
    return data


@pytest.mark.parametrize("change", [_stale_row_deleted, _stale_table_deleted(False), _stale_table_deleted(True)],
                         ids=["row", "table", "table-runs-deleted"])
def test_a_row_deleted_with_track_changes_is_not_read(change, tmp_path):
    """A table row deleted with track changes is gone from the final text, as Word shows it: its
    stale figures gave GL301/GL303 (the total no longer the sum), and every row below it a locator
    one row off; a table whose rows are all deleted is gone, and the tables after it keep their
    numbers (they were named one table on: 表3 for the second)."""
    _read_as_the_plain_file(tmp_path, change)


def _unit_table_in_header_cell(body) -> None:
    """A one-cell table ``单位：件`` nested in the big header cell of table 三."""
    from lxml import etree

    tc = body.findall(_w("tbl"))[1].find(_w("tr")).find(_w("tc"))
    tc.append(etree.fromstring(f'<w:tbl {W}><w:tblGrid><w:gridCol w:w="1000"/></w:tblGrid><w:tr><w:tc>'
                               f'{p("单位：件")}</w:tc></w:tr></w:tbl>'))
    tc.append(etree.fromstring(f"<w:p {W}/>"))


def test_a_small_table_in_a_cell_keeps_its_table_a_table_of_data(tmp_path):
    """A data table with a small table nested in one cell (a unit note in a header cell) is a table
    of data, the small table's text read into its cell; it was read as a layout table, a line per
    cell (GL205 for the note as a column name, the figures' locators by their place among the row's
    cells instead of their grid columns)."""
    data = _read_as_the_plain_file(tmp_path, _unit_table_in_header_cell)
    assert "单位：件 | 申请人情况" in read_docx(data).text


def test_headings_numbered_by_a_list_style_keep_their_numbers():
    """A multi-level list defined as a list style (Word's "define new list style"): the list the
    headings use names an abstract list that only links to the style (``w:numStyleLink``); the
    levels are in the one defining it (``w:styleLink``), or in the list the style's own
    ``w:numPr`` names. The headings were read without their numbers (总体情况)."""
    levels = CHINESE_LIST.split("<w:num ")[0].replace('w:abstractNumId="0">', 'w:abstractNumId="0"><w:styleLink w:val="GovList"/>')
    linked = ('<w:abstractNum w:abstractNumId="5"><w:numStyleLink w:val="GovList"/></w:abstractNum>'
              '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="6"><w:abstractNumId w:val="5"/></w:num>')
    style = (f'<?xml version="1.0"?><w:styles {W}><w:style w:type="numbering" w:styleId="GovList"><w:name w:val="GovList"/>'
             '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>')
    body = numbered("总体情况", 6, 0) + p("正文") + numbered("主动公开政府信息情况", 6, 0)
    doc = f"<w:document {W}><w:body>{body}</w:body></w:document>"
    want = ["一、总体情况", "正文", "二、主动公开政府信息情况"]
    for num in (levels + linked, levels.replace('<w:styleLink w:val="GovList"/>', "") + linked):  # by styleLink; by the style
        data = package({"word/document.xml": doc, "word/numbering.xml": f'<?xml version="1.0"?><w:numbering {W}>{num}</w:numbering>',
                        "word/styles.xml": style})
        assert lines(read_docx(data)) == want


def _sliver_columns(body) -> None:
    """A grid column 1 twip wide after the 4th of tables 三 and 四, the cell over the 4th column
    spanning it too (LibreOffice leaves such a column in a table it saved from .doc or .rtf): no
    column a reader sees."""
    from lxml import etree

    for tbl in body.findall(_w("tbl"))[1:3]:
        grid = tbl.find(_w("tblGrid"))
        grid.findall(_w("gridCol"))[3].addnext(etree.Element(_w("gridCol"), {_w("w"): "1"}))
        for tr in tbl.findall(_w("tr")):
            col = 0
            for tc in tr.findall(_w("tc")):
                tcpr = tc.find(_w("tcPr"))
                if tcpr is None:
                    tcpr = etree.Element(_w("tcPr"))
                    tc.insert(0, tcpr)
                gs = tcpr.find(_w("gridSpan"))
                span = int(gs.get(_w("val"))) if gs is not None else 1
                if col <= 3 < col + span:
                    if gs is None:
                        gs = etree.SubElement(tcpr, _w("gridSpan"))
                    gs.set(_w("val"), str(span + 1))
                    break
                col += span


def test_a_sliver_grid_column_is_no_column_of_the_locators(tmp_path):
    """A grid column a point or less wide (LibreOffice's round trip of a .doc leaves one) is no column
    a reader sees: the locators number the columns without it (``第7列`` stood for the 6th)."""
    _read_as_the_plain_file(tmp_path, _sliver_columns)


# ----------------------------------------------------------------------------- text as Word shows it


def _mark_deleted_after(par, cut: int, mark: str = "del") -> None:
    """Paragraph ``par`` cut in two after ``cut`` characters, the first's mark deleted with track
    changes (``w:pPr/w:rPr/w:del``), or hidden (``mark="vanish"``): Word shows the two as the one
    paragraph they were."""
    from lxml import etree

    ts = list(par.iter(_w("t")))
    text = "".join(t.text or "" for t in ts)
    for t in ts:
        t.text = ""
    second = copy.deepcopy(par)
    ts[0].text = text[:cut]
    list(second.iter(_w("t")))[0].text = text[cut:]
    ppr = par.find(_w("pPr"))
    if ppr is None:
        ppr = etree.Element(_w("pPr"))
        par.insert(0, ppr)
    etree.SubElement(etree.SubElement(ppr, _w("rPr")), _w(mark), {_w("id"): "1", _w("author"): "a"} if mark == "del" else {})
    par.addnext(second)


def _headings_mark_deleted(body) -> None:
    """The part headings cut in two after ``二、主动``, their first half's mark deleted."""
    import re

    for par in body.findall(_w("p")):
        if re.match("[二三四]、", "".join(par.itertext())):
            _mark_deleted_after(par, 4)


def _headings_mark_hidden(body) -> None:
    """The part headings cut in two after ``二、主动``, their first half's mark hidden (``w:vanish``)."""
    import re

    for par in body.findall(_w("p")):
        if re.match("[二三四]、", "".join(par.itertext())):
            _mark_deleted_after(par, 4, "vanish")


def _headings_emptied(body):
    """(its text, its ``w:t`` elements, emptied) for each part heading 二、 三、 四、 (to be written again)."""
    import re

    for par in body.findall(_w("p")):
        text = "".join(par.itertext())
        if re.match("[二三四]、", text):
            ts = list(par.iter(_w("t")))
            for t in ts:
                t.text = ""
            yield text, ts


def _headings_broken_with_br(body) -> None:
    """The part headings broken with a line break (``w:br``, Shift+Enter) after their eighth character."""
    from lxml import etree

    for text, ts in _headings_emptied(body):
        ts[0].text = text[:8]
        ts[0].getparent().addnext(etree.fromstring(f'<w:r {W}><w:br/><w:t>{text[8:]}</w:t></w:r>'))


def _figures_as_math(body) -> None:
    """Table 四's figures typed as equations (Office Math, ``m:oMath/m:r/m:t``)."""
    from lxml import etree

    m = "http://schemas.openxmlformats.org/officeDocument/2006/math"
    for par in body.findall(_w("tbl"))[2].iter(_w("p")):
        text = "".join(par.itertext())
        if text.isdigit():
            for r in par.findall(_w("r")):
                par.remove(r)
            par.append(etree.fromstring(f'<m:oMath xmlns:m="{m}" {W}><m:r><w:rPr/><m:t>{text}</m:t></m:r></m:oMath>'))


def _heading_commas_as_symbols(body) -> None:
    """The ``、`` of the part headings inserted as a symbol (``w:sym``) of a font."""
    from lxml import etree

    for text, ts in _headings_emptied(body):
        ts[0].text = text[2:]
        ts[0].getparent().addprevious(etree.fromstring(f'<w:r {W}><w:t>{text[0]}</w:t></w:r>'))
        ts[0].getparent().addprevious(etree.fromstring(f'<w:r {W}><w:sym w:font="宋体" w:char="3001"/></w:r>'))


@pytest.mark.parametrize("change", [_headings_mark_deleted, _headings_mark_hidden, _headings_broken_with_br,
                                    _figures_as_math, _heading_commas_as_symbols],
                         ids=["heading-mark-deleted", "heading-mark-hidden", "heading-broken-with-br", "math", "sym"])
def test_text_is_read_as_word_shows_it(change, tmp_path):
    """A paragraph whose mark is deleted with track changes, or hidden, is one paragraph with the next
    (a heading read as two was GL103, ``二、主动``), and so is a heading broken with a line break
    (``w:br``: the parser joins it); the text of an equation (``m:t``) and of a symbol (``w:sym``)
    are text (table 四's figures were blanks: GL207, and a change of one not found; a heading's
    ``、`` was lost: GL101)."""
    _read_as_the_plain_file(tmp_path, change)


@pytest.mark.parametrize("dele", ['<w:rPr><w:del w:id="1" w:author="a"/></w:rPr>', "<w:rPr><w:vanish/></w:rPr>",
                                  '<w:rPr><w:b/><w:vanish w:val="1"/></w:rPr>'], ids=["deleted", "hidden", "hidden-val"])
def test_a_deleted_or_hidden_paragraph_mark_joins_the_paragraph_with_the_next(dele):
    """In the body and in a cell; numbered as the first; one place (第N段); a joined paragraph before a
    table or at the end of a cell is written on its own. A hidden mark (``w:vanish``) is no paragraph
    end in Word either (the paragraphs were read apart)."""
    body = (numbered("收到和处理政府", 1, 0).replace("</w:numPr>", f"</w:numPr>{dele}") + numbered("信息公开申请情况", 1, 0)
            + p("正文", f"<w:pPr>{dele}</w:pPr>") + p("", f"<w:pPr>{dele}</w:pPr>") + p("续")
            + p("表前", f"<w:pPr>{dele}</w:pPr>")
            + f'<w:tbl><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid><w:tr>'
            f'<w:tc>{p("（一）予以", f"<w:pPr>{dele}</w:pPr>")}{p("公开")}</w:tc>'
            f'<w:tc>{p("3", f"<w:pPr>{dele}</w:pPr>")}</w:tc></w:tr></w:tbl>' + numbered("总体情况", 1, 0))
    src = read_docx(build(body, CHINESE_LIST))
    assert lines(src) == ["一、收到和处理政府信息公开申请情况", "正文续", "表前", "（一）予以公开 | 3", "二、总体情况"]
    assert [src.locator(src.text.index(t)) for t in ("一、", "正文", "表前", "二、")] == ["第1段", "第2段", "第3段", "第4段"]


def test_a_mark_unhidden_is_a_paragraph_end():
    """``w:vanish w:val="0"`` on a mark says it is shown: the paragraphs are two."""
    body = p("一、总体情况", '<w:pPr><w:rPr><w:vanish w:val="0"/></w:rPr></w:pPr>') + p("正文")
    assert lines(read_docx(build(body))) == ["一、总体情况", "正文"]


def test_symbols_and_equations_are_text():
    """A symbol's code is its character (a digit of the Symbol font is the digit); one of a font's
    own (private) codes is a blank between what is on its sides, not nothing (``1`` ``2`` read ``12``);
    an equation's text is read in order."""
    sym = ('<w:p><w:r><w:t>共</w:t></w:r><w:r><w:sym w:font="Symbol" w:char="F033"/></w:r><w:r><w:t>件</w:t></w:r>'
           '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:sym w:font="Symbol" '
           'w:char="F0B4"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:sym w:char="zz"/><w:sym w:font="Segoe UI Symbol" '
           'w:char="2714"/></w:r></w:p>')
    math = ('<w:p><w:r><w:t>比例</w:t></w:r><m:oMathPara xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
            '<m:oMath><m:r><m:t>12</m:t></m:r><m:r><m:t>%</m:t></m:r></m:oMath></m:oMathPara></w:p>')
    assert lines(read_docx(build(sym + math))) == ["共3件 1 2✔", "比例12%"]


def test_text_hidden_by_a_style_is_left_out():
    """Hidden text (``w:vanish``) set by a character style, a style it is based on, or the paragraph's
    style, is not read (a stale figure kept hidden beside the new one read ``93``); a run or style
    that unsets it is."""
    styles = (f'<?xml version="1.0"?><w:styles {W}>'
              '<w:style w:type="character" w:styleId="Old"><w:rPr><w:vanish/></w:rPr></w:style>'
              '<w:style w:type="character" w:styleId="Older"><w:basedOn w:val="Old"/></w:style>'
              '<w:style w:type="character" w:styleId="Shown"><w:rPr><w:vanish w:val="0"/></w:rPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Note"><w:rPr><w:vanish/></w:rPr></w:style></w:styles>')

    def run(text: str, style: str = "", direct: str = "") -> str:
        st = f'<w:rStyle w:val="{style}"/>' if style else ""
        return f"<w:r><w:rPr>{st}{direct}</w:rPr><w:t>{text}</w:t></w:r>"

    body = (f'<w:p>{run("9", "Old")}{run("3")}</w:p><w:p>{run("9", "Older")}{run("4")}</w:p>'
            f'<w:p><w:pPr><w:pStyle w:val="Note"/></w:pPr>{run("旧")}{run("新", "Shown")}'
            + run("显", direct='<w:vanish w:val="false"/>') + "</w:p>")
    data = package({"word/document.xml": f"<w:document {W}><w:body>{body}</w:body></w:document>",
                    "word/styles.xml": styles})
    assert lines(read_docx(data)) == ["3", "4", "新显"]
