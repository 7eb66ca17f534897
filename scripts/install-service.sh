#!/usr/bin/env bash
# Installs modbus-watch as a systemd service (deploy/systemd/modbus-watch.service): the user modbus-watch, the jar in
# /opt/modbus-watch, settings, routes and device profiles in /etc/modbus-watch (never overwriting ones already there),
# secrets.env readable by root only, outputs in /var/lib/modbus-watch. Run as root after `./mvnw package`.
#
#   scripts/install-service.sh [--jar FILE] [--enable] [--root DIR]
#     --jar FILE   the jar to install (default target/modbus-watch.jar)
#     --enable     enable the service and start it now
#     --root DIR   install under DIR instead of / (staging or packaging; no user is made, systemd is not told)
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/modbus-watch.jar
root=
enable=false
while [ $# -gt 0 ]; do
    case "$1" in
        --jar) jar="$2"; shift 2 ;;
        --root) root="${2%/}"; shift 2 ;;
        --enable) enable=true; shift ;;
        *) sed -n '2,10p' "$0" >&2; exit 2 ;;
    esac
done
[ -f "$jar" ] || { echo "install-service: $jar not found (build it with ./mvnw package)" >&2; exit 1; }
if [ -z "$root" ] && [ "$(id -u)" -ne 0 ]; then
    echo "install-service: run as root (it creates a user and writes to /opt, /etc and /var/lib)" >&2
    exit 1
fi

user=modbus-watch
if [ -z "$root" ] && ! id "$user" >/dev/null 2>&1; then
    useradd --system --user-group --no-create-home --home-dir /var/lib/modbus-watch --shell /usr/sbin/nologin "$user"
fi
owner="$user"
[ -z "$root" ] || owner="$(id -un)"

install -d -m 0755 "$root/opt/modbus-watch" "$root/etc/systemd/system"
install -m 0644 "$jar" "$root/opt/modbus-watch/modbus-watch.jar"
install -m 0644 README.md "$root/opt/modbus-watch/README.md"
install -d -m 0750 -o root -g "$(id -gn "$owner")" "$root/etc/modbus-watch"
install -d -m 0750 -o "$owner" -g "$(id -gn "$owner")" "$root/var/lib/modbus-watch"

config="$root/etc/modbus-watch"
if [ ! -f "$config/application.properties" ]; then
    sed 's|^modbus.output.dir = .*|modbus.output.dir = /var/lib/modbus-watch|' application.properties \
        > "$config/application.properties"
    chmod 0640 "$config/application.properties"
    chgrp "$(id -gn "$owner")" "$config/application.properties"
    echo "install-service: wrote $config/application.properties (set modbus.capture.uri to your SPAN interface)"
fi
[ -e "$config/devices.yaml" ] || install -m 0640 -g "$(id -gn "$owner")" devices.yaml "$config/devices.yaml"
if [ ! -d "$config/routes" ]; then
    install -d -m 0750 -g "$(id -gn "$owner")" "$config/routes"
    install -m 0640 -g "$(id -gn "$owner")" routes/* "$config/routes/"
fi
if [ ! -f "$config/secrets.env" ]; then
    umask 077
    cat > "$config/secrets.env" <<'SECRETS'
# Secrets of modbus-watch, read by systemd (as root) into the service's environment; readable by root only.
# MODBUS_AZURE_SHARED_KEY=
# MODBUS_AZURE_CLIENT_SECRET=
SECRETS
    chmod 0600 "$config/secrets.env"
fi
install -m 0644 deploy/systemd/modbus-watch.service "$root/etc/systemd/system/modbus-watch.service"

if [ -z "$root" ]; then
    systemctl daemon-reload
    if $enable; then
        systemctl enable --now modbus-watch.service
    fi
    echo "install-service: installed; start with: systemctl enable --now modbus-watch"
else
    echo "install-service: staged under $root"
fi
