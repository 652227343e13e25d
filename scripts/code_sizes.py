"""The largest modules and the longest functions of the package (lines, docstrings included).

    python scripts/code_sizes.py [--top N]
"""
from __future__ import annotations

import argparse
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "extract"


def sizes(package: Path = PACKAGE) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """([(lines, module)], [(lines, module:function)]), longest first."""
    modules, functions = [], []
    for path in sorted(package.rglob("*.py")):
        rel = str(path.relative_to(package.parent))
        source = path.read_text(encoding="utf-8")
        modules.append((len(source.splitlines()), rel))
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                functions.append((node.end_lineno - node.lineno + 1, f"{rel}:{node.lineno} {node.name}"))
    return sorted(modules, reverse=True), sorted(functions, reverse=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=5)
    top = parser.parse_args().top
    modules, functions = sizes()
    print("largest modules:")
    for n, name in modules[:top]:
        print(f"  {n:5d}  {name}")
    print("longest functions:")
    for n, name in functions[:top]:
        print(f"  {n:5d}  {name}")


if __name__ == "__main__":
    main()
