#!/usr/bin/env bash
# Installs the native prerequisites of modbus-watch on Debian/Ubuntu: libpcap (runtime),
# and, with --test, what the integration tests start or compare against (tshark, rsyslog).
# Idempotent: a package already present is not touched.
set -euo pipefail

packages=(libpcap0.8)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(tshark rsyslog)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
echo "Installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
