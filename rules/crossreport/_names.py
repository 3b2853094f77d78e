"""The forms one kind of body's name is written in: the full name the 机构改革 gave it, its standard
short forms (卫生健康委 for 卫生健康委员会, 住房城乡建设局 for 住房和城乡建设局), the common
abbreviations (卫健委, 住建局), and the name it had before a renaming that left it the same body
(环境保护局, now 生态环境局; 自然资源局, now 自然资源和规划局 in some provinces). A place has one
body of each kind, so that 某某市卫健委 and 某某市卫生健康委员会 are one agency's names.

Data, not rules: each line is one kind of body, its full name first. Only names a place has one body
of are here: 卫生健康局 and 卫生健康委员会 (a county's and a city's) are kept apart, as are
市场监督管理局 and 监察局, and a bureau and its branch (…局某某分局).
"""

from __future__ import annotations

import re
from typing import Optional

from govlint.relazy import lazy_compile

FORMS: tuple[tuple[str, ...], ...] = (
    ("发展和改革委员会", "发展改革委员会", "发展改革委", "发改委"),
    ("发展和改革局", "发展改革局", "发改局"),
    ("卫生健康委员会", "卫生和健康委员会", "卫生健康委", "卫健委", "卫生和计划生育委员会", "卫生计生委", "卫计委"),
    ("卫生健康局", "卫生和健康局", "卫健局", "卫生和计划生育局", "卫生计生局", "卫计局"),
    ("市场监督管理局", "市场监管局", "市监局"),
    ("人力资源和社会保障局", "人力资源社会保障局", "人力社保局", "人社局"),
    ("人力资源和社会保障厅", "人力资源社会保障厅", "人社厅"),
    ("住房和城乡建设局", "住房城乡建设局", "住建局"),
    ("住房和城乡建设厅", "住房城乡建设厅", "住建厅"),
    ("自然资源和规划局", "自然资源规划局", "自然资源局"),
    ("生态环境局", "环境保护局", "环保局"),
    ("文化和旅游局", "文化旅游局", "文旅局"),
    ("文化广电和旅游局", "文化广电旅游局", "文广旅局"),
    ("工业和信息化局", "工业信息化局", "工信局"),
    ("科学技术局", "科技局"),
    ("退役军人事务局", "退役军人局"),
    ("医疗保障局", "医保局"),
    ("应急管理局", "应急局"),
    ("交通运输局", "交通局"),
    ("林业和草原局", "林业草原局", "林草局"),
    ("粮食和物资储备局", "粮食物资储备局", "粮食和储备局", "粮储局"),
    ("城市管理和综合执法局", "城市管理综合执法局", "城管执法局"),
    ("城市管理局", "城管局"),
    ("民族宗教事务局", "民族和宗教事务局", "民宗局"),
    ("机关事务管理局", "机关事务局"),
    ("国有资产监督管理委员会", "国资委"),
    ("行政审批服务局", "行政审批局"),
    ("政务服务和数据管理局", "政务服务数据管理局", "政数局"),
    ("教育和体育局", "教育体育局", "教体局"),
    ("广播电视局", "广电局"),
    # renamed in 2021 (国务院扶贫办 became 国家乡村振兴局, and so below)
    ("乡村振兴局", "扶贫开发办公室", "扶贫开发领导小组办公室", "扶贫办"),
    ("管理委员会", "管委会"),
    # the ministries (国家 bodies' forms are those above: 国家发展改革委, 国家卫生健康委)
    ("人力资源和社会保障部", "人力资源社会保障部", "人社部"),
    ("住房和城乡建设部", "住房城乡建设部", "住建部"),
    ("工业和信息化部", "工信部"),
    ("文化和旅游部", "文化旅游部", "文旅部"),
    # a government's and a party committee's general office (办公厅 in a province, 办公室 below,
    # either in some cities); 人民政府 is already 政府 in a key
    ("政府办公室", "政府办公厅", "政府办"),
    ("委办公室", "委办公厅", "委办"),
)

_CANONICAL = {form: group[0] for group in FORMS for form in group}
_KINDS = frozenset(_CANONICAL.values())

#: where a kind's name may start: the name's start, after a place's name (省 市 县 区 州 盟 旗 镇 乡,
#: 街道) or after 国家 (国家卫生健康委) — not inside another word (规划和自然资源局); 办 is not followed
#: by 事 or 公 (政府办事处, and the longer forms first)
_FORM = lazy_compile(
    r"(?:^|(?<=[省市县区州盟旗镇乡道家]))(?:"
    + "|".join(re.escape(f) + ("(?![事公])" if f.endswith("办") else "")
               for f in sorted(_CANONICAL, key=len, reverse=True))
    + ")")


#: 市监局 after a city's name without its 市 (益阳市监局: 益阳市's 市监局, the 市 written once)
_CITY_SHARED = lazy_compile(r"(?<=[\u4e00-\u9fff])(?<![省市县区州盟旗镇乡道家])市监局")


def canonical(name: str) -> str:
    """``name`` (a key: no spaces) with each kind of body written in its full form: 益阳市卫健委 is
    益阳市卫生健康委员会, 桃江县市场监管局 and 益阳市监局 are 桃江县市场监督管理局 and 益阳市市场监督管理局."""
    if len(name) < 3:
        return name
    if name.find("市监局") > 0:
        name = _CITY_SHARED.sub("市市监局", name)
    return _FORM.sub(lambda m: _CANONICAL[m.group()], name)


def kind_at_end(name: str) -> Optional[int]:
    """Where the kind of body that ends ``name`` (canonical) starts (住房和城乡建设局 in 桃江县住房和城乡
    建设局: 3), or None when the name does not end with a kind of the table."""
    for k in range(max(0, len(name) - 11), len(name) - 1):
        if name[k:] in _KINDS and (k == 0 or name[k - 1] in "省市县区州盟旗镇乡道"):
            return k
    return None
