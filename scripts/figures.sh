#!/usr/bin/env bash
# Reruns the commands behind the figures of docs/ and writes their output back,
# so no figure in the docs is a hand-edited copy.
#
# A figure block in a Markdown file:
#
#   <!-- figures: ed kaneko --hidden 8 -->
#   ...whatever the last run wrote...
#   <!-- /figures -->
#
# or, with several commands, one per line:
#
#   <!-- figures:
#   ed kaneko --hidden 2
#   ed kaneko --hidden 4
#   -->
#   ...
#   <!-- /figures -->
#
# Everything between the head and `<!-- /figures -->` is replaced by a ```text
# fence holding, for each command, `$ COMMAND` and what it printed. Words before
# the colon change that:
#   slow      rerun only with --slow (or when --only picks it); a note in brackets
#             may say how long it takes: `<!-- figures slow (4 min): make bench -->`
#   markdown  the command prints Markdown (a table): its output goes in as is,
#             after the command in a ```sh fence
# The head must not contain a colon before the command's. A block may be
# indented (inside a list item); a marker quoted in a code fence is not a block.
#
# Each command runs in bash from the repository's root with `set -o pipefail`;
# in it, `ed` is the release CLI (`cargo run --release --quiet --bin ed --`,
# built once at the start). A failing command stops the script and leaves its
# file as it was (files before it keep their new figures). Under pipefail a
# command cut short by `head` fails (SIGPIPE): take lines with `sed -n 1,3p`.
#
# Usage: scripts/figures.sh [--slow] [--only TEXT] [--list] [FILE...]
#   FILE       Markdown files to rewrite (default: docs/*.md)
#   --slow     rerun the slow blocks too
#   --only T   rerun only the blocks whose commands contain T (slow or not)
#   --list     print each block (file, line, options, commands) and run nothing
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

with_slow=0
only=""
list=0
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --slow) with_slow=1 ;;
    --only)
      [ $# -ge 2 ] || { echo "figures: --only needs a text" >&2; exit 2; }
      only=$2
      shift
      ;;
    --list) list=1 ;;
    -h | --help)
      sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    -*) echo "figures: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) files+=("$1") ;;
  esac
  shift
done
[ ${#files[@]} -gt 0 ] || files=(docs/*.md)

# `ed` inside a block: the release CLI, as `cargo run --release --quiet --bin ed --`
# would run it, built once here rather than checked by cargo at every call.
ed_bin="${CARGO_TARGET_DIR:-$root/target}/release/ed"
ed() { "$ed_bin" "$@"; }
if [ "$list" = 0 ]; then
  cargo build --release --quiet --bin ed >&2
fi

# run_one CMD OUT: runs CMD into OUT and prints it, ending with a newline.
run_one() {
  # Status checked by hand: errexit does not apply inside an `if` condition.
  (set -o pipefail; eval "$1") >"$2" || { echo "figures: failed: $1" >&2; return 1; }
  cat "$2"
  [ -z "$(tail -c1 "$2")" ] || echo
}

# run_block OPTIONS COMMANDS...: prints the block's new body.
run_block() {
  local options=$1
  shift
  local cmd out status=0
  out=$(mktemp)
  if [[ " $options " == *" markdown "* ]]; then
    for cmd in "$@"; do
      printf '```sh\n$ %s\n```\n\n' "$cmd"
      run_one "$cmd" "$out" || { status=1; break; }
      # A blank line ends a table before the next fence or the closing marker.
      echo
    done
  else
    echo '```text'
    for cmd in "$@"; do
      printf '$ %s\n' "$cmd"
      run_one "$cmd" "$out" || { status=1; break; }
    done
    echo '```'
  fi
  rm -f "$out"
  return $status
}

# wanted OPTIONS COMMANDS...: whether this run reruns the block.
wanted() {
  local options=$1
  shift
  if [ -n "$only" ]; then
    local cmd
    for cmd in "$@"; do
      [[ "$cmd" == *"$only"* ]] && return 0
    done
    return 1
  fi
  [[ " $options " != *" slow "* ]] || [ "$with_slow" = 1 ]
}

head_re='^([[:space:]]*)<!-- figures([^:]*):(.*)$'
status=0
for file in "${files[@]}"; do
  [ -f "$file" ] || { echo "figures: no such file: $file" >&2; exit 2; }
  new=$(mktemp)
  rewritten=0
  lineno=0
  in_fence=0
  exec 4<"$file"
  while IFS= read -r line <&4 || [ -n "$line" ]; do
    lineno=$((lineno + 1))
    # A marker quoted in a code fence (to document it) is not a block.
    if [[ "$line" =~ ^[[:space:]]*\`\`\` ]]; then
      in_fence=$((1 - in_fence))
    fi
    if [ "$in_fence" = 1 ] || ! [[ "$line" =~ $head_re ]]; then
      printf '%s\n' "$line" >>"$new"
      continue
    fi
    start=$lineno
    head=("$line")
    # Options are the words before the colon; a bracketed note is dropped.
    indent=${BASH_REMATCH[1]}
    options=$(sed 's/([^)]*)//g; s/^ *//; s/ *$//; s/  */ /g' <<<"${BASH_REMATCH[2]}")
    rest=${BASH_REMATCH[3]}
    commands=()
    if [[ "$rest" == *"-->" ]]; then
      rest=$(sed 's/^ *//; s/ *$//' <<<"${rest%-->}")
      [ -z "$rest" ] || commands+=("$rest")
    else
      while IFS= read -r line <&4; do
        lineno=$((lineno + 1))
        head+=("$line")
        [[ "$line" =~ ^[[:space:]]*--\>[[:space:]]*$ ]] && break
        trimmed=$(sed 's/^ *//; s/ *$//' <<<"$line")
        [ -z "$trimmed" ] || commands+=("$trimmed")
      done
    fi
    [ ${#commands[@]} -gt 0 ] || { echo "figures: $file:$start: a block without a command" >&2; exit 2; }
    old=()
    closed=0
    while IFS= read -r line <&4; do
      lineno=$((lineno + 1))
      if [[ "$line" =~ ^[[:space:]]*\<!--\ /figures\ --\>[[:space:]]*$ ]]; then
        closed=1
        break
      fi
      old+=("$line")
    done
    [ "$closed" = 1 ] || { echo "figures: $file:$start: no <!-- /figures --> after this block" >&2; exit 2; }

    printf '%s\n' "${head[@]}" >>"$new"
    if [ "$list" = 1 ]; then
      printf '%s:%s [%s]\n' "$file" "$start" "$options"
      printf '    %s\n' "${commands[@]}"
      [ ${#old[@]} -eq 0 ] || printf '%s\n' "${old[@]}" >>"$new"
    elif wanted "$options" "${commands[@]}"; then
      echo "figures: $file:$start: $(printf '%s; ' "${commands[@]}")" >&2
      began=$SECONDS
      body=$(mktemp)
      if ! run_block "$options" "${commands[@]}" >"$body"; then
        rm -f "$body"
        echo "figures: $file:$start: a command failed; $file is left as it was" >&2
        status=1
        break
      fi
      # A block inside a list item keeps its marker's indentation.
      sed "/./s/^/$indent/" "$body" >>"$new"
      rm -f "$body"
      echo "figures:   done in $((SECONDS - began)) s" >&2
      rewritten=$((rewritten + 1))
    else
      [ ${#old[@]} -eq 0 ] || printf '%s\n' "${old[@]}" >>"$new"
    fi
    printf '%s\n' "$indent<!-- /figures -->" >>"$new"
  done
  exec 4<&-
  if [ "$status" = 0 ] && [ "$rewritten" -gt 0 ] && ! cmp -s "$new" "$file"; then
    cat "$new" >"$file"
    echo "figures: $file: $rewritten block(s) rerun" >&2
  fi
  rm -f "$new"
  [ "$status" = 0 ] || exit "$status"
done
