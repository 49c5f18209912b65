"""The system step (scripts/system-deps.sh, run by `make system`), on made-up machines.

Each test builds a machine in a temporary folder: a PATH holding only fake commands (those the
machine "has"), a fake `apt-get` that records what it is asked and "installs" a package by adding
its commands, and a fake `id` saying whether we are root. Nothing real is installed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "system-deps.sh"
BASH = shutil.which("bash")
LIB = "usr/lib/x86_64-linux-gnu/libespeak-ng.so.1"
INITDB = "usr/lib/postgresql/15/bin/initdb"

# What each Debian package puts on the machine: commands (bin/NAME) or files (root/PATH).
PROVIDES = {
    "espeak-ng": ["bin/espeak-ng"],
    "libespeak-ng1": [f"root/{LIB}"],
    "ffmpeg": ["bin/ffmpeg", "bin/ffprobe"],
    "chromium": ["bin/chromium"],
    "nodejs": ["bin/node"],
    "npm": ["bin/npm"],
    "postgresql": [f"root/{INITDB}"],
    "redis-server": ["bin/redis-server"],
    "gpodder": ["bin/gpo"],
    "nginx": ["bin/nginx"],
    "python3-venv": ["bin/python3"],
}
EVERYTHING = set(PROVIDES)

FAKE_APT = """#!{python}
# A fake apt-get: logs its arguments; `-s install P` prints apt's simulation (or its conflict
# error); `install P` adds P's files. The machine's state is in world.json beside bin/.
import json, os, sys
from pathlib import Path
here = Path(__file__).resolve().parent.parent
world = json.loads((here / "world.json").read_text())
with open(here / "apt.log", "a") as log:
    log.write(json.dumps(sys.argv[1:]) + "\\n")
args = [a for a in sys.argv[1:] if not a.startswith("-")]
if args[0] == "update":
    sys.exit(0)
package = args[-1]
if package in world["conflicts"]:
    print("The following packages have unmet dependencies:")
    print(" " + world["conflicts"][package])
    print("E: Unable to correct problems, you have held broken packages.")
    sys.exit(100)
if "-s" in sys.argv:
    for name in [package, *world["pulls"].get(package, [])]:
        print(f"Inst {{name}} (1.0 Debian:12.5/stable [amd64])")
    sys.exit(0)
if package in world["fails"]:
    print("E: Sub-process /usr/bin/dpkg returned an error code (1)")
    sys.exit(100)
for path in world["provides"][package]:
    target = here / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("#!/bin/sh\\nexit 0\\n")
    target.chmod(0o755)
"""


@dataclass
class Machine:
    """A made-up machine in `home`: bin/ is its whole PATH, root/ its file system."""

    home: Path
    present: set[str]
    uid: int = 0
    sudo: bool = False
    apt: bool = True
    conflicts: dict[str, str] = field(default_factory=dict)
    pulls: dict[str, list[str]] = field(default_factory=dict)
    fails: set[str] = field(default_factory=set)
    broken: set[str] = field(default_factory=set)  # commands there that do not run

    def build(self) -> None:
        bin_dir = self.home / "bin"
        bin_dir.mkdir(parents=True)
        for package in self.present:
            for path in PROVIDES[package]:
                self._executable(path, "exit 0")
        for command in self.broken:
            self._executable(f"bin/{command}", "echo 'Error: Cannot find module' >&2; exit 1")
        self._executable("bin/ldconfig", "exit 0")  # an empty cache: files are found in root/
        self._executable("bin/id", f"echo {self.uid}")
        os.symlink(shutil.which("env"), bin_dir / "env")
        if not self.present >= {"python3-venv"}:
            self._executable("bin/python3", "exit 1")  # python3 there, but no venv module
        if self.sudo:
            self._executable("bin/sudo", f'echo sudo >> {self.home}/sudo.log; exec "$@"')
        if self.apt:
            apt = bin_dir / "apt-get"
            apt.write_text(FAKE_APT.format(python=sys.executable))
            apt.chmod(0o755)
        (self.home / "world.json").write_text(json.dumps({
            "conflicts": self.conflicts, "pulls": self.pulls, "fails": sorted(self.fails),
            "provides": PROVIDES}))

    def _executable(self, path: str, body: str) -> None:
        target = self.home / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"#!/bin/sh\n{body}\n")
        target.chmod(0o755)

    def run(self) -> subprocess.CompletedProcess[str]:
        self.build()
        env = {"PATH": str(self.home / "bin"), "HARK_SYSROOT": str(self.home / "root"),
               "PYTHON": "python3", "LC_ALL": "C"}
        return subprocess.run([BASH, str(SCRIPT)], env=env, capture_output=True, text=True,
                              timeout=60)

    @property
    def apt_calls(self) -> list[list[str]]:
        log = self.home / "apt.log"
        return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []

    @property
    def installed(self) -> list[str]:
        """Packages really installed (not simulated), in order."""
        return [c[-1] for c in self.apt_calls if "install" in c and "-s" not in c]

    @property
    def asked(self) -> set[str]:
        """Every package apt was asked about, simulated or not."""
        return {c[-1] for c in self.apt_calls if "install" in c}


@pytest.fixture
def machine(tmp_path):
    def make(present: set[str], **kwargs) -> Machine:
        return Machine(tmp_path / "machine", set(present), **kwargs)
    return make


def test_a_complete_machine_asks_apt_for_nothing(machine):
    m = machine(EVERYTHING)
    result = m.run()
    assert result.returncode == 0, result.stderr
    assert m.apt_calls == []
    assert result.stdout == "" and result.stderr == ""


def test_node_and_npm_from_elsewhere_count_and_only_espeak_is_installed(machine):
    # the machine: Node.js 20 with its own npm, no espeak-ng
    m = machine(EVERYTHING - {"espeak-ng", "libespeak-ng1"})
    result = m.run()
    assert result.returncode == 0, result.stdout + result.stderr
    assert m.installed == ["espeak-ng", "libespeak-ng1"]
    assert m.asked == {"espeak-ng", "libespeak-ng1"}  # npm and nodejs never even simulated
    assert any("update" in call for call in m.apt_calls)


def test_each_missing_package_is_installed_on_its_own(machine):
    m = machine({"nodejs", "npm", "chromium"})
    result = m.run()
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(m.installed) == sorted(EVERYTHING - {"nodejs", "npm", "chromium"})
    assert all(len([a for a in c if not a.startswith("-")]) == 2 for c in m.apt_calls
               if "install" in c), m.apt_calls  # `install PACKAGE`, one package a call
    assert m.installed.count("ffmpeg") == 1  # ffmpeg and ffprobe come in one package


def test_a_machine_without_node_gets_debian_nodejs_and_npm(machine):
    m = machine(EVERYTHING - {"nodejs", "npm"})
    result = m.run()
    assert result.returncode == 0, result.stdout + result.stderr
    assert m.installed == ["nodejs", "npm"]


def test_npm_that_conflicts_with_the_installed_nodejs_is_not_installed(machine):
    # NodeSource's nodejs declares Conflicts: npm; npm is broken here, espeak-ng missing
    m = machine(EVERYTHING - {"npm", "espeak-ng"}, broken={"npm"},
                conflicts={"npm": "nodejs : Conflicts: npm"})
    result = m.run()
    assert result.returncode == 1
    assert m.installed == ["espeak-ng"]  # what fits is still installed
    assert "Not installing npm" in result.stderr and "nodejs : Conflicts: npm" in result.stderr
    assert "a working npm command" in result.stderr and "NodeSource or nvm" in result.stderr


def test_npm_is_not_installed_when_it_would_bring_a_second_nodejs(machine):
    # node from nvm (no Debian package): Debian's npm would pull Debian's nodejs beside it
    m = machine(EVERYTHING - {"npm"}, pulls={"npm": ["node-semver", "nodejs"]})
    result = m.run()
    assert result.returncode == 1
    assert m.installed == []
    assert "it would also install Debian nodejs" in result.stderr
    assert "- a working npm command" in result.stderr


def test_without_root_or_sudo_it_names_what_is_missing_and_how_to_get_it(machine):
    m = machine(EVERYTHING - {"espeak-ng", "gpodder", "postgresql"}, uid=1000)
    result = m.run()
    assert result.returncode == 1
    assert m.apt_calls == []
    assert "not root, and there is no sudo" in result.stderr
    for words in ("the espeak-ng command", "Debian package espeak-ng", "the gpo command",
                  "Debian package gpodder", "PostgreSQL's initdb", "Debian package postgresql"):
        assert words in result.stderr, words
    assert "As root: apt-get install espeak-ng postgresql gpodder" in result.stderr
    assert "ffmpeg" not in result.stderr and "npm" not in result.stderr


def test_a_user_with_sudo_installs_through_sudo(machine):
    m = machine(EVERYTHING - {"redis-server"}, uid=1000, sudo=True)
    result = m.run()
    assert result.returncode == 0, result.stdout + result.stderr
    assert m.installed == ["redis-server"]
    assert (m.home / "sudo.log").read_text().split() == ["sudo", "sudo"]  # update, install


def test_when_apt_fails_it_says_what_is_still_missing(machine):
    m = machine(EVERYTHING - {"chromium", "python3-venv"}, fails={"chromium"})
    result = m.run()
    assert result.returncode == 1
    assert m.installed == ["chromium", "python3-venv"]
    assert "apt-get install chromium failed" in result.stderr
    assert "- the chromium command" in result.stderr
    assert "venv and ensurepip" not in result.stderr  # python3-venv did install


def test_without_apt_get_it_reports_instead_of_failing_obscurely(machine):
    m = machine(EVERYTHING - {"ffmpeg"}, apt=False)
    result = m.run()
    assert result.returncode == 1
    assert "there is no apt-get here" in result.stderr
    assert "the ffprobe command" in result.stderr and "Debian package ffmpeg" in result.stderr


def test_make_system_runs_the_script(machine):
    m = machine(EVERYTHING - {"gpodder"})
    m.build()
    for tool in ("make", "bash", "sh"):
        os.symlink(shutil.which(tool), m.home / "bin" / tool)
    env = {"PATH": str(m.home / "bin"), "HARK_SYSROOT": str(m.home / "root"), "LC_ALL": "C"}
    result = subprocess.run(["make", "-s", "-C", str(ROOT), "system"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert m.installed == ["gpodder"]
