#!/usr/bin/env bash
# Installs the Debian 12 packages SAM-SP Studio needs to build, test and run.
# Idempotent: packages already present are left alone. Runs as root, or via sudo.
set -euo pipefail

PKGS=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # Qt 6: Widgets, Concurrent, Test, LinguistTools, platform plugins
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n libgl-dev
  # LibTorch (1.13 in Debian 12) and a fast BLAS for its CPU matrix products
  libtorch-dev libopenblas0-pthread
  # imaging and formats
  libopencv-dev libdcmtk-dev dcmtk libnifti2-dev libpng-dev
  # support libraries
  libspdlog-dev libfmt-dev libcli11-dev
  # tests: DICOM validator, AppStream validator, a virtual X server for screenshots
  dicom3tools appstream xvfb xauth desktop-file-utils
  # packaging
  dpkg-dev file
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-deps: installing ${#missing[@]} package(s): ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update
  $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
else
  echo "install-deps: all ${#PKGS[@]} packages present"
fi

# Debian's LibTorch multiplies matrices through whichever libblas.so.3 is selected;
# the reference BLAS is ~28x slower for SAM. Select OpenBLAS (pthread) when it is not.
arch_triplet=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)
openblas="/usr/lib/${arch_triplet}/openblas-pthread/libblas.so.3"
if [ -e "$openblas" ]; then
  current=$(readlink -f "/usr/lib/${arch_triplet}/libblas.so.3" || true)
  if [ "$current" != "$(readlink -f "$openblas")" ]; then
    $SUDO update-alternatives --set "libblas.so.3-${arch_triplet}" "$openblas"
    $SUDO update-alternatives --set "liblapack.so.3-${arch_triplet}" \
      "/usr/lib/${arch_triplet}/openblas-pthread/liblapack.so.3" || true
  fi
fi
