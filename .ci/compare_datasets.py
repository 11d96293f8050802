#!/usr/bin/env python3
"""Checks that two synthscene datasets hold the same files with the same bytes.

    compare_datasets.py EXPECTED ACTUAL

dataset.json is compared as JSON, without the fields that differ between a merge of shards and
an unsplit run of the same frames by design: when it ran (started_at, finished_at). Its other
fields (a merge is shard 0 of 1, like an unsplit run) and every other file, hidden ones
included (the run record .synthscene-run.json too), must be byte-identical.
Prints each difference; exits 1 if there is any, 0 otherwise.
"""
import json
import os
import sys

# The one file that records when the run started and ended, and those keys, which may differ.
TIMED_JSON_FILES = {"dataset.json"}
VOLATILE_KEYS = {"started_at", "finished_at"}


def files_under(root):
    found = set()
    for folder, _, names in os.walk(root):
        for name in names:
            found.add(os.path.relpath(os.path.join(folder, name), root))
    return found


def without_volatile(metadata):
    return {k: v for k, v in metadata.items() if k not in VOLATILE_KEYS}


def compare(expected_root, actual_root):
    differences = []
    expected, actual = files_under(expected_root), files_under(actual_root)
    differences += [f"missing: {p}" for p in sorted(expected - actual)]
    differences += [f"unexpected: {p}" for p in sorted(actual - expected)]
    for path in sorted(expected & actual):
        with open(os.path.join(expected_root, path), "rb") as f:
            want = f.read()
        with open(os.path.join(actual_root, path), "rb") as f:
            got = f.read()
        if path in TIMED_JSON_FILES:
            want_json, got_json = without_volatile(json.loads(want)), without_volatile(json.loads(got))
            for key in sorted(set(want_json) | set(got_json)):
                if want_json.get(key, "<absent>") != got_json.get(key, "<absent>"):
                    differences.append(f"{path}: {key}: expected {want_json.get(key, '<absent>')!r}, "
                                       f"got {got_json.get(key, '<absent>')!r}")
        elif want != got:
            differences.append(f"differs: {path} ({len(want)} bytes expected, {len(got)} bytes)")
    return differences, len(expected)


def main(argv):
    if len(argv) != 3:
        print("usage: compare_datasets.py EXPECTED ACTUAL", file=sys.stderr)
        return 2
    differences, count = compare(argv[1], argv[2])
    for line in differences:
        print(line)
    if differences:
        print(f"{len(differences)} difference(s) between {argv[1]} and {argv[2]}")
        return 1
    print(f"same {count} files (times in {', '.join(sorted(TIMED_JSON_FILES))} aside)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
