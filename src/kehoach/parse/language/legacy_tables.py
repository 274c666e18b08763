"""Data for the legacy Vietnamese encodings TCVN3 (ABC) and VNI.

Both were used with 8-bit Windows fonts, so a document typed in them holds
Latin-1 characters that the font draws as Vietnamese letters. Read as Unicode,
'Kế hoạch' comes out as 'KÕ ho¹ch' (TCVN3) or 'Keá hoaïch' (VNI).
"""

from __future__ import annotations

# TCVN3 (TCVN 5712:1993, VN3): one Latin-1 character per Vietnamese letter, as
# pairs "<Vietnamese letter><TCVN3 character>". VN3 has no upper-case toned
# letters: those are typed with the lower-case ones and drawn upper-case by the
# '.VnTimeH'-style fonts. U+00AD (soft hyphen) is 'ư'.
TCVN3_PAIRS = (
    "ă¨ â© êª ô« ơ¬ ư\u00ad đ® Ă¡ Â¢ Ê£ Ô¤ Ơ¥ Ư¦ Đ§"
    " àµ ả¶ ã· á¸ ạ¹"
    " ằ» ẳ¼ ẵ½ ắ¾ ặÆ"
    " ầÇ ẩÈ ẫÉ ấÊ ậË"
    " èÌ ẻÎ ẽÏ éÐ ẹÑ"
    " ềÒ ểÓ ễÔ ếÕ ệÖ"
    " ì× ỉØ ĩÜ íÝ ịÞ"
    " òß ỏá õâ óã ọä"
    " ồå ổæ ỗç ốè ộé"
    " ờê ởë ỡì ớí ợî"
    " ùï ủñ ũò úó ụô"
    " ừõ ửö ữ÷ ứø ựù"
    " ỳú ỷû ỹü ýý ỵþ"
)

# VNI: a base letter followed by a mark character. Each mark is the Latin-1
# character VNI fonts draw as that mark, with the combining marks it stands for
# (a vowel-shape mark and/or a tone). Upper-case text uses the upper-case marks.
VNI_MARKS = {
    "ù": "\u0301",  # sắc
    "ø": "\u0300",  # huyền
    "û": "\u0309",  # hỏi
    "õ": "\u0303",  # ngã
    "ï": "\u0323",  # nặng
    "â": "\u0302",  # circumflex: â ê ô
    "á": "\u0302\u0301",
    "à": "\u0302\u0300",
    "å": "\u0302\u0309",
    "ã": "\u0302\u0303",
    "ä": "\u0302\u0323",
    "ê": "\u0306",  # breve: ă
    "é": "\u0306\u0301",
    "è": "\u0306\u0300",
    "ú": "\u0306\u0309",
    "ü": "\u0306\u0303",
    "ë": "\u0306\u0323",
}

# Which marks each base letter takes in VNI (circumflex on a/e/o, breve on a only).
VNI_TONES = "ùøûõï"
VNI_CIRCUMFLEX = "âáàåãä"
VNI_BREVE = "êéèúüë"
VNI_BASES = {
    "a": VNI_TONES + VNI_CIRCUMFLEX + VNI_BREVE,
    "e": VNI_TONES + VNI_CIRCUMFLEX,
    "o": VNI_TONES + VNI_CIRCUMFLEX,
    "u": VNI_TONES,
    "y": VNI_TONES,
    "ơ": VNI_TONES,
    "ư": VNI_TONES,
}

# VNI characters that stand alone for a letter (the i's, ỵ, ơ, ư, đ).
VNI_SINGLES = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}

# Font names that announce an encoding (a PDF may prefix a subset tag 'ABCDEF+').
# '.VnTimeH', '.VnArialH' ... draw lower-case TCVN3 letters as capitals.
FONT_PREFIXES = {".vn": "tcvn3", "vni": "vni"}

# Syllable shape used to tell which reading of a text is Vietnamese.
SYLLABLE_ONSETS = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x"]
SYLLABLE_VOWELS = "aăâeêioôơuưy"
SYLLABLE_CODAS = ["ch", "ng", "nh", "c", "m", "n", "p", "t"]
