#!/usr/bin/env bash
# Installs the native prerequisites of modbus-watch on Debian/Ubuntu: libpcap (runtime),
# with --test, what the integration tests start or compare against (tshark, rsyslog with its TLS
# driver, the Modbus peers mbpoll and pymodbus, whose server imports serial-asyncio, only recommended
# by its package), and with --bench, what the benchmark compares against and replays with (tshark,
# tcpreplay).
# Idempotent: a package already present is not touched.
set -euo pipefail

packages=(libpcap0.8)
case "${1:-}" in
  --test) packages+=(tshark rsyslog rsyslog-openssl mbpoll python3-pymodbus python3-serial-asyncio) ;;
  --bench) packages+=(tshark tcpreplay) ;;
  "") ;;
  *) echo "usage: $0 [--test|--bench]" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
echo "Installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
$sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
