#!/usr/bin/env bash
# Sets up what the tests need on a fresh Debian or Ubuntu machine, then runs every test.
#   - mesa-vulkan-drivers: the software GPU (lavapipe) that renders the snapshot tests;
#   - xvfb, xauth, xdotool, imagemagick: a virtual display for the end-to-end window tests.
# Installing needs root (or sudo); without either, the tests run with what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(mesa-vulkan-drivers libvulkan1 xvfb xauth xdotool imagemagick)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cargo test --all-targets
