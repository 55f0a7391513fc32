#!/usr/bin/env python3
"""Extract the ISO 3166-2 subdivisions of the CIS member states from Debian's iso-codes package.

Writes vigil-app/src/main/resources/reference/iso3166-2-cis.tsv (tab-separated, UTF-8), one row per
subdivision: code, state (ISO 3166-1 alpha-3), parent (the state, or the subdivision above it),
level (1 first-level region, 2 a subdivision of a region), type, English name, Russian name and
where the Russian name comes from ("iso-codes" when the package translates it, "fallback" when it
does not: the registry's own name is kept and marked, never guessed).

Corrections (CORRECTIONS below, applied on top of the package's list and marked "correction" in the
name_ru_source column): iso-codes 4.15.0 predates Kazakhstan's reform of 2022. The presidential
decree of 8 June 2022 created the Abai, Jetisu and Ulytau regions and Nur-Sultan took back the
name Astana (17 September 2022); ISO 3166-2 added the three regions in its Online Browsing
Platform change of 29 November 2022 (codes KZ-10, KZ-33, KZ-62). That change also re-coded
Kazakhstan's older subdivisions with digits (KZ-AKM became KZ-11 and so on); those codes are kept as
the package gives them, so stored series keep their areas. A correction whose code the package
already lists with the corrected names is reported and skipped, so a newer package wins.

Run from the repository root:   python3 tools/iso3166-2/extract.py
Needs: apt-get install iso-codes (the JSON and the Russian message catalogue), Python 3.8+.
Re-running with the same package version gives the same file, byte for byte.
"""
import gettext
import json
import subprocess
import sys
from pathlib import Path

JSON = Path("/usr/share/iso-codes/json/iso_3166-2.json")
RU_MO = Path("/usr/share/locale/ru/LC_MESSAGES/iso_3166-2.mo")
OUT = Path("vigil-app/src/main/resources/reference/iso3166-2-cis.tsv")
# The states taking part in the CIS (alpha-2 to alpha-3), as WorldAreas.CIS_STATES.
STATES = {"AM": "ARM", "AZ": "AZE", "BY": "BLR", "KZ": "KAZ", "KG": "KGZ",
          "MD": "MDA", "RU": "RUS", "TJ": "TJK", "TM": "TKM", "UZ": "UZB"}


# Source of the corrections, written into the file's header and NOTICE.
CORRECTIONS_SOURCE = ("Kazakhstan presidential decree of 8 June 2022 (new regions), decree of "
                      "17 September 2022 (Astana), ISO 3166-2 OBP change of 2022-11-29")
# code, state, parent, level, type, English name, Russian name: added rows and renamed rows.
CORRECTIONS = [
    ("KZ-10", "KAZ", "KAZ", "1", "Region", "Abay oblysy", "область Абай"),
    ("KZ-33", "KAZ", "KAZ", "1", "Region", "Zhetisū oblysy", "область Жетісу"),
    ("KZ-62", "KAZ", "KAZ", "1", "Region", "Ūlytau oblysy", "область Ұлытау"),
    ("KZ-AST", "KAZ", "KAZ", "1", "City", "Astana", "Астана"),
]


def apply_corrections(rows):
    """Rows with CORRECTIONS applied: a listed code is replaced, a new one added."""
    by_code = {r[0]: r for r in rows}
    applied = 0
    for c in CORRECTIONS:
        old = by_code.get(c[0])
        if old is not None and old[5] == c[5] and old[6] == c[6]:
            print(f"extract.py: {c[0]} already reads {c[5]!r} in the package; correction skipped")
            continue
        by_code[c[0]] = c + ("correction",)
        applied += 1
    return sorted(by_code.values()), applied


def package_version():
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main():
    if not JSON.exists() or not RU_MO.exists():
        sys.exit(f"extract.py: {JSON} or {RU_MO} is missing: install Debian's iso-codes package")
    with RU_MO.open("rb") as f:
        ru = gettext.GNUTranslations(f)
    subdivisions = json.loads(JSON.read_text(encoding="utf-8"))["3166-2"]
    rows = []
    for s in subdivisions:
        a2 = s["code"][:2]
        if a2 not in STATES:
            continue
        parent = f"{a2}-{s['parent']}" if "parent" in s else STATES[a2]
        level = 2 if "parent" in s else 1
        name_ru = ru.gettext(s["name"])
        source = "iso-codes" if name_ru != s["name"] else "fallback"
        for text in (s["name"], name_ru, s["type"]):
            if "\t" in text or "\n" in text:
                sys.exit(f"extract.py: a tab or line break in {s['code']}: {text!r}")
        rows.append((s["code"], STATES[a2], parent, str(level), s["type"], s["name"], name_ru, source))
    rows, corrected = apply_corrections(rows)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="\n") as out:
        out.write(f"# ISO 3166-2 subdivisions of the CIS member states, from Debian's iso-codes "
                  f"{package_version()} (LGPL-2.1-or-later):\n")
        out.write(f"# {JSON} and the Russian catalogue {RU_MO}.\n")
        out.write(f"# {corrected} rows corrected or added (name_ru_source 'correction'): "
                  f"{CORRECTIONS_SOURCE}.\n")
        out.write("# Generated by tools/iso3166-2/extract.py; do not edit by hand.\n")
        out.write("code\tstate\tparent\tlevel\ttype\tname_en\tname_ru\tname_ru_source\n")
        for r in rows:
            out.write("\t".join(r) + "\n")
    fallback = sum(1 for r in rows if r[7] == "fallback")
    print(f"{OUT}: {len(rows)} subdivisions, {fallback} without a Russian translation (fallback), "
          f"{corrected} corrected or added")


if __name__ == "__main__":
    main()
