"""Write requirements.lock with a sha256 for every pinned package (pip's hash-checking mode).

    .venv/bin/python scripts/lock_hashes.py            # re-hash the pins in requirements.lock

Each pin is downloaded (`pip download --no-deps`, from wherever this machine's pip is set up to
get packages: `pip config list`) and hashed; the file pip picked for this platform is the one
`make setup` installs with `--require-hashes`. Pins and their order stay as they are.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tempfile
from pathlib import Path

LOCK = Path(__file__).resolve().parent.parent / "requirements.lock"
HEADER = """\
# Every runtime and development dependency, pinned, with the sha256 of the file pip installs on
# Linux x86-64 / CPython 3.11 (make setup: pip install --require-hashes -r requirements.lock).
# Re-hash after changing a pin: .venv/bin/python scripts/lock_hashes.py
"""


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(text: str) -> list[tuple[str, str]]:
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip().rstrip("\\").strip()
        if line and not line.startswith("--"):
            name, version = line.split()[0].split("==")
            out.append((name, version))
    return out


def main() -> int:
    wanted = pins(LOCK.read_text())
    with tempfile.TemporaryDirectory() as tmp:
        spec = Path(tmp) / "pins.txt"
        spec.write_text("".join(f"{n}=={v}\n" for n, v in wanted))
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", tmp, "-r", str(spec)], check=True)
        files = {}
        for f in Path(tmp).iterdir():
            if f.suffix in (".whl", ".gz", ".zip"):
                name = re.split(r"-\d", f.name, maxsplit=1)[0]
                files[canonical(name)] = hashlib.sha256(f.read_bytes()).hexdigest()
    missing = [n for n, _ in wanted if canonical(n) not in files]
    if missing:
        print(f"no file downloaded for {missing}", file=sys.stderr)
        return 1
    LOCK.write_text(HEADER + "".join(f"{n}=={v} \\\n    --hash=sha256:{files[canonical(n)]}\n" for n, v in wanted))
    print(f"hashed {len(wanted)} pins into {LOCK}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
