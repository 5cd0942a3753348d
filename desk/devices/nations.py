"""GB/T 3304 codes of China's ethnic groups, as the resident ID card stores them (two digits).

The card prints the short name ("汉", not "汉族"); `nation_full_name` adds 族 where the standard
does. Romanised names follow GB/T 3304's own romanisation.
"""

from __future__ import annotations

# code -> (name as printed on the card, romanised name)
NATIONS: dict[str, tuple[str, str]] = {
    "01": ("汉", "Han"),
    "02": ("蒙古", "Mongol"),
    "03": ("回", "Hui"),
    "04": ("藏", "Zang"),
    "05": ("维吾尔", "Uygur"),
    "06": ("苗", "Miao"),
    "07": ("彝", "Yi"),
    "08": ("壮", "Zhuang"),
    "09": ("布依", "Buyei"),
    "10": ("朝鲜", "Chosen"),
    "11": ("满", "Man"),
    "12": ("侗", "Dong"),
    "13": ("瑶", "Yao"),
    "14": ("白", "Bai"),
    "15": ("土家", "Tujia"),
    "16": ("哈尼", "Hani"),
    "17": ("哈萨克", "Kazak"),
    "18": ("傣", "Dai"),
    "19": ("黎", "Li"),
    "20": ("傈僳", "Lisu"),
    "21": ("佤", "Va"),
    "22": ("畲", "She"),
    "23": ("高山", "Gaoshan"),
    "24": ("拉祜", "Lahu"),
    "25": ("水", "Sui"),
    "26": ("东乡", "Dongxiang"),
    "27": ("纳西", "Naxi"),
    "28": ("景颇", "Jingpo"),
    "29": ("柯尔克孜", "Kirgiz"),
    "30": ("土", "Tu"),
    "31": ("达斡尔", "Daur"),
    "32": ("仫佬", "Mulao"),
    "33": ("羌", "Qiang"),
    "34": ("布朗", "Blang"),
    "35": ("撒拉", "Salar"),
    "36": ("毛南", "Maonan"),
    "37": ("仡佬", "Gelao"),
    "38": ("锡伯", "Xibe"),
    "39": ("阿昌", "Achang"),
    "40": ("普米", "Pumi"),
    "41": ("塔吉克", "Tajik"),
    "42": ("怒", "Nu"),
    "43": ("乌孜别克", "Uzbek"),
    "44": ("俄罗斯", "Russ"),
    "45": ("鄂温克", "Ewenki"),
    "46": ("德昂", "Deang"),
    "47": ("保安", "Bonan"),
    "48": ("裕固", "Yugur"),
    "49": ("京", "Gin"),
    "50": ("塔塔尔", "Tatar"),
    "51": ("独龙", "Derung"),
    "52": ("鄂伦春", "Oroqen"),
    "53": ("赫哲", "Hezhen"),
    "54": ("门巴", "Monba"),
    "55": ("珞巴", "Lhoba"),
    "56": ("基诺", "Jino"),
    "97": ("其他", "Other"),
    "98": ("外国血统中国籍人士", "Chinese citizen of foreign origin"),
}

# Codes that are categories rather than ethnic groups take no 族 suffix.
_NO_SUFFIX = {"97", "98"}


def nation_name(code: str) -> str | None:
    """The name printed on the card for a two-digit code ("01" -> "汉"), or None if unknown."""
    entry = NATIONS.get(code.strip())
    return entry[0] if entry else None


def nation_full_name(code: str) -> str | None:
    """The standard's full name ("01" -> "汉族", "97" -> "其他"), or None if unknown."""
    code = code.strip()
    name = nation_name(code)
    if name is None:
        return None
    return name if code in _NO_SUFFIX else f"{name}族"


def nation_romanised(code: str) -> str | None:
    entry = NATIONS.get(code.strip())
    return entry[1] if entry else None


def nation_code(name: str) -> str | None:
    """The code for a printed or full name ("汉" or "汉族" -> "01"); for the simulator and forms."""
    name = name.strip()
    for code, (short, _roman) in NATIONS.items():
        if name == short or (code not in _NO_SUFFIX and name == f"{short}族"):
            return code
    return None
