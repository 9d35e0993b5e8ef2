#!/usr/bin/env bash
# Builds the Terraform engine the end-to-end tests run (OpenTofu 1.6.3, MPL-2.0) from the Go module
# proxy into .tools/bin, unless it is already there. Nothing is downloaded as a prebuilt binary.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/.tools/bin"
mkdir -p "$bin"

if [ ! -x "$bin/tofu" ]; then
  echo "Building OpenTofu v1.6.3 into $bin (takes a few minutes the first time)" >&2
  GOBIN="$bin" GOFLAGS=-mod=mod go install github.com/opentofu/opentofu/cmd/tofu@v1.6.3
fi

"$bin/tofu" version | head -n 1 >&2
