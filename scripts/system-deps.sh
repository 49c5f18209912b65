#!/usr/bin/env bash
# Hark's system step (`make system`, run by `make run` and `make test`).
#
# Checks each thing Hark needs from the machine, one by one, and asks apt-get only for the
# Debian packages of what is missing. A command that works counts as present whatever its
# origin (Node.js from NodeSource, nvm or Debian all bring a working `node` and `npm`), and a
# package is installed only when apt's own simulation shows it fits beside what is installed:
# nothing removed, and no second copy of a tool that already works (NodeSource's `nodejs`
# conflicts with Debian's `npm`; Debian's `npm` would pull Debian's `nodejs` next to nvm's).
# When it cannot install (no apt-get, not root and no sudo, or apt refuses), it names each
# missing thing and how to get it, and exits 1. Quiet and quick when everything is there.
#
# Environment: PYTHON (default python3) is the interpreter the virtualenv is built from;
# HARK_SYSROOT (default empty) prefixes the file checks, so tests can point them at a tree.

set -u

PYTHON=${PYTHON:-python3}
SYSROOT=${HARK_SYSROOT:-}

# One row per need: the check (a function below and its argument) | the Debian package |
# what it is, in the words the report uses. A package may serve several needs.
NEEDS=(
  "has_command espeak-ng|espeak-ng|the espeak-ng command (the narrator's speech engine)"
  "has_library libespeak-ng.so.1|libespeak-ng1|the libespeak-ng.so.1 library (pyttsx3 loads it)"
  "has_command ffmpeg|ffmpeg|the ffmpeg command (MP3 encoding)"
  "has_command ffprobe|ffmpeg|the ffprobe command (the tests measure audio with it)"
  "has_command chromium|chromium|the chromium command (the browser tests)"
  "runs node|nodejs|a working node command (Node.js, any origin)"
  "runs npm|npm|a working npm command (installs axe-core for the browser tests)"
  "has_initdb _|postgresql|PostgreSQL's initdb (/usr/lib/postgresql/*/bin/initdb, integration tests)"
  "has_command redis-server|redis-server|the redis-server command (integration tests)"
  "has_command gpo|gpodder|the gpo command (gPodder, the podcast client of the feed tests)"
  "has_command nginx|nginx|the nginx command (the README's nginx recipes are tested with it)"
  "has_venv _|python3-venv|$PYTHON with its venv and ensurepip modules (builds .venv)"
)

# Where to get a need when apt cannot give it, beyond "apt-get install PACKAGE".
other_source() {
  case $1 in
    nodejs|npm) echo "or Node.js 18+ from NodeSource or nvm, which bring npm with them" ;;
    *) echo "" ;;
  esac
}

has_command() { builtin command -v "$1" >/dev/null 2>&1; }
runs() { has_command "$1" && "$1" --version >/dev/null 2>&1; }
has_venv() { "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; }
has_initdb() { compgen -G "$SYSROOT/usr/lib/postgresql/*/bin/initdb" >/dev/null; }
has_library() {  # the dynamic linker's cache first, then the usual folders
  local ldconfig line
  ldconfig=$(builtin command -v ldconfig) || ldconfig=/sbin/ldconfig  # not on a user's PATH
  if [ -x "$ldconfig" ]; then
    while IFS= read -r line; do
      [[ $line == *"$1 "* ]] && return 0
    done < <("$ldconfig" -p 2>/dev/null)
  fi
  compgen -G "$SYSROOT/usr/lib/*/$1" >/dev/null || compgen -G "$SYSROOT/lib/*/$1" >/dev/null
}

satisfied() {  # satisfied ROW: does this need hold now?
  local check=${1%%|*}
  $check
}
package_of() { local rest=${1#*|}; echo "${rest%%|*}"; }
label_of() { echo "${1##*|}"; }

missing_rows() {
  local row
  for row in "${NEEDS[@]}"; do
    satisfied "$row" || printf '%s\n' "$row"
  done
}

# A package whose every need already holds must not be installed again by apt as a
# dependency: that would put a second copy beside a working one (Debian's nodejs beside nvm's).
already_served() {
  local pkg=$1 row found=1
  for row in "${NEEDS[@]}"; do
    [ "$(package_of "$row")" = "$pkg" ] || continue
    satisfied "$row" || return 1
    found=0
  done
  return $found
}

# Ask apt whether PACKAGE fits beside what is installed, without installing it.
# Prints the reason and returns 1 when it does not.
fits() {
  local pkg=$1 out line name
  if ! out=$(LC_ALL=C apt-get -s install -y "$pkg" 2>&1); then
    printf 'apt-get refuses it:\n'  # a conflict with what is installed, or no such package
    while IFS= read -r line; do
      [[ $line == *Conflicts* || $line == *Breaks* || $line == E:* ]] && printf '      %s\n' "$line"
    done <<<"$out"
    return 1
  fi
  while IFS= read -r line; do
    if [[ $line =~ ^Remv\ ([^ ]+) ]]; then
      printf 'installing it would remove %s\n' "${BASH_REMATCH[1]}"
      return 1
    fi
    # "Inst NAME (version ...)" is a new package; "Inst NAME [old] (new ...)" an upgrade.
    if [[ $line =~ ^Inst\ ([^ ]+)\ \( ]]; then
      name=${BASH_REMATCH[1]}
      if [ "$name" != "$pkg" ] && already_served "$name"; then
        printf 'it would also install Debian %s, beside the working one already here\n' "$name"
        return 1
      fi
    fi
  done <<<"$out"
  return 0
}

report_and_fail() {  # report_and_fail REASON: name each missing need and how to get it
  local row pkg hint pkgs=()
  printf '\nHark cannot set up this machine: %s\n' "$1" >&2
  printf 'Missing:\n' >&2
  while IFS= read -r row; do
    [ -n "$row" ] || continue
    pkg=$(package_of "$row")
    hint=$(other_source "$pkg")
    printf '  - %s: Debian package %s%s\n' "$(label_of "$row")" "$pkg" "${hint:+ ($hint)}" >&2
    [[ " ${pkgs[*]} " == *" $pkg "* ]] || pkgs+=("$pkg")
  done < <(missing_rows)
  printf 'As root: apt-get install %s\nthen run make again.\n' "${pkgs[*]}" >&2
  exit 1
}

main() {
  local missing row pkg reason sudo=() pkgs=() refused=()
  missing=$(missing_rows)
  [ -n "$missing" ] || exit 0

  while IFS= read -r row; do
    pkg=$(package_of "$row")
    [[ " ${pkgs[*]} " == *" $pkg "* ]] || pkgs+=("$pkg")
  done <<<"$missing"
  printf 'Missing from this machine: Debian packages %s\n' "${pkgs[*]}"

  builtin command -v apt-get >/dev/null || report_and_fail "there is no apt-get here."
  if [ "$(id -u)" != 0 ]; then
    builtin command -v sudo >/dev/null || report_and_fail "not root, and there is no sudo."
    sudo=(sudo)
  fi

  "${sudo[@]}" apt-get update -qq || echo "apt-get update failed; trying the install anyway" >&2
  for pkg in "${pkgs[@]}"; do
    if ! reason=$(fits "$pkg"); then
      printf 'Not installing %s: %s\n' "$pkg" "$reason" >&2
      refused+=("$pkg")
      continue
    fi
    echo "Installing $pkg"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null \
      || echo "apt-get install $pkg failed" >&2
  done

  [ -z "$(missing_rows)" ] || report_and_fail "still missing after apt-get (see its messages above)."
  exit 0
}

main "$@"
