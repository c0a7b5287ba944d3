#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""TAP test of the translations: POTFILES.in lists exactly the files with
translatable strings, in order, and every LINGUAS translation is complete
and up to date with the sources."""

import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import check, finish  # noqa: E402

root = sys.argv[1]



def read(path):
    with open(os.path.join(root, path), encoding="utf-8") as f:
        return f.read()


C_MARKERS = re.compile(r'\b(_|N_|C_|NC_|g_dngettext|ngettext)\s*\(')
UI_MARKER = 'translatable="yes"'


def has_strings(path):
    text = read(path)
    if path.endswith(".c"):
        return bool(C_MARKERS.search(text))
    if path.endswith(".ui"):
        return UI_MARKER in text
    if path.endswith((".desktop.in.in", ".metainfo.xml.in.in", ".gschema.xml")):
        return True
    return False


def candidates():
    for top in ("src", "resources", "data"):
        for dirpath, _, names in os.walk(os.path.join(root, top)):
            for name in names:
                path = os.path.relpath(os.path.join(dirpath, name), root)
                if path.endswith((".c", ".ui", ".desktop.in.in", ".metainfo.xml.in.in", ".gschema.xml")):
                    yield path


listed = [l.strip() for l in read("po/POTFILES.in").splitlines()
          if l.strip() and not l.startswith("#")]

check("POTFILES.in is sorted", listed == sorted(listed), "\n".join(listed))
check("POTFILES.in has no duplicates", len(listed) == len(set(listed)))
for path in listed:
    check(f"listed file exists: {path}", os.path.exists(os.path.join(root, path)))

needed = sorted(p for p in candidates() if has_strings(p))
for path in needed:
    check(f"translatable file is listed: {path}", path in listed,
          "add it to po/POTFILES.in")
for path in listed:
    if os.path.exists(os.path.join(root, path)):
        check(f"listed file has translatable strings: {path}", has_strings(path))

xgettext = shutil.which("xgettext")
msgcmp = shutil.which("msgcmp")
msgfmt = shutil.which("msgfmt")
linguas = read("po/LINGUAS").split()
check("LINGUAS lists zh_TW", "zh_TW" in linguas)

if xgettext and msgcmp and msgfmt:
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "llm-prep.pot")
        args = [xgettext, "--from-code=UTF-8", "--add-comments", "--package-name=llm-prep",
                "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
                "--keyword=g_dngettext:2,3", "--directory", root,
                "--files-from", os.path.join(root, "po", "POTFILES.in"), "--output", pot]
        p = subprocess.run(args, capture_output=True, text=True)
        check("xgettext extracts the strings", p.returncode == 0, p.stderr)
        for lang in linguas:
            po = os.path.join(root, "po", f"{lang}.po")
            p = subprocess.run([msgfmt, "--check", "--statistics", "-o", os.devnull, po],
                               capture_output=True, text=True)
            check(f"{lang}.po compiles", p.returncode == 0, p.stderr)
            check(f"{lang}.po has no fuzzy or untranslated messages",
                  "fuzzy" not in p.stderr and "untranslated" not in p.stderr, p.stderr)
            p = subprocess.run([msgcmp, po, pot], capture_output=True, text=True)
            check(f"{lang}.po translates every string of the sources", p.returncode == 0, p.stderr)
else:
    print("# gettext tools missing: translation completeness not checked")

finish()
