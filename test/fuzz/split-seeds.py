"""Splits .mlir test files into one fuzz seed per `// -----` case.

Small seeds mutate and run far faster than whole test files, and each case
of test/Dialect (invalid ones included) becomes a starting point.

Usage: split-seeds.py OUT_DIR FILE_OR_DIR...
"""
import pathlib
import sys


def main():
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for arg in sys.argv[2:]:
        path = pathlib.Path(arg)
        files = sorted(path.glob("*.mlir")) if path.is_dir() else [path]
        for source in files:
            for i, case in enumerate(source.read_text().split("// -----")):
                # Comment lines (RUN, CHECK, expected-error) are noise here.
                lines = [line for line in case.splitlines()
                         if not line.lstrip().startswith("//")]
                text = "\n".join(lines).strip()
                if text:
                    (out / f"{source.stem}-{i}.mlir").write_text(text + "\n")


if __name__ == "__main__":
    main()
