#!/usr/bin/env python3
"""Re-takes the screen captures of docs/user-guide.md and README.md from the binary.

Each capture in those files sits under a line `<!-- capture: NAME -->`. For every NAME below,
this script runs the built `catalyse` in a private tmux server (an 80x24 window unless said
otherwise), types the keys, reads the screen with `tmux capture-pane -p`, removes trailing
spaces, keeps the lines asked for, and rewrites the ```text block under the marker (with the
marker's indentation). The date is pinned to 26 November 2026 (SOURCE_DATE_EPOCH), the state
folder and the export folder are under /tmp/guide2 (the paths the guide shows).

    swift build && python3 scripts/take-captures.py            # rewrite the captures
    python3 scripts/take-captures.py --check                   # exit 1 if one differs

Needs tmux. Takes about a minute.
"""
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "debug", "catalyse")
BASE = "/tmp/guide2"
EPOCH = "1795651200"  # 2026-11-26
FAVOURITES = "passerelles-safran-strategie-numerique\nancre-et-envol-accompagnement-croissance\noffre-retiree-du-catalogue\n"


def setup():
    shutil.rmtree(BASE, ignore_errors=True)
    for d in ["work", "state/catalyse", "state-fresh/catalyse", "state-lang/catalyse", "state-bad/catalyse", "state-none", "bin"]:
        os.makedirs(os.path.join(BASE, d), exist_ok=True)
    write("state/catalyse/favourites", FAVOURITES)
    write("state-lang/catalyse/favourites", FAVOURITES)
    write("state-fresh/catalyse/favourites", "ancre-et-envol-accompagnement-croissance\n")
    write("state-bad/catalyse/favourites", "ancre-et-envol-accompagnement-croissance\nce n est pas un id\n")
    with open(os.path.join(ROOT, "data", "catalogue.yaml"), encoding="utf-8") as f:
        other = f.read()
    other = other.replace("name: Annuaire illustratif des offres d’accompagnement des associations", "name: Annuaire Hauts-de-France", 1)
    other = other.replace("illustrative: true", "illustrative: false", 1)
    write("other.yaml", other)
    os.symlink(BINARY, os.path.join(BASE, "bin", "catalyse"))


def write(path, text):
    with open(os.path.join(BASE, path), "w", encoding="utf-8") as f:
        f.write(text)


def environment(state="state", extra=None):
    env = {
        "LANG": "C.UTF-8", "TERM": "xterm-256color", "SOURCE_DATE_EPOCH": EPOCH, "HOME": BASE,
        "XDG_STATE_HOME": os.path.join(BASE, state), "PATH": os.path.join(BASE, "bin") + ":/usr/bin:/bin",
        "PS1": "$ ",
    }
    env.update(extra or {})
    return env


class Tmux:
    def __init__(self, name, command, width, height, env):
        self.socket = os.path.join(BASE, "tmux-%s.sock" % name)
        self.env = env
        args = ["new-session", "-d", "-x", str(width), "-y", str(height), "-c", os.path.join(BASE, "work")]
        for k, v in env.items():
            if k == "PATH":
                continue
            args += ["-e", "%s=%s" % (k, v)]
        self.run(args + command)
        self.run(["set-option", "-g", "status", "off"])

    def run(self, args):
        # The pane's command is looked up in the server's PATH (not the session's -e PATH).
        return subprocess.run(["tmux", "-S", self.socket, "-f", "/dev/null"] + args, capture_output=True, text=True,
                              env={"PATH": self.env["PATH"], "HOME": BASE, "TMUX_TMPDIR": BASE}).stdout

    def screen(self):
        return self.run(["capture-pane", "-p", "-t", "0"])

    def settle(self, ready=None, timeout=10):
        """Waits until the screen holds `ready` (when given) and stays the same for 0.3 s."""
        deadline = time.time() + timeout
        last = None
        while time.time() < deadline:
            now = self.screen()
            if now == last and (ready is None or ready in now.replace("\u00a0", " ")):
                return now
            last = now
            time.sleep(0.3)
        raise SystemExit("timed out waiting for %r; last screen:\n%s" % (ready, last))

    def close(self):
        self.run(["kill-server"])
        try:
            os.unlink(self.socket)
        except FileNotFoundError:
            pass


def keys(*items):
    """Key steps: a tmux key name ("Enter", "Down", "C-u"), or ("text", "59") typed as is."""
    return list(items)


# name: (keys, options). Options: width, height, state, args, env, ready (text to wait for first),
# cut (which lines to keep: ("lines", a, b), ("last", n), ("around", text, before, after),
# ("until", text)), shell (run a shell and type the keys there), file (print a file instead).
CAPTURES = {
    "no-terminal": (keys(("text", "catalyse | cut -f1,3 | head -3"), "Enter"), dict(shell=True, width=120, height=10, ready="Diversifier", cut=("until-prompt",))),
    "main": (keys(), {}),
    "header-other": (keys(), dict(width=120, env={"CATALYSE_CATALOGUE": BASE + "/other.yaml"}, cut=("lines", 0, 1))),
    "search-typing": (keys("/", ("text", "strat")), dict(ready="44 / 75")),
    "search-kept": (keys("/", ("text", "strat"), "Enter"), dict(ready="44 / 75", cut=("lines", 0, 4))),
    "purpose": (keys("p"), dict(cut=("lines", 0, 5))),
    "filters-add-up": (keys("p", "t", ("text", "59"), "Enter", "/", ("text", "financ"), "Enter"), dict(ready="financ »")),
    "empty": (keys("p", "t", ("text", "59"), "Enter", "/", ("text", "comunication"), "Enter"), dict(ready="Pour en trouver", cut=("until", "appliquer"))),
    "territory-open": (keys("t"), {}),
    "territory-75": (keys("t", ("text", "75")), dict(ready="Nouvelle-Aquitaine")),
    "territory-59000": (keys("t", ("text", "59000")), dict(ready="Nord (59)", cut=("lines", 4, 7))),
    "territory-hauts": (keys("t", ("text", "hauts de")), dict(ready="Hauts-de-Seine", cut=("lines", 4, 8))),
    "territory-current": (keys("t", ("text", "finist"), "Enter", "t"), dict(ready="Filtre actuel", cut=("lines", 2, 7))),
    "territory-59": (keys("t", ("text", "59"), "Enter"), dict(ready="Nord (59)  [x")),
    "why-sheet": (keys("t", ("text", "59"), "Enter", "p", "p", "/", ("text", "strat"), "Enter", "Enter"), dict(ready="Pourquoi cette offre")),
    "panel": (keys("f"), {}),
    "panel-ticked": (keys("f", "Down", "Space", "Tab", "Space"), dict(ready="(1 choisi)\n  [x] Mécénat")),
    "panel-territory": (keys("t", ("text", "finist"), "Enter", "f", "Tab", "Tab", "Tab", "Tab") + ["Down"] * 19, dict(ready="[x] Finistère")),
    "panel-end": (keys("f", "End"), dict(ready="Collectif")),
    "favourite-marked": (keys("t", ("text", "59"), "Enter") + ["Down"] * 8 + ["Space"], dict(state="state-fresh", ready="★ Passerelles", cut=("around", "★ Passerelles", 2, 1))),
    "favourites-file": (None, dict(file=BASE + "/state-fresh/catalyse/favourites")),
    "favourites-only": (keys("F"), dict(ready="Favoris seulement")),
    "missing-enter": (keys("F", "Down", "Down", "Enter"), dict(ready="n'est plus dans le catalogue", cut=("last", 1))),
    "favourites-unreadable": (keys(), dict(state="state-bad", ready="masquer le message", cut=("last", 4))),
    "sheet": (keys("Down", "Down", "Down", "Enter"), dict(ready="Fiche de l'offre")),
    "sheet-pgdn": (keys("Down", "Down", "Down", "Enter", "PageDown"), dict(ready="Fiche de l'offre  (")),
    "side": (keys("Down", "Down", "Down"), dict(width=140, height=40, ready="│ Fiche de l'offre")),
    "side-focused": (keys("Down", "Down", "Down", "Enter", "PageDown"), dict(width=140, height=40, ready="Fiche de l'offre  (")),
    "firms": (keys("b"), dict(ready="Cabinets")),
    "firm": (keys("b", "Down", "Enter"), dict(ready="Cabinets ›")),
    "export": (keys("e"), dict(ready="Exporter la sélection")),
    "export-written": (keys("e", "Enter"), dict(ready="Sélection exportée", cut=("last", 1))),
    "export-file": (None, dict(file=BASE + "/work/catalyse-selection-2026-11-26.txt", cut=("lines", 0, 7))),
    "export-overwrite": (keys("e", "Enter"), dict(ready="Le remplacer", cut=("around", "Exporter la sélection", 0, 10))),
    "export-markdown-list": (keys("e", "Right", "Down", "Right"), dict(ready="(•) Liste affichée", cut=("around", "Exporter la sélection", 0, 10))),
    "export-csv-name": (keys("e", "Right", "Down", "Right", "Down", "C-u", ("text", "ma-liste.csv")), dict(ready="ma-liste.csv", cut=("around", "Fichier", 2, 0))),
    "english": (keys("L"), dict(state="state-lang", ready="offers")),
    "language-locked": (keys("L"), dict(args=["--lang", "en"], ready="session seulement", cut=("last", 1))),
    "help": (keys("?"), dict(ready="Aide")),
    "help-end": (keys("?", "End"), dict(ready="Souris")),
    "suspend": (keys(("text", "catalyse"), "Enter", ("wait", "75 / 75 offres"), "C-z"), dict(shell=True, width=80, height=15, ready="Stopped", cut=("until-prompt",))),
    "minimum": (keys(), dict(width=60, height=15)),
    "too-small": (keys(), dict(width=50, height=12, start="trop petit", ready="trop petit")),
    "map": (keys("m"), dict(ready="Outre-mer")),
    "map-corse": (keys("m", "j", "j", "j", "l", "l", "Enter"), dict(ready="Corse (R94)  [", cut=("lines", 0, 10))),
    "map-departments": (keys("m", "j", "j", "j", "l", "l", "+"), dict(ready="Haute-Corse", cut=("lines", 0, 7))),
    "map-wide": (keys("m"), dict(width=200, height=50, ready="Outre-mer")),
    "map-cli": (keys(("text", "catalyse map --purpose strategique | tail -18"), "Enter"), dict(shell=True, width=80, height=22, ready="Corse", cut=("until-prompt",))),
    "readme": (keys("t", ("text", "59"), "Enter"), dict(height=16, ready="Nord (59)  [x")),
}


def take(name):
    steps, opts = CAPTURES[name]
    if opts.get("file"):
        with open(opts["file"], encoding="utf-8") as f:
            lines = f.read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        return cut(lines, opts.get("cut"))
    env = environment(opts.get("state", "state"), opts.get("env"))
    width, height = opts.get("width", 80), opts.get("height", 24)
    if opts.get("shell"):
        command = ["/bin/bash", "--norc", "--noprofile", "-i"]
    else:
        command = ["catalyse"] + opts.get("args", [])
    t = Tmux(name, command, width, height, env)
    try:
        t.settle("$" if opts.get("shell") else opts.get("start", "75 / 75"))
        for step in steps:
            if isinstance(step, tuple) and step[0] == "text":
                t.run(["send-keys", "-t", "0", "-l", step[1]])
            elif isinstance(step, tuple) and step[0] == "wait":
                t.settle(step[1])
                continue
            else:
                t.run(["send-keys", "-t", "0", step])
            time.sleep(0.15)
        screen = t.settle(opts.get("ready"))
    finally:
        t.close()
    # As on screen: French non-breaking spaces are kept.
    lines = [l.rstrip() for l in screen.split("\n")]
    if lines and lines[-1] == "":
        lines.pop()
    return cut(lines, opts.get("cut"))


def cut(lines, how):
    if not how:
        return lines
    kind = how[0]
    if kind == "lines":
        return lines[how[1]:how[2]]
    if kind == "last":
        while lines and lines[-1] == "":
            lines.pop()
        return lines[-how[1]:]
    if kind == "around":
        at = next(i for i, l in enumerate(lines) if how[1] in l.replace("\u00a0", " "))
        return lines[max(0, at - how[2]):at + how[3] + 1]
    if kind == "until":
        at = next(i for i, l in enumerate(lines) if how[1] in l.replace("\u00a0", " "))
        return lines[:at + how[2] if len(how) > 2 else at + 1]
    if kind == "until-prompt":
        while lines and lines[-1] == "":
            lines.pop()
        return lines
    raise ValueError(how)


MARKER = re.compile(r"^(\s*)<!-- capture: ([a-z0-9-]+) -->\s*$")


def rewrite(path, taken, check):
    with open(path, encoding="utf-8") as f:
        old = f.read().split("\n")
    out, i, changed = [], 0, False
    while i < len(old):
        line = old[i]
        out.append(line)
        m = MARKER.match(line)
        i += 1
        if not m:
            continue
        indent, name = m.group(1), m.group(2)
        if name not in taken:
            taken[name] = take(name)
        assert old[i].strip() == "```text", "%s: no ```text block under the marker %s" % (path, name)
        end = next(j for j in range(i + 1, len(old)) if old[j].strip() == "```")
        block = [indent + "```text"] + [(indent + l).rstrip() if l else "" for l in taken[name]] + [indent + "```"]
        changed |= block != old[i:end + 1]
        out += block
        i = end + 1
    if changed and not check:
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(out))
    return changed


def main():
    check = "--check" in sys.argv
    if not os.path.exists(BINARY):
        raise SystemExit("build first: swift build")
    setup()
    taken = {}
    # The export file exists only after `export-written`; `export-overwrite` needs it.
    # `favourites-file` shows the favourites `favourite-marked` wrote.
    order = ["export", "export-written", "export-file", "export-overwrite", "favourite-marked", "favourites-file"]
    for name in order:
        taken[name] = take(name)
    changed = [p for p in ["docs/user-guide.md", "README.md"] if rewrite(os.path.join(ROOT, p), taken, check)]
    unused = set(CAPTURES) - set(taken)
    if unused:
        print("captures defined but not used:", ", ".join(sorted(unused)))
    if changed:
        print(("differ: " if check else "rewrote: ") + ", ".join(changed))
        sys.exit(1 if check else 0)


if __name__ == "__main__":
    main()
