#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""TAP test of the command line: --version and --validate exit codes and messages."""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import check, finish  # noqa: E402

binary, data_dir = sys.argv[1], sys.argv[2]


def run(*args):
    env = dict(os.environ)
    return subprocess.run([binary, *args], capture_output=True, text=True, env=env, timeout=60)


def data(*parts):
    return os.path.join(data_dir, *parts)


p = run("--version")
check("--version exits 0", p.returncode == 0, p.stderr)
check("--version prints the version", p.stdout.startswith("llm-prep "), p.stdout)

p = run("--validate")
check("--validate alone checks the bundled content", p.returncode == 0, p.stderr)
check("bundled content has 7 categories and 51 questions",
      "7 categories and 51 questions are valid" in p.stdout, p.stdout)

p = run("--validate", data("good", "minimal.json"))
check("--validate a good file exits 0", p.returncode == 0, p.stderr)
check("--validate counts the file's question", "7 categories and 1 questions are valid" in p.stdout, p.stdout)

p = run("--validate", data("good", "categories.json"))
check("--validate a file with its own categories exits 0", p.returncode == 0, p.stderr)

# Every bundled answer is written and passes the strict checks: no
# question opens on the "answer coming" page.
p = run("--validate", "--strict")
check("the bundled content passes strict validation", p.returncode == 0, p.stderr)
check("all 51 bundled questions are complete",
      "7 categories and 51 questions are valid (strict)" in p.stdout, p.stdout)

p = run("--validate", "--strict", data("good", "complete.json"))
check("--validate --strict complete file exits 0", p.returncode == 0, p.stderr)

p = run("--validate", "--strict", data("good", "minimal.json"))
check("--validate --strict incomplete file exits 1", p.returncode == 1, p.stdout)
check("strict mode names the missing answer",
      "$.questions[0]: missing required member “short_answer”" in p.stderr, p.stderr)

# A user's pack (issue 18): its own categories and the bundled ones; its
# categories must not take a bundled id; "user" is not for the bundled
# content, which is checked strictly.
import json as _json  # noqa: E402
import tempfile as _tempfile  # noqa: E402

pack_dir = _tempfile.mkdtemp()
pack = {
    "schema_version": 1,
    "categories": [{"id": "robotics", "title": {"zh_TW": "機器人", "en": "Robotics"}}],
    "questions": [
        {"id": "robot-arm", "category": "robotics", "origin": "user",
         "question": {"zh_TW": "機械手臂？", "en": "A robot arm?"}, "difficulty": "basic", "tags": []},
        {"id": "my-basic", "category": "basics", "origin": "user",
         "question": {"zh_TW": "基本？", "en": "Basic?"}, "difficulty": "basic", "tags": []},
    ],
}
pack_path = os.path.join(pack_dir, "pack.json")
with open(pack_path, "w", encoding="utf-8") as f:
    _json.dump(pack, f, ensure_ascii=False, indent=2)
p = run("--validate", pack_path)
check("--validate a pack with its own and a bundled category exits 0", p.returncode == 0, p.stderr)
check("--validate counts the pack's own category", "1 categories and 2 questions are valid" in p.stdout, p.stdout)

pack["categories"][0]["id"] = "basics"
pack["questions"][0]["category"] = "basics"
with open(pack_path, "w", encoding="utf-8") as f:
    _json.dump(pack, f, ensure_ascii=False, indent=2)
p = run("--validate", pack_path)
check("a pack's category may not take a bundled id", p.returncode == 1, p.stdout + p.stderr)
check("the taken category is named, at FILE:LINE:COL",
      pack_path + ":5:" in p.stderr and "category id “basics” is taken" in p.stderr, p.stderr)

p = run("--validate", "--strict", pack_path)
check("--strict refuses origin “user”", p.returncode == 1 and "origin “user”" in p.stderr, p.stderr)

bad = sorted(os.listdir(data("bad")))
for name in bad:
    p = run("--validate", data("bad", name))
    check(f"--validate bad/{name} exits 1", p.returncode == 1, p.stdout + p.stderr)
    check(f"--validate bad/{name} names the file", data("bad", name) in p.stderr, p.stderr)

p = run("--validate", data("good", "minimal.json"), data("bad", "unknown-schema-version.json"))
check("one bad file among good ones fails the run", p.returncode == 1, p.stderr)
check("the problem count is reported", "1 problem(s) found" in p.stderr, p.stderr)

p = run("--validate", data("no-such-file.json"))
check("an unreadable file exits 1", p.returncode == 1, p.stderr)
check("an unreadable file is named", "no-such-file.json: cannot read" in p.stderr, p.stderr)

# Hostile content (reliability review C1-C3): rejected with FILE:LINE:COL,
# never a crash, hang or "valid".
import json  # noqa: E402
import re  # noqa: E402
import tempfile  # noqa: E402

with open(data("good", "complete.json"), encoding="utf-8") as f:
    complete = f.read()
tmp = tempfile.mkdtemp()


def hostile(name, text, expected):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    p = run("--validate", "--strict", path)
    check(f"hostile {name}: exits 1", p.returncode == 1, p.stdout + p.stderr)
    check(f"hostile {name}: says why, at FILE:LINE:COL",
          expected in p.stderr and re.search(re.escape(path) + r":\d+:\d+: ", p.stderr) is not None, p.stderr)


def with_answer(markdown):
    doc = json.loads(complete)
    doc["questions"][0]["detailed_answer"]["zh_TW"] = markdown
    return json.dumps(doc, ensure_ascii=False, indent=2)


hostile("surrogate.json", complete.replace('"zh_TW": "', '"zh_TW": "\\udc00', 1), "half of a surrogate pair")
hostile("short-escape.json", complete.replace('"zh_TW": "', '"zh_TW": "\\ud83x', 1), "four hexadecimal digits")
hostile("nul.json", complete.replace('"zh_TW": "', '"zh_TW": "a\\u0000b', 1), "\\u0000")
hostile("deep.json", "[" * 100000 + "]" * 100000, "nested deeper than 64 levels")
hostile("bigint.json", complete.replace('"schema_version": 1', '"schema_version": 99999999999999999999', 1),
        "out of range")
hostile("def-fence.json", with_answer("## 程式\n\n```def\ny = 1\n```\n"), "unknown code language “def”")
hostile("unbalanced.json", with_answer("## 算\n\nCompute [a](*b) and c*\n"), "mis-nests")
hostile("spans.json", with_answer("## 多\n\n" + "*a* " * 16000 + "\n"), "formatting marks")
hostile("long-code.json", with_answer("## 長\n\n```python\n" + "a+" * 1000 + "\n```\n"), "would not be highlighted")

fifo = os.path.join(tmp, "fifo.json")
os.mkfifo(fifo)
p = run("--validate", fifo)
# In English, or in Chinese where a build's translations are installed.
check("a FIFO is refused, not waited on",
      p.returncode == 1 and ("regular file" in p.stderr or "一般檔案" in p.stderr), p.stderr)

p = run("--open", "no-such-question")
check("--open with an unknown ID exits 1 before opening a window", p.returncode == 1, p.stderr)
check("--open names the unknown ID", "no-such-question" in p.stderr, p.stderr)

p = run("stray-argument")
check("a stray argument is refused", p.returncode != 0, p.stderr)

p = run("--strict")
check("--strict without --validate is refused", p.returncode == 1 and "--strict" in p.stderr, p.stderr)

finish()
