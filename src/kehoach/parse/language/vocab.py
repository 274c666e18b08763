"""Vietnamese vocabulary used by the parser, kept as data, not as scattered regexes.

Each table is plain data; the extractors compile what they need from it once.
Spellings are NFC. Matching that must ignore tone placement (hoá/hóa) goes through
`textutil.fold`, so the tables hold one spelling only.
"""

from __future__ import annotations

# Document types (tên loại) that head a document, upper-case as printed.
DOC_TYPES: tuple[str, ...] = (
    "KẾ HOẠCH", "QUYẾT ĐỊNH", "BÁO CÁO", "CHƯƠNG TRÌNH", "KẾ HOẠCH HÀNH ĐỘNG",
    "HƯỚNG DẪN", "THÔNG BÁO", "CHỈ THỊ", "ĐỀ ÁN", "PHƯƠNG ÁN", "NGHỊ QUYẾT", "TỜ TRÌNH",
)

# Kinds of document cited as legal bases, longest first so 'Thông tư liên tịch' wins over 'Thông tư'.
LEGAL_KINDS: tuple[str, ...] = (
    "Thông tư liên tịch", "Nghị quyết liên tịch", "Bộ luật", "Luật", "Pháp lệnh", "Hiến pháp",
    "Nghị định", "Nghị quyết", "Quyết định", "Chỉ thị", "Thông tư", "Kế hoạch", "Công văn",
    "Hướng dẫn", "Chương trình", "Kết luận", "Thông báo", "Công điện", "Văn bản", "Đề án",
    "Quy định", "Chỉ đạo",
)

# Words that open a clause of the preamble (căn cứ pháp lý).
PREAMBLE_STARTERS: tuple[str, ...] = (
    "Căn cứ", "Thực hiện", "Theo đề nghị", "Xét đề nghị", "Theo chỉ đạo", "Tiếp tục thực hiện",
)

# Administrative levels, longest first ('thị trấn' before 'thị', 'thành phố' before others).
LEVELS: tuple[str, ...] = ("thị trấn", "thành phố", "đặc khu", "thị xã", "phường", "huyện", "quận", "tỉnh", "xã")

# Levels a commune-style issuer can have; used to prefer the issuer over its superiors.
LOCAL_LEVELS: tuple[str, ...] = ("xã", "phường", "thị trấn", "đặc khu")

# Abbreviations of issuing bodies, expanded in the issuer field.
BODY_ABBREVIATIONS: dict[str, str] = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "MTTQVN": "Mặt trận Tổ quốc Việt Nam",
    "MTTQ": "Mặt trận Tổ quốc",
    "BCĐ": "Ban Chỉ đạo",
    "BTT": "Ban Thường trực",
    "TW": "trung ương",
}

# Names inside issuing bodies as they are capitalised in running text, for headers printed in
# capitals ('ỦY BAN MTTQ VIỆT NAM' -> 'Ủy ban Mặt trận Tổ quốc Việt Nam'). Folded when matched.
BODY_PHRASES: tuple[str, ...] = (
    "Ủy ban nhân dân", "Hội đồng nhân dân", "Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc", "Việt Nam",
    "Ban Thường trực", "Ban Thường vụ", "Ban Chỉ đạo", "Ban Chấp hành", "Công Thương", "Đảng ủy",
    "Đoàn kiểm tra", "Đoàn giám sát",
)

# Words that open the name of a body in a header; the word after them is capitalised in running
# text ('SỞ TƯ PHÁP' -> 'Sở Tư pháp', 'TỔ CÔNG TÁC' -> 'Tổ Công tác').
BODY_HEADS: tuple[str, ...] = (
    "Sở", "Ban", "Bộ", "Cục", "Tổ", "Đoàn", "Phòng", "Chi cục", "Văn phòng", "Trung tâm", "Hội", "Viện",
    "Tổng cục", "Thanh tra", "Công an", "Liên đoàn", "Ủy ban", "Hội đồng",
)

# Header bodies that name no place but fix the level: a ministry is central, a department provincial.
BODY_LEVELS: tuple[tuple[str, str], ...] = (
    ("bộ", "trung ương"), ("tổng cục", "trung ương"), ("cục", "trung ương"), ("sở", "tỉnh"),
)
# Levels of bodies that serve the whole country.
CENTRAL_LEVELS: tuple[str, ...] = ("trung ương",)
# Words in a body's name that make it central ('TỔ CÔNG TÁC LIÊN NGÀNH TRUNG ƯƠNG').
CENTRAL_WORDS: tuple[str, ...] = ("trung ương",)

# Words that open a header line continuing the body's name above it ('ĐOÀN KIỂM TRA' /
# 'THEO QUYẾT ĐỊNH SỐ ...'), folded.
NAME_LINKS: tuple[str, ...] = ("theo", "thuộc", "trực", "của", "về")

# Bodies that sign collectively after 'TM.' (the signature's first line, sometimes wrapped).
COLLECTIVE_BODIES: tuple[str, ...] = (
    "ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "BAN THƯỜNG TRỰC", "BAN THƯỜNG VỤ", "BAN CHỈ ĐẠO", "ĐOÀN KIỂM TRA",
    "BAN CHẤP HÀNH", "ĐOÀN GIÁM SÁT", "TỔ CÔNG TÁC",
)
BODY_NAMES: tuple[str, ...] = ("Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND", "Hội đồng nhân dân", "HĐND")

# Provinces and centrally-run cities (the 63 before the 2025 merger, which include the 34 after it).
PROVINCES: tuple[str, ...] = (
    "Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế", "Thừa Thiên Huế",
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre",
    "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk",
    "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh",
    "Hải Dương", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum",
    "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình",
    "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh",
    "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa",
    "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)

# Lines of the national header that are never content.
NATIONAL_HEADER: tuple[str, ...] = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")

# Prefixes of the signature block (NĐ 30/2020, Phụ lục I): collective, deputy, acting, by order.
SIGNATURE_ON_BEHALF: tuple[str, ...] = ("TM.", "T/M.")

# Ranks printed before a signer's name ('Đại tá Bùi Duy Hưng').
MILITARY_RANKS: tuple[str, ...] = (
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá",
    "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy",
)
SIGNATURE_AUTHORITY: tuple[str, ...] = ("KT.", "Q.", "TL.", "TUQ.")

# Openers of the closing part after the body.
CLOSING_STARTERS: tuple[str, ...] = ("Nơi nhận",)

# Headings of forms, minutes and lists attached after a plan: their tables are not task tables.
FORM_STARTERS: tuple[str, ...] = (
    "mẫu số", "mẫu", "biểu mẫu", "biểu số", "biên bản", "danh sách", "đề cương", "phiếu",
)

# Lines that announce an appendix.
APPENDIX_STARTERS: tuple[str, ...] = ("PHỤ LỤC", "Phụ lục", "DANH MỤC NHIỆM VỤ", "BIỂU", "Biểu")

# Comparator phrases that stand right before a number ("tối thiểu 80%").
# Matched case-insensitively on the folded text, at the end of the text before the number.
CMP_BEFORE: tuple[tuple[str, str], ...] = (
    ("không thấp hơn", ">="), ("không dưới", ">="), ("tối thiểu", ">="), ("ít nhất", ">="),
    ("thấp nhất", ">="), ("≥", ">="), (">=", ">="),
    ("không vượt quá", "<="), ("không quá", "<="), ("tối đa", "<="), ("nhiều nhất", "<="),
    ("≤", "<="), ("<=", "<="),
    ("cao hơn", ">"), ("vượt", ">"), ("trên", ">"), ("hơn", ">"), (">", ">"),
    ("thấp hơn", "<"), ("dưới", "<"), ("<", "<"),
    ("trong vòng", "<="), ("trong thời hạn", "<="),
)
# Comparators OCR may misread a mark of ('tối thiếu' for 'tối thiểu') whose letters without
# marks are also everyday words, so that OCR text is not 'repaired' into them: 'không qua'
# (not through), 'tôi đã' (I have).
CMP_NOT_RESTORED: tuple[str, ...] = ("không quá", "tối đa")
# Filler words that may sit between the comparator and the number ("tối thiểu đạt 90%").
CMP_FILLERS: tuple[str, ...] = ("đạt", "là", "bằng", "ở mức", "mức", "còn", ":", "đạt mức")
# Phrases right after a number that make it a lower or upper bound ("60% trở lên").
CMP_AFTER: tuple[tuple[str, str], ...] = (("trở lên", ">="), ("trở xuống", "<="))

# Units of time limits; a number with one of these is a target only next to a comparator,
# or as the value a duration label sets ('Thời gian kiểm tra: dự kiến 02 ngày làm việc').
TIME_LIMIT_UNITS: tuple[str, ...] = ("ngày làm việc", "phút", "giờ", "ngày")
DURATION_LABELS: tuple[str, ...] = ("thời gian", "thời hạn")
DURATION_FILLERS: tuple[str, ...] = ("dự kiến", "khoảng", "là")

# Words for small numbers, as used in period phrases ('sáu tháng cuối năm').
NUMBER_WORDS: dict[str, int] = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
    "mười": 10, "mười hai": 12,
}

# Roman numerals used for quarters and parts.
ROMAN_VALUES: dict[str, int] = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

# Vietnamese letter order for lettered items (điểm): no f, j, w, z; đ after d.
LETTER_ORDER: tuple[str, ...] = (
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s",
    "t", "u", "v", "x", "y",
)

# Abbreviations that end with a dot but do not end a sentence.
ABBREVIATIONS: tuple[str, ...] = ("TM", "KT", "TL", "TUQ", "Q", "TP", "Tp", "ThS", "TS", "PGS", "GS", "BS", "v.v", "St", "Ô", "Bà")

# Document-count phrases: 'Danh mục gồm 15 nhiệm vụ'.
TASK_COUNT_WORDS: tuple[str, ...] = ("gồm", "có", "tổng số", "tổng cộng", "với")

# Words found in the header cells of a task table (TT, Nội dung, Chủ trì, ...), folded.
TABLE_HEADER_WORDS: tuple[str, ...] = (
    "nội dung", "nhiệm vụ", "chủ trì", "phối hợp", "thời gian", "sản phẩm", "kết quả", "thực hiện",
)

# Time phrases that mean 'recurring', with no date range (folded, matched at the start).
RECURRING_WORDS: tuple[str, ...] = (
    "thường xuyên", "hằng quý", "hàng quý", "hằng tháng", "hàng tháng", "hằng năm", "hàng năm",
    "định kỳ", "liên tục",
)

# Task-table columns and the header words that name them (folded), in matching priority.
COLUMN_SYNONYMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("no", ("stt", "tt", "số tt", "số thứ tự")),
    ("partners", ("phối hợp",)),
    ("lead", ("chủ trì", "đơn vị thực hiện", "cơ quan thực hiện", "thực hiện chính", "trách nhiệm thực hiện",
              "người thực hiện", "người phụ trách", "đơn vị phụ trách", "cán bộ thực hiện")),
    ("time", ("thời gian", "thời hạn", "tiến độ")),
    ("product", ("sản phẩm", "kết quả")),
    ("content", ("nội dung", "nhiệm vụ", "tên nhiệm vụ", "giải pháp", "công việc", "đối tượng kiểm tra")),
)

# Words that open an agency name, and whether the next word must be capitalised
# ('Ban Chỉ đạo' is an agency, 'Ban hành' is not).
AGENCY_HEADS: tuple[tuple[str, bool], ...] = (
    ("Văn phòng", False), ("Trung tâm", False), ("Các cơ quan", False), ("Các đơn vị", False),
    ("Các phòng", False), ("Các ban", False), ("Các tổ chức", False), ("Cơ quan", False),
    ("UBND", False), ("Ủy ban", False), ("Uỷ ban", False), ("HĐND", False), ("Công an", False),
    ("Mặt trận", False), ("Công chức", False), ("Đảng ủy", False), ("Đảng uỷ", False),
    ("Bộ phận", False), ("Chi cục", False), ("Kho bạc", False), ("Bảo hiểm", False),
    ("Thanh tra", False), ("Ban Chỉ huy", False), ("Quân sự", False), ("Trạm", False),
    ("Phòng", True), ("Ban", True), ("Hội", True), ("Đoàn", True), ("Sở", True), ("Tổ", True),
    ("Trường", True), ("Chủ tịch", False), ("Lãnh đạo", False),
    ("Viện", True), ("Bộ", True), ("Cục", True), ("Tòa án", False), ("Toà án", False), ("Viện kiểm sát", False),
    ("Ngân hàng", False), ("Bưu điện", False), ("Liên hiệp", False), ("Hiệp hội", False), ("Hội đồng", False),
    ("Đài", True), ("Báo", True), ("Quỹ", True), ("Công ty", False), ("Đảng ủy", False),
    ("Đồng chí", False), ("Đ/c", False), ("Trưởng", False), ("Phó", False), ("Giám đốc", False), ("Bí thư", False),
)

# Abbreviations of agencies and of what they work on, as officials type them in task tables and
# in searches ('Phòng VH-XH' is 'Phòng Văn hóa - Xã hội'). Matched as whole words, any case.
AGENCY_ABBREVIATIONS: dict[str, str] = {
    **BODY_ABBREVIATIONS, "VH-XH": "Văn hóa - Xã hội", "VHXH": "Văn hóa - Xã hội",
    "KT-HT-ĐT": "Kinh tế - Hạ tầng - Đô thị", "KT-HT": "Kinh tế - Hạ tầng", "TC-KH": "Tài chính - Kế hoạch",
    "TN-MT": "Tài nguyên và Môi trường", "TNMT": "Tài nguyên và Môi trường", "NN-MT": "Nông nghiệp và Môi trường",
    "VP": "Văn phòng", "HĐND-UBND": "Hội đồng nhân dân và Ủy ban nhân dân", "ĐU": "Đảng ủy",
    "BCH": "Ban Chỉ huy", "CA": "Công an", "QS": "Quân sự", "BHXH": "Bảo hiểm xã hội",
    "TTPVHCC": "Trung tâm Phục vụ hành chính công", "PVHCC": "Phục vụ hành chính công",
    "HCC": "hành chính công", "CCHC": "cải cách hành chính", "TTHC": "thủ tục hành chính",
    "CNTT": "công nghệ thông tin", "CĐS": "chuyển đổi số", "GD-ĐT": "Giáo dục và Đào tạo",
    "GDĐT": "Giáo dục và Đào tạo", "KH-CN": "Khoa học và Công nghệ", "KHCN": "Khoa học và Công nghệ",
    "LĐTBXH": "Lao động - Thương binh và Xã hội", "TT-TT": "Thông tin và Truyền thông",
    "CB,CC,VC": "cán bộ, công chức, viên chức", "CBCCVC": "cán bộ, công chức, viên chức",
}

# Words that join the parts of an agency's name and do not tell agencies apart ('Văn hóa và Xã
# hội', 'Văn hóa - Xã hội'), dropped when names are compared.
AGENCY_JOINERS: tuple[str, ...] = ("và", "&")

# Nouns that, after 'các' ('các sở, ngành', 'các đồng chí Chuyên viên'), name a group of bodies or people.
AGENCY_PLURAL_NOUNS: tuple[str, ...] = (
    "sở", "ban", "ngành", "cơ quan", "đơn vị", "phòng", "tổ chức", "địa phương", "xã", "phường", "hội", "đoàn thể",
    "doanh nghiệp", "đồng chí", "đ/c", "thành viên", "chuyên viên", "cán bộ", "trường", "thôn", "tổ", "bộ", "cục",
)

# Openings of time cells ('Trong tháng 7/2025', 'Quý IV/2025', '6 tháng cuối năm 2025').
TIME_STARTERS: tuple[str, ...] = (
    "trong tháng", "trong quý", "trong năm", "quý", "tháng", "năm 20", "cả năm", "trước ngày", "trước",
    "chậm nhất", "thường xuyên", "hằng", "hàng", "định kỳ", "từ tháng", "từ ngày", "đến hết", "đến năm",
    "sáu tháng", "6 tháng", "9 tháng", "3 tháng", "liên tục", "giai đoạn",
)

# Standard CCHC reform areas (NQ 76/NQ-CP plus 'chỉ đạo điều hành' and 'đánh giá tác động'):
# code, Vietnamese name, phrases that name the area in a heading (folded when compared).
REFORM_AREAS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("chi_dao", "Công tác chỉ đạo, điều hành", ("chỉ đạo, điều hành", "chỉ đạo điều hành", "tuyên truyền")),
    ("the_che", "Cải cách thể chế", ("thể chế", "quy phạm pháp luật", "qppl", "thi hành pháp luật")),
    ("tthc", "Cải cách thủ tục hành chính", ("thủ tục hành chính", "tthc", "một cửa")),
    ("bo_may", "Cải cách tổ chức bộ máy", ("tổ chức bộ máy", "bộ máy")),
    ("cong_vu", "Cải cách chế độ công vụ", ("công vụ", "công chức, viên chức")),
    ("tai_chinh", "Cải cách tài chính công", ("tài chính công", "ngân sách", "tài chính")),
    ("so", "Xây dựng chính quyền điện tử, chính quyền số",
     ("chính quyền điện tử", "chính quyền số", "chính phủ điện tử", "chính phủ số", "chuyển đổi số")),
    ("tac_dong", "Đánh giá tác động của cải cách hành chính", ("tác động",)),
)

# Common quantified indicators: code, Vietnamese name, phrases (folded when compared).
# Order matters: the first indicator whose phrase occurs in the clause around the number wins.
INDICATORS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("hai_long", "Mức độ hài lòng của người dân, doanh nghiệp", ("hài lòng",)),
    ("thanh_toan_truc_tuyen", "Thanh toán trực tuyến", ("thanh toán trực tuyến", "thanh toán không dùng tiền mặt")),
    ("luan_chuyen_dien_tu", "Hồ sơ luân chuyển bằng phương thức điện tử",
     ("phương thức điện tử", "luân chuyển trong nội bộ", "luân chuyển hồ sơ")),
    ("dvc_toan_trinh", "Dịch vụ công trực tuyến toàn trình", ("toàn trình", "mức độ 3", "mức độ 4")),
    ("cat_giam", "Cắt giảm, đơn giản hóa", ("cắt giảm", "đơn giản hóa")),
    ("tai_su_dung_du_lieu", "Tái sử dụng dữ liệu đã số hóa",
     ("tái sử dụng", "không phải cung cấp", "không phải nộp lại", "chia sẻ dữ liệu")),
    ("so_hoa", "Số hóa hồ sơ và kết quả giải quyết TTHC", ("số hóa",)),
    ("dung_han", "Hồ sơ giải quyết đúng hạn", ("đúng hạn", "trước hạn", "quá hạn", "trễ hạn")),
    ("ho_so_truc_tuyen", "Hồ sơ nộp, giải quyết trực tuyến", ("trực tuyến",)),
    ("cong_khai_tthc", "Công khai, công bố TTHC", ("công khai", "công bố")),
    ("xu_ly_moi_truong_mang", "Hồ sơ công việc xử lý trên môi trường mạng", ("môi trường mạng",)),
    ("bao_cao_dien_tu", "Báo cáo qua hệ thống thông tin báo cáo", ("báo cáo định kỳ", "hệ thống thông tin báo cáo")),
    ("van_ban_qppl", "Văn bản QPPL được rà soát, xử lý", ("quy phạm pháp luật", "qppl")),
    ("thoi_gian_cho", "Thời gian chờ đợi của người dân", ("thời gian chờ",)),
    ("dao_tao_boi_duong", "Cán bộ, công chức được đào tạo, bồi dưỡng", ("đào tạo", "bồi dưỡng", "tập huấn")),
    ("giai_ngan", "Giải ngân vốn đầu tư công", ("giải ngân",)),
    ("hoan_thanh_nhiem_vu", "Hoàn thành nhiệm vụ được giao", ("nhiệm vụ",)),
)

# Phrases printed in headers, headings and signatures, beyond those in the tables above. OCR
# often misplaces their marks ('KÉ HOẠCH', 'TỎ CHỨC THỰC HIỆN', 'YÊU CẢU'): a run of words read
# by OCR that differs from one of these phrases only in its marks is taken to be the phrase.
HEADING_PHRASES: tuple[str, ...] = (
    "MỤC ĐÍCH, YÊU CẦU", "MỤC ĐÍCH", "YÊU CẦU", "MỤC TIÊU", "NỘI DUNG", "NHIỆM VỤ", "GIẢI PHÁP",
    "TỔ CHỨC THỰC HIỆN", "KINH PHÍ THỰC HIỆN", "CHỈ TIÊU", "TRÁCH NHIỆM", "CHẾ ĐỘ BÁO CÁO", "PHÂN CÔNG",
    "QUAN ĐIỂM", "PHẠM VI", "ĐỐI TƯỢNG", "THỜI GIAN", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
    "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "TỔ TRƯỞNG", "PHÓ TỔ TRƯỞNG", "TRƯỞNG ĐOÀN", "CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG",
    "THƯỜNG TRỰC", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "CHÁNH VĂN PHÒNG", "CẢNH SÁT", "CÔNG AN", "CÔNG TÁC", "LIÊN NGÀNH",
    "TRUNG ƯƠNG", "NHÂN DÂN", "DANH MỤC", "PHỤ LỤC", "TÌNH HÌNH", "KẾT QUẢ", "ĐÁNH GIÁ", "TỔNG KẾT",
    "CẢI CÁCH HÀNH CHÍNH", "ĐẾN NĂM", "GIAI ĐOẠN", "ĐỊA BÀN", "Nơi nhận", "để báo cáo", "để thực hiện",
    "để theo dõi", "để chỉ đạo", "tổ chức", "kiểm tra", "kiểm soát", "báo cáo", "thực hiện", "triển khai",
)
