#!/usr/bin/env python3
"""Makes third_party/nlohmann/json.hpp and json_fwd.hpp: the nlohmann/json headers of a
system install (Debian's nlohmann-json3-dev, /usr/include/nlohmann) inlined into one
file each, each header once per file, as upstream's single_include does. Run it again
to take a newer release; the results are committed so no build needs the package."""
import re, sys, pathlib

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/include")
inc = re.compile(r'^\s*#\s*include\s*<(nlohmann/[^>]+)>')

def amalgamate(name):
    seen = set()

    def emit(rel, lines):
        if rel in seen:
            return
        seen.add(rel)
        for line in (root / rel).read_text().splitlines():
            m = inc.match(line)
            if m:
                emit(m.group(1), lines)
            else:
                lines.append(line)

    lines = ["// nlohmann/json, amalgamated by third_party/amalgamate_nlohmann.py from a system install.",
             "// MIT licence: third_party/nlohmann/LICENSE.MIT"]
    emit("nlohmann/" + name, lines)
    out = pathlib.Path(__file__).resolve().parent / "nlohmann" / name
    out.write_text("\n".join(lines) + "\n")
    print(out, len(lines), "lines,", len(seen), "headers")

amalgamate("json.hpp")
amalgamate("json_fwd.hpp")  # the project's headers include only the declarations
