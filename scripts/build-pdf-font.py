#!/usr/bin/env python3
"""Regenerate the Unicode fonts the PDF change request embeds.

Run by hand when the character set should change, never at install time; the output is committed:

    apt-get install fonts-dejavu-core fonts-wqy-microhei python3-fonttools
    python3 scripts/build-pdf-font.py

Writes to src/domain/export/pdf/fonts/:
  PortolanSans-Regular.ttf  DejaVu Sans (Latin incl. Vietnamese, Greek, Cyrillic, Hebrew, Arabic with
                            its presentation forms) merged with WenQuanYi Micro Hei (kana, the common
                            Han characters of GB 2312 level 1 and JIS X 0208 level 1, the 2,350 Hangul
                            syllables of KS X 1001)
  PortolanSans-Bold.ttf     DejaVu Sans Bold, same ranges without CJK (WenQuanYi has one weight)
  LICENSE-DejaVu.txt, LICENSE-WenQuanYi.txt

Both fonts keep TrueType (glyf) outlines, which is what jsPDF embeds; hinting and layout tables are
dropped because jsPDF uses neither. Both sources are 2048 units per em, so they merge unscaled. The
Vera licence asks for a new name on modified fonts, hence "Portolan Sans".
"""

import os
import sys
import tempfile

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont

DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'
DEJAVU_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'
WQY = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'
APACHE = '/usr/share/common-licenses/Apache-2.0'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'domain', 'export', 'pdf', 'fonts')

# 2024-01-01T00:00:00Z in seconds since 1904, so rebuilding gives the same bytes.
TIMESTAMP = 3786825600

WESTERN_RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x024F),  # Latin-1, Latin Extended-A and -B (Polish, Czech, Turkish, ...)
    (0x0300, 0x036F),  # combining diacritics
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x052F),  # Cyrillic and its supplement
    (0x0590, 0x05FF),  # Hebrew
    (0x0600, 0x06FF),  # Arabic
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese)
    (0x2000, 0x206F),  # general punctuation: dashes, quotes, ellipsis
    (0x20A0, 0x20CF),  # currency
    (0x2100, 0x214F),  # letterlike symbols
    (0x2190, 0x21FF),  # arrows (zone pairs print "DMZ → LAN")
    (0xFB1D, 0xFB4F),  # Hebrew presentation forms
    (0xFB50, 0xFDFF),  # Arabic presentation forms A: jsPDF's Arabic shaping maps letters here...
    (0xFE70, 0xFEFF),  # ...and here (presentation forms B)
    (0xFFFD, 0xFFFD),  # replacement character, printed for anything the font lacks
]

CJK_RANGES = [
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3130, 0x318F),  # Hangul compatibility jamo
    (0x31F0, 0x31FF),  # Katakana phonetic extensions
    (0xFF00, 0xFFEF),  # half-width and full-width forms
]


def from_ranges(ranges):
    return {c for a, b in ranges for c in range(a, b + 1)}


def double_byte(codec, leads, trails):
    """The characters a two-byte legacy encoding holds in the given rows: a standard list of
    common characters that Python's codecs carry, so the build needs no data file."""
    chars = set()
    for lead in leads:
        for trail in trails:
            try:
                text = bytes([lead, trail]).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(text) == 1:
                chars.add(ord(text))
    return chars


def cjk_characters():
    han = double_byte('gb2312', range(0xB0, 0xD8), range(0xA1, 0xFF))  # GB 2312 level 1: 3,755
    han |= double_byte('euc_jp', range(0xB0, 0xD0), range(0xA1, 0xFF))  # JIS X 0208 level 1: 2,965
    hangul = double_byte('euc_kr', range(0xB0, 0xC9), range(0xA1, 0xFF))  # KS X 1001: 2,350
    return from_ranges(CJK_RANGES) | han | hangul


def subset_font(path, unicodes, dest, font_number=0):
    options = subset.Options()
    options.font_number = font_number
    options.hinting = False
    options.layout_features = []
    options.glyph_names = False
    options.notdef_outline = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    options.drop_tables += ['GSUB', 'GPOS', 'GDEF', 'kern', 'DSIG', 'BASE', 'JSTF', 'MATH', 'gasp',
                            'hdmx', 'LTSH', 'VDMX', 'FFTM', 'vhea', 'vmtx']
    font = subset.load_font(path, options, dontLoadGlyphNames=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    font.save(dest)


def finish(font, style, copyright_notice, dest):
    """Rename (the Vera licence requires it), keep one BMP Unicode cmap (jsPDF reads format 4
    only), and fix the timestamps."""
    family = 'Portolan Sans'
    name = font['name']
    name.names = [n for n in name.names if n.nameID not in (0, 1, 2, 3, 4, 5, 6, 13, 14)]
    for name_id, value in {
        0: copyright_notice,
        1: family,
        2: style,
        3: f'PortolanSans-{style}',
        4: f'{family} {style}',
        5: 'Version 1.0',
        6: f'PortolanSans-{style}',
        13: 'See LICENSE-DejaVu.txt and LICENSE-WenQuanYi.txt next to this file.',
    }.items():
        name.setName(value, name_id, 3, 1, 0x409)
    cmap = font['cmap']
    cmap.tables = [t for t in cmap.tables if t.format == 4 and (t.platformID, t.platEncID) in ((0, 3), (3, 1))]
    font['head'].created = TIMESTAMP
    font['head'].modified = TIMESTAMP
    font.recalcTimestamp = False
    font.save(dest)


def main():
    for path in (DEJAVU, DEJAVU_BOLD, WQY, APACHE):
        if not os.path.exists(path):
            sys.exit(f'{path} is missing: apt-get install fonts-dejavu-core fonts-wqy-microhei python3-fonttools')
    os.makedirs(OUT, exist_ok=True)
    western = from_ranges(WESTERN_RANGES)
    dejavu_notice = TTFont(DEJAVU)['name'].getDebugName(0).strip()
    wqy = TTFont(WQY, fontNumber=0)
    wqy_notice = wqy['name'].getDebugName(0).strip()
    with tempfile.TemporaryDirectory() as tmp:
        parts = [os.path.join(tmp, 'western.ttf'), os.path.join(tmp, 'cjk.ttf')]
        subset_font(DEJAVU, western, parts[0])
        # Only what DejaVu lacks, so western text keeps one design throughout.
        dejavu_cmap = set(TTFont(parts[0])['cmap'].getBestCmap())
        subset_font(WQY, cjk_characters() - dejavu_cmap, parts[1], font_number=0)
        for path in parts:
            assert TTFont(path)['head'].unitsPerEm == 2048, f'{path}: merge needs equal units per em'
        regular = Merger().merge(parts)
        finish(regular, 'Regular', f'{dejavu_notice}\n{wqy_notice}', os.path.join(OUT, 'PortolanSans-Regular.ttf'))
        bold_part = os.path.join(tmp, 'bold.ttf')
        subset_font(DEJAVU_BOLD, western, bold_part)
        finish(TTFont(bold_part), 'Bold', dejavu_notice, os.path.join(OUT, 'PortolanSans-Bold.ttf'))

    with open(os.path.join(OUT, 'LICENSE-DejaVu.txt'), 'w', encoding='utf-8') as out:
        out.write('Portolan Sans Regular and Bold contain glyphs of DejaVu Sans 2.37, subset and renamed.\n\n')
        out.write(TTFont(DEJAVU)['name'].getDebugName(13).strip() + '\n')
    with open(os.path.join(OUT, 'LICENSE-WenQuanYi.txt'), 'w', encoding='utf-8') as out:
        out.write(
            'Portolan Sans Regular contains glyphs of WenQuanYi Micro Hei 0.2.0-beta (CJK punctuation,\n'
            'kana, Hangul syllables of KS X 1001, Han characters of GB 2312 level 1 and JIS X 0208\n'
            'level 1), subset without hinting, merged with DejaVu Sans and renamed.\n\n'
            f'{wqy_notice}\nBased on Droid Sans Fallback. Droid is a trademark of Google.\n'
            'Licensed under the Apache License, Version 2.0:\n\n'
        )
        with open(APACHE, encoding='utf-8') as licence:
            out.write(licence.read())
    for file in sorted(os.listdir(OUT)):
        print(f'{file}: {os.path.getsize(os.path.join(OUT, file)):,} bytes')


if __name__ == '__main__':
    main()
