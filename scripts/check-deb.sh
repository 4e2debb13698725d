#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds hotspot's .deb (CPack), installs it into a fresh Debian 12 root made by debootstrap with
# apt resolving its dependencies from the machine's Debian mirror, and runs the installed
# `hotspot run` on the installed example there. Needs root and the Debian mirror; takes minutes.
#   scripts/check-deb.sh [WORKDIR]     (default: a new temporary folder, removed at the end)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
keep=${1:+yes}
mkdir -p "$work"
command -v debootstrap >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >&2; }

cd "$root"
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DHOTSPOT_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" --target hotspot hotspot_docs
(cd build && cpack -G DEB >/dev/null)
deb=$(ls build/hotspot_*_amd64.deb)

mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
mirror=${mirror:-http://deb.debian.org/debian}
chroot_dir=$work/root
cleanup() {
  umount "$chroot_dir/proc" 2>/dev/null || true
  [[ -n $keep ]] || rm -rf "$work"
}
trap cleanup EXIT
echo "debootstrap bookworm from $mirror into $chroot_dir" >&2
debootstrap --variant=minbase bookworm "$chroot_dir" "$mirror" >"$work/debootstrap.log" 2>&1 ||
  { tail -20 "$work/debootstrap.log"; exit 1; }
mount -t proc proc "$chroot_dir/proc"
cp "$deb" "$chroot_dir/tmp/"
in_root() { chroot "$chroot_dir" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive HOME=/root "$@"; }
in_root apt-get update -qq
in_root apt-get install -y -qq "/tmp/$(basename "$deb")" >"$work/apt.log" 2>&1 || { tail -30 "$work/apt.log"; exit 1; }
echo "installed: $(grep -c '^Setting up' "$work/apt.log") packages set up, hotspot among them" >&2
in_root hotspot --version
in_root man -l /usr/share/man/man1/hotspot.1 >/dev/null 2>&1 || in_root test -s /usr/share/man/man1/hotspot.1
in_root hotspot run /usr/share/hotspot/examples/ashfield-mansfield/tasking.toml --output /tmp/out --quiet
in_root test -s /tmp/out/2024-07-01/brief.html
in_root test -s /tmp/out/2024-07-01/kde/hotspots.geojson
in_root test -s /tmp/out/2024-07-01/pack.qgs
in_root hotspot run /usr/share/hotspot/examples/ashfield-mansfield/tasking.toml --output /tmp/out-gpkg --format gpkg --quiet
in_root test -s /tmp/out-gpkg/2024-07-01/pack.gpkg
echo "check-deb: the installed hotspot ran the installed example in a clean Debian 12 root" >&2
