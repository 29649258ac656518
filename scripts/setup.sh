#!/usr/bin/env bash
# Installs what GPUOS needs (only what is missing) and builds it into build/.
# Safe to run again: a second run installs nothing and rebuilds only changes.
#
#   scripts/setup.sh            install + configure + build
#   BUILD_DIR=out scripts/setup.sh   build somewhere else
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"

apt_packages=(llvm-22-dev libmlir-22-dev mlir-22-tools clang-22 libclang-22-dev
              ninja-build cmake libgtest-dev python3)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

python="$(command -v python3)"
if ! "$python" -c "import numpy" >/dev/null 2>&1; then
  echo "setup: installing numpy"
  "$python" -m pip install -q numpy
fi

if [ ! -x /usr/local/cuda/bin/nvcc ]; then
  echo "setup: warning: no CUDA toolkit at /usr/local/cuda; building without the runtime" >&2
  runtime=OFF
else
  runtime=ON
  export PATH="/usr/local/cuda/bin:$PATH"
fi

if [ ! -f "$build/build.ninja" ]; then
  cmake -G Ninja -S "$root" -B "$build" \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
    -DPython3_EXECUTABLE="$python" \
    -DGPUOS_ENABLE_RUNTIME="$runtime"
fi
cmake --build "$build"
echo "setup: built into $build"
