#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest's identity, sandbox permissions and source pins.

Usage:
    test-flatpak-manifest.py MANIFEST    check a manifest, print TAP
    test-flatpak-manifest.py --self-test check that bad manifests are rejected

Exit status is 0 when every test passes and 1 otherwise.
"""

import argparse
import copy
import json
import re
import sys

APP_ID = "io.github.llmprep.LlmPrep"
COMMAND = "llm-prep"
RUNTIME = "org.gnome.Platform"
SDK = "org.gnome.Sdk"

ALLOWED_FINISH_ARGS = [
    "--share=ipc",
    "--socket=fallback-x11",
    "--socket=wayland",
    "--device=dri",
]

# The app needs no host files, no network and no D-Bus names: Flatpak
# already lets an app own its own well-known name without --own-name.
FORBIDDEN_PREFIXES = (
    "--filesystem=",
    "--share=network",
    "--socket=session-bus",
    "--socket=system-bus",
    "--talk-name=",
    "--own-name=",
    "--system-talk-name=",
    "--system-own-name=",
    "--device=all",
)

COMMIT_RE = re.compile(r"^[0-9a-f]{40}$")


def iter_modules(modules):
    """Yield every module dict, nested modules included."""
    for module in modules or []:
        if isinstance(module, dict):
            yield module
            yield from iter_modules(module.get("modules"))


def find_module(manifest, name):
    for module in iter_modules(manifest.get("modules")):
        if module.get("name") == name:
            return module
    return None


def check_app_id(manifest):
    app_id = manifest.get("id", manifest.get("app-id"))
    return [] if app_id == APP_ID else [f"id is {app_id!r}, expected {APP_ID!r}"]


def check_command(manifest):
    command = manifest.get("command")
    return [] if command == COMMAND else [f"command is {command!r}, expected {COMMAND!r}"]


def check_runtime(manifest):
    problems = []
    if manifest.get("runtime") != RUNTIME:
        problems.append(f"runtime is {manifest.get('runtime')!r}, expected {RUNTIME!r}")
    if manifest.get("sdk") != SDK:
        problems.append(f"sdk is {manifest.get('sdk')!r}, expected {SDK!r}")
    version = manifest.get("runtime-version")
    if not (isinstance(version, str) and re.fullmatch(r"[0-9]+", version)):
        problems.append(f"runtime-version {version!r} is not a numeric string")
    return problems


def check_no_forbidden_permissions(manifest):
    return [f"forbidden permission {arg}"
            for arg in manifest.get("finish-args", [])
            if arg.startswith(FORBIDDEN_PREFIXES)]


def check_finish_args_exact(manifest):
    args = manifest.get("finish-args", [])
    problems = [f"unexpected finish-arg {arg}" for arg in args if arg not in ALLOWED_FINISH_ARGS]
    problems += [f"missing finish-arg {arg}" for arg in ALLOWED_FINISH_ARGS if arg not in args]
    problems += [f"duplicate finish-arg {arg}" for arg in set(args) if args.count(arg) > 1]
    return problems


def check_git_sources_pinned(manifest):
    problems = []
    for module in iter_modules(manifest.get("modules")):
        for source in module.get("sources", []):
            if not isinstance(source, dict) or source.get("type") != "git":
                continue
            where = f"git source {source.get('url')!r} of module {module.get('name')!r}"
            if not (source.get("tag") or source.get("branch")):
                problems.append(f"{where} has neither tag nor branch")
            if not COMMIT_RE.match(str(source.get("commit", ""))):
                problems.append(f"{where} has no 40-hex commit")
    return problems


def check_md4c_module(manifest):
    module = find_module(manifest, "md4c")
    if module is None:
        return ["no md4c module"]
    if module.get("buildsystem") != "cmake-ninja":
        return [f"md4c buildsystem is {module.get('buildsystem')!r}, expected 'cmake-ninja'"]
    return []


def check_app_module(manifest):
    module = find_module(manifest, COMMAND)
    if module is None:
        return [f"no {COMMAND} module"]
    problems = []
    if module.get("buildsystem") != "meson":
        problems.append(f"{COMMAND} buildsystem is {module.get('buildsystem')!r}, expected 'meson'")
    if not any(isinstance(s, dict) and s.get("type") == "dir" for s in module.get("sources", [])):
        problems.append(f"{COMMAND} module has no dir source")
    return problems


CHECKS = [
    ("app id", check_app_id),
    ("command", check_command),
    ("runtime and sdk", check_runtime),
    ("no forbidden permissions", check_no_forbidden_permissions),
    ("finish-args are exactly the allowed set", check_finish_args_exact),
    ("git sources pinned to tag/branch and commit", check_git_sources_pinned),
    ("md4c module uses cmake-ninja", check_md4c_module),
    ("app module uses meson with a dir source", check_app_module),
]


def run_tap(results):
    """Print (description, problems) pairs as TAP; return True if all passed."""
    print(f"1..{len(results)}")
    for number, (description, problems) in enumerate(results, start=1):
        print(f"{'not ok' if problems else 'ok'} {number} - {description}")
        for problem in problems:
            print(f"# {problem}")
    return not any(problems for _, problems in results)


def check_manifest(manifest):
    return [(description, check(manifest)) for description, check in CHECKS]


GOOD_MANIFEST = {
    "id": APP_ID,
    "runtime": RUNTIME,
    "runtime-version": "51",
    "sdk": SDK,
    "command": COMMAND,
    "finish-args": list(ALLOWED_FINISH_ARGS),
    "modules": [
        {
            "name": "md4c",
            "buildsystem": "cmake-ninja",
            "sources": [{"type": "git", "url": "https://github.com/mity/md4c.git",
                         "tag": "release-0.5.3", "commit": "0" * 40}],
        },
        {"name": COMMAND, "buildsystem": "meson", "sources": [{"type": "dir", "path": ".."}]},
    ],
}


def add_finish_arg(arg):
    return lambda m: m["finish-args"].append(arg)


def drop_md4c_source_key(key):
    return lambda m: m["modules"][0]["sources"][0].pop(key)


# (description, mutation of GOOD_MANIFEST, check expected to reject it)
BAD_CASES = [
    ("network permission", add_finish_arg("--share=network"), check_no_forbidden_permissions),
    ("home filesystem", add_finish_arg("--filesystem=home"), check_no_forbidden_permissions),
    ("D-Bus talk-name", add_finish_arg("--talk-name=org.freedesktop.Flatpak"),
     check_no_forbidden_permissions),
    ("missing commit", drop_md4c_source_key("commit"), check_git_sources_pinned),
    ("missing tag", drop_md4c_source_key("tag"), check_git_sources_pinned),
]


def self_test():
    results = [("good manifest passes every check",
                [f"{d}: {p}" for d, problems in check_manifest(GOOD_MANIFEST) for p in problems])]
    for description, mutate, check in BAD_CASES:
        manifest = copy.deepcopy(GOOD_MANIFEST)
        mutate(manifest)
        rejected = bool(check(manifest))
        results.append((f"{description} is rejected by {check.__name__}",
                        [] if rejected else ["bad manifest was accepted"]))
    return run_tap(results)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("manifest", nargs="?", help="path to the Flatpak manifest (JSON)")
    parser.add_argument("--self-test", action="store_true",
                        help="check that known-bad manifests are rejected")
    args = parser.parse_args()

    if args.self_test:
        return 0 if self_test() else 1
    if not args.manifest:
        parser.error("a MANIFEST path or --self-test is required")
    try:
        with open(args.manifest, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f"Bail out! cannot read {args.manifest}: {e}")
        return 1
    return 0 if run_tap(check_manifest(manifest)) else 1


if __name__ == "__main__":
    sys.exit(main())
