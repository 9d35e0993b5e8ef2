#!/usr/bin/env bash
# Builds the engines the end-to-end tests run, from the Go module proxy, unless they are already
# built: OpenTofu 1.6.3 (MPL-2.0) into .tools/bin, and the Pulumi CLI into .tools/pulumi/bin
# (scripts/build-pulumi.sh). Nothing is downloaded as a prebuilt binary.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/.tools/bin"
mkdir -p "$bin"

if [ ! -x "$bin/tofu" ]; then
  echo "Building OpenTofu v1.6.3 into $bin (takes a few minutes the first time)" >&2
  GOBIN="$bin" GOFLAGS=-mod=mod go install github.com/opentofu/opentofu/cmd/tofu@v1.6.3
fi

TF_CLI_CONFIG_FILE=/dev/null "$bin/tofu" version | head -n 1 >&2

"$root/scripts/build-pulumi.sh"
