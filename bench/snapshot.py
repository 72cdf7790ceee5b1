"""Snapshot of what auditor says about a fixed generated corpus, to prove a change keeps behaviour.

    python bench/snapshot.py write /tmp/before.json          # before the change
    python bench/snapshot.py compare /tmp/before.json        # after it: exit 1 and the first differences

It writes N seeded reports (default 1,000, every declared form mixed, half with a
defect) as .txt and the same reports' first 50 as .docx, audits them with the
pandas engine, and keeps the JSON issue list (documents, issues, summary; the
`auditor` block, which names the version, is left out). A refactoring that
claims to change nothing must give the same bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditor.pipeline import audit  # noqa: E402
from auditor.render.json import as_dict  # noqa: E402
from auditor.synth.corpus import write_corpus  # noqa: E402


def snapshot(n: int, seed: int, docx: int) -> str:
    """The JSON of one audit over the corpus, with file names relative to it."""
    with tempfile.TemporaryDirectory(prefix="auditor-snapshot-") as tmp:
        root = Path(tmp)
        write_corpus(root / "txt", n, seed, form="mixed")
        if docx:
            from auditor.synth.layout import parse_text_form
            from auditor.synth.office import build_docx

            (root / "docx").mkdir()
            for path in sorted((root / "txt").glob("*.txt"))[:docx]:
                build_docx(root / "docx" / (path.stem + ".docx"), parse_text_form(path.read_text(encoding="utf-8")))
        data = as_dict(audit([str(root / "txt"), str(root / "docx")] if docx else [str(root / "txt")]))
        data.pop("auditor", None)
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).replace(tmp + "/", "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["write", "compare"])
    parser.add_argument("file", type=Path)
    parser.add_argument("-n", type=int, default=1000, help="generated reports (default 1000)")
    parser.add_argument("--seed", type=int, default=2027)
    parser.add_argument("--docx", type=int, default=50, help="how many of them also as .docx (default 50)")
    args = parser.parse_args()
    text = snapshot(args.n, args.seed, args.docx)
    if args.action == "write":
        args.file.write_text(text, encoding="utf-8")
        print(f"wrote {args.file}: {len(text):,} bytes")
        return 0
    before = args.file.read_text(encoding="utf-8")
    if before == text:
        print(f"same as {args.file}: {len(text):,} bytes")
        return 0
    import difflib

    diff = list(difflib.unified_diff(before.splitlines(), text.splitlines(), "before", "after", lineterm="", n=2))
    print("\n".join(diff[:80]))
    print(f"... {len(diff)} diff lines in all" if len(diff) > 80 else "")
    return 1


if __name__ == "__main__":
    sys.exit(main())
