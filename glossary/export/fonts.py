"""Font stacks for Khmer and Korean text, shared by the html sheet and the Anki cards.

Only installed fonts are named (no web fonts): the first one present is used, so a
sheet or card renders with the reader's own Khmer and Korean fonts on Linux (Noto),
Windows (Khmer UI, Leelawadee UI, Malgun Gothic) and macOS (Apple SD Gothic Neo).
"""

from __future__ import annotations

KHMER_FONTS = '"Noto Sans Khmer", "Khmer OS", "Khmer OS System", "Khmer UI", "Leelawadee UI"'
KOREAN_FONTS = (
    '"Noto Sans KR", "Noto Sans CJK KR", "Nanum Gothic", "Malgun Gothic", "Apple SD Gothic Neo"'
)
